using Microsoft.AspNetCore.Authorization;
using Pathway.Data.Security;
using Pathway.Domain.Access;
using Pathway.Domain.Staff;

namespace Pathway.Web.Infrastructure.Auth;

/// <summary>
/// Coarse role policies. They only decide which screens someone may open at all; whether they may see a particular
/// case is decided after it is loaded, by <see cref="Access.CaseAccess"/>. Every role policy is one row of
/// <see cref="RoleTable"/>, naming a set from the catalogue (<see cref="RoleSets"/>) or a single role.
/// </summary>
public static class Policies
{
    /// <summary>Identifiable case data (<see cref="RoleSets.CaseData"/>).</summary>
    public const string CaseData = nameof(CaseData);
    /// <summary>Creating and editing people on licence and their licences (<see cref="RoleSets.CaseTeam"/>).</summary>
    public const string CaseEditor = nameof(CaseEditor);
    public const string Administrator = nameof(Administrator);
    public const string ClinicalLead = nameof(ClinicalLead);
    /// <summary>Emergency access: a rule on the person's roles (<see cref="CaseAccessRules.CanBreakGlass"/>), not a role set.</summary>
    public const string BreakGlass = nameof(BreakGlass);
    /// <summary>Recording screening instruments: psychologists and the clinical lead (with edit access to the case).</summary>
    public const string ScreeningRecorder = nameof(ScreeningRecorder);
    /// <summary>Recording incidents (<see cref="RoleSets.IncidentRecorders"/>).</summary>
    public const string IncidentRecorder = nameof(IncidentRecorder);
    /// <summary>The JSON API and FHIR export: API tokens with two-factor sign-in, not a role set.</summary>
    public const string Api = nameof(Api);
    public const string TrainingCoordinator = nameof(TrainingCoordinator);
    /// <summary>Training dashboards: coordinators (with names) and service managers (counts only).</summary>
    public const string TrainingReports = nameof(TrainingReports);
    /// <summary>Setting a case's approved-premises keyworker (<see cref="RoleSets.KeyworkerSetters"/>).</summary>
    public const string KeyworkerSetter = nameof(KeyworkerSetter);
    /// <summary>May make a referral to the PD service (probation and the clinical lead).</summary>
    public const string Referrer = nameof(Referrer);
    /// <summary>The PD service's clinicians: the referral queue and allocation.</summary>
    public const string PdService = nameof(PdService);
    /// <summary>Psychologists and the clinical lead: those who write specialist assessments.</summary>
    public const string Assessor = nameof(Assessor);
    /// <summary>Contacts, warning letters, breaches and starting recall considerations (<see cref="RoleSets.Probation"/>).</summary>
    public const string ProbationRecorder = nameof(ProbationRecorder);
    /// <summary>Behaviours of concern (<see cref="RoleSets.Practitioners"/>).</summary>
    public const string ConcernRecorder = nameof(ConcernRecorder);
    /// <summary>The psychologist's consultation on a recall consideration (<see cref="RoleSets.Clinicians"/>).</summary>
    public const string RecallConsultant = nameof(RecallConsultant);
    /// <summary>Recall decisions and countersignatures (<see cref="RoleSets.RecallDeciders"/>).</summary>
    public const string RecallDecider = nameof(RecallDecider);
    /// <summary>The early-warning rules and the rules register (<see cref="RoleSets.RuleEditors"/>).</summary>
    public const string RuleEditor = nameof(RuleEditor);
    /// <summary>Service-wide recall figures, counts only (<see cref="RoleSets.RecallServiceReaders"/>).</summary>
    public const string RecallServiceReader = nameof(RecallServiceReader);
    /// <summary>Reading the service directory (<see cref="RoleSets.PractitionersAndManagers"/>).</summary>
    public const string DirectoryReader = nameof(DirectoryReader);
    /// <summary>Keeping the service directory (<see cref="RoleSets.Clinicians"/>).</summary>
    public const string DirectoryEditor = nameof(DirectoryEditor);
    /// <summary>Partner-agency staff: only the referrals sent to their organisation.</summary>
    public const string PartnerAgency = nameof(PartnerAgency);
    /// <summary>The care pathway map (<see cref="RoleSets.PractitionersAndManagers"/>).</summary>
    public const string PathwayMapReader = nameof(PathwayMapReader);
    /// <summary>The signposting reports (<see cref="RoleSets.CliniciansAndManagers"/>).</summary>
    public const string SignpostingReports = nameof(SignpostingReports);
    /// <summary>The service co-ordination group's records (<see cref="RoleSets.CoordinationReaders"/>; members' staff only while they are representatives).</summary>
    public const string CoordinationReader = nameof(CoordinationReader);
    /// <summary>Keeping the co-ordination group's records (<see cref="RoleSets.Clinicians"/>).</summary>
    public const string CoordinationAdmin = nameof(CoordinationAdmin);
    /// <summary>HMPPS's subject access request service: an API token of a service account holding
    /// <see cref="ServiceRoles.SubjectAccess"/>. No staff role passes it.</summary>
    public const string SubjectAccessService = nameof(SubjectAccessService);
    /// <summary>The evaluation's outcome reports (<see cref="RoleSets.CliniciansAndManagers"/>).</summary>
    public const string EvaluationReader = nameof(EvaluationReader);

