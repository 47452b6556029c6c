using Pathway.Domain.Staff;

namespace Pathway.Domain.Compliance;

/// <summary>
/// Who may record what in licence compliance and recall decision support (docs/architecture.md, "Compliance and
/// recall"). Aliases of sets in <see cref="RoleSets"/>, kept so the Compliance pages need not change; new code
/// should use <see cref="RoleSets"/>. Each set is also a role policy; read access to the case is checked on top, after loading.
/// </summary>
public static class ComplianceRoles
{
    /// <summary>Contacts, warning letters, breaches and recall considerations: the people who supervise the licence.</summary>
    public static readonly IReadOnlySet<StaffRole> ProbationRecorders = RoleSets.Probation;

    /// <summary>
    /// Behaviours of concern: probation, the PD service, and the police and approved-premises staff who often see the
    /// behaviour first, on cases they can see.
    /// </summary>
    public static readonly IReadOnlySet<StaffRole> ConcernRecorders = RoleSets.Practitioners;

    /// <summary>The psychologist's consultation on a recall consideration.</summary>
    public static readonly IReadOnlySet<StaffRole> RecallConsultants = RoleSets.Clinicians;

    /// <summary>Management oversight, the decision and countersignature.</summary>
    public static readonly IReadOnlySet<StaffRole> RecallDeciders = RoleSets.RecallDeciders;

    /// <summary>The early-warning rules: clinical governance (clinical lead) and system administration.</summary>
    public static readonly IReadOnlySet<StaffRole> RuleEditors = RoleSets.RuleEditors;

    /// <summary>The service-wide recall figures, counts only with small cells suppressed: the service manager (who sees no
    /// case data) and the clinical lead.</summary>
    public static readonly IReadOnlySet<StaffRole> RecallServiceReaders = RoleSets.RecallServiceReaders;
}
