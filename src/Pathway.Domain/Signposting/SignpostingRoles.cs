using Pathway.Domain.Staff;

namespace Pathway.Domain.Signposting;

/// <summary>Who may use the service directory. The directory holds no personal data: it describes organisations and their services.</summary>
public static class SignpostingRoles
{
    /// <summary>The PD service keeps the directory true: the clinical lead (who co-ordinates the partner network) and psychologists.</summary>
    public static readonly IReadOnlySet<StaffRole> DirectoryEditors = new HashSet<StaffRole> { StaffRole.ClinicalLead, StaffRole.Psychologist };

    /// <summary>Everyone who works with people on licence, and service managers, may read it. Partner agencies and
    /// training-only accounts have their own narrow views.</summary>
    public static readonly IReadOnlySet<StaffRole> DirectoryReaders = new HashSet<StaffRole>
    {
        StaffRole.ClinicalLead, StaffRole.Psychologist, StaffRole.OffenderManager, StaffRole.SeniorProbationOfficer,
        StaffRole.PublicProtectionOfficer, StaffRole.ApprovedPremisesStaff, StaffRole.ServiceManager,
    };

    /// <summary>The signposting reports: the PD service's clinicians (exact counts) and service managers (suppressed counts).</summary>
    public static readonly IReadOnlySet<StaffRole> ReportReaders = new HashSet<StaffRole> { StaffRole.ClinicalLead, StaffRole.Psychologist, StaffRole.ServiceManager };
}