    /// <summary>Every role policy and the roles it admits (any one of them). <see cref="BreakGlass"/> and
    /// <see cref="Api"/> and <see cref="SubjectAccessService"/> are not about staff roles and are built below the table.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<StaffRole>> RoleTable = new Dictionary<string, IReadOnlySet<StaffRole>>
    {
        [CaseData] = RoleSets.CaseData,
        [CaseEditor] = RoleSets.CaseTeam,
        [Administrator] = Only(StaffRole.Administrator),
        [ClinicalLead] = Only(StaffRole.ClinicalLead),
        [ScreeningRecorder] = RoleSets.Clinicians,
        [TrainingCoordinator] = Only(StaffRole.TrainingCoordinator),
        [TrainingReports] = RoleSets.TrainingReportReaders,
        [KeyworkerSetter] = RoleSets.KeyworkerSetters,
        // AP staff record incidents on the residents they can see, though they cannot change the case itself.
        [IncidentRecorder] = RoleSets.IncidentRecorders,
        [Referrer] = RoleSets.ProbationAndClinicalLead,
        [PdService] = RoleSets.Clinicians,
        [Assessor] = RoleSets.Clinicians,
        [ProbationRecorder] = RoleSets.Probation,
        [ConcernRecorder] = RoleSets.Practitioners,
        [RecallConsultant] = RoleSets.Clinicians,
        [RecallDecider] = RoleSets.RecallDeciders,
        [RuleEditor] = RoleSets.RuleEditors,
        [RecallServiceReader] = RoleSets.RecallServiceReaders,
        [DirectoryReader] = RoleSets.PractitionersAndManagers,
        [DirectoryEditor] = RoleSets.Clinicians,
        [PartnerAgency] = Only(StaffRole.PartnerAgency),
        [PathwayMapReader] = RoleSets.PractitionersAndManagers,
        [SignpostingReports] = RoleSets.CliniciansAndManagers,
        [CoordinationReader] = RoleSets.CoordinationReaders,
        [CoordinationAdmin] = RoleSets.Clinicians,
        [EvaluationReader] = RoleSets.CliniciansAndManagers,
    };

    public static void Configure(AuthorizationOptions o)
    {
        // Everything needs a signed-in user unless it says otherwise.
        o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        foreach (var (name, roles) in RoleTable)
            o.AddPolicy(name, p => p.RequireRole(roles.Order().Select(r => r.ToString())));
        o.AddPolicy(BreakGlass, p => p.RequireAuthenticatedUser().RequireAssertion(c => CaseAccessRules.CanBreakGlass(c.User.ToStaffContext())));
        o.AddPolicy(SubjectAccessService, p => p.AddAuthenticationSchemes(ApiTokens.Scheme).RequireAuthenticatedUser()
            .RequireRole(ServiceRoles.SubjectAccess).AddRequirements(new SecondFactorRequirement()));
        o.AddPolicy(Api, p => p.AddAuthenticationSchemes(ApiTokens.Scheme).RequireAuthenticatedUser().AddRequirements(new SecondFactorRequirement()));
    }

    private static IReadOnlySet<StaffRole> Only(StaffRole role) => new HashSet<StaffRole> { role };
}
