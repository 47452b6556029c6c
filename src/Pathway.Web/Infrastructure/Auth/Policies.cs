using Microsoft.AspNetCore.Authorization;
using Pathway.Data.Security;
using Pathway.Domain.Access;
using Pathway.Domain.Referrals;
using Pathway.Domain.Assessments;
using Pathway.Domain.Compliance;
using Pathway.Domain.Signposting;
using Pathway.Domain.Staff;

namespace Pathway.Web.Infrastructure.Auth;

/// <summary>
/// Coarse role policies. They only decide which screens someone may open at all; whether they may see a particular
/// case is decided after it is loaded, by <see cref="Access.CaseAccess"/>.
/// </summary>
public static class Policies
{
    public const string CaseData = nameof(CaseData);
    public const string CaseEditor = nameof(CaseEditor);
    public const string Administrator = nameof(Administrator);
    public const string ClinicalLead = nameof(ClinicalLead);
    public const string BreakGlass = nameof(BreakGlass);
    /// <summary>Recording screening instruments: psychologists and the clinical lead (with edit access to the case).</summary>
    public const string ScreeningRecorder = nameof(ScreeningRecorder);
    public const string IncidentRecorder = nameof(IncidentRecorder);
    public const string Api = nameof(Api);
    public const string TrainingCoordinator = nameof(TrainingCoordinator);
    /// <summary>Training dashboards: coordinators (with names) and service managers (counts only).</summary>
    public const string TrainingReports = nameof(TrainingReports);
    /// <summary>Setting a case's approved-premises keyworker (<see cref="Domain.Training.Practice.KeyworkerSetters"/>).</summary>
    public const string KeyworkerSetter = nameof(KeyworkerSetter);
    /// <summary>May make a referral to the PD service (probation and the clinical lead).</summary>
    public const string Referrer = nameof(Referrer);
    /// <summary>The PD service's clinicians: the referral queue and allocation.</summary>
    public const string PdService = nameof(PdService);
    /// <summary>Psychologists and the clinical lead: those who write specialist assessments.</summary>
    public const string Assessor = nameof(Assessor);
    public const string ProbationRecorder = nameof(ProbationRecorder);
    public const string ConcernRecorder = nameof(ConcernRecorder);
    public const string RecallConsultant = nameof(RecallConsultant);
    public const string RecallDecider = nameof(RecallDecider);
    public const string RuleEditor = nameof(RuleEditor);
    /// <summary>Service-wide recall figures, counts only (<see cref="ComplianceRoles.RecallServiceReaders"/>).</summary>
    public const string RecallServiceReader = nameof(RecallServiceReader);
    /// <summary>Reading the service directory (<see cref="SignpostingRoles.DirectoryReaders"/>).</summary>
    public const string DirectoryReader = nameof(DirectoryReader);
    /// <summary>Keeping the service directory (<see cref="SignpostingRoles.DirectoryEditors"/>).</summary>
    public const string DirectoryEditor = nameof(DirectoryEditor);
    /// <summary>Partner-agency staff: only the referrals sent to their organisation.</summary>
    public const string PartnerAgency = nameof(PartnerAgency);
    /// <summary>The care pathway map (<see cref="Domain.Referrals.PathwayMap.Readers"/>).</summary>
    public const string PathwayMapReader = nameof(PathwayMapReader);
    /// <summary>The signposting reports (<see cref="SignpostingRoles.ReportReaders"/>).</summary>
    public const string SignpostingReports = nameof(SignpostingReports);
    /// <summary>The service co-ordination group's records (<see cref="Domain.Coordination.CoordinationRoles.Readers"/>; members' staff only while they are representatives).</summary>
    public const string CoordinationReader = nameof(CoordinationReader);
    /// <summary>Keeping the co-ordination group's records (<see cref="Domain.Coordination.CoordinationRoles.Administrators"/>).</summary>
    public const string CoordinationAdmin = nameof(CoordinationAdmin);
    /// <summary>The evaluation's outcome reports (<see cref="Domain.Evaluation.EvaluationRoles.Readers"/>).</summary>
    public const string EvaluationReader = nameof(EvaluationReader);

    public static readonly IReadOnlySet<StaffRole> IncidentRecorderRoles = new HashSet<StaffRole>(StaffRoles.CaseEditorRoles) { StaffRole.ApprovedPremisesStaff };

    public static void Configure(AuthorizationOptions o)
    {
        // Everything needs a signed-in user unless it says otherwise.
        o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        o.AddPolicy(CaseData, p => p.RequireRole(StaffRoles.CaseDataRoles.Select(r => r.ToString())));
        o.AddPolicy(CaseEditor, p => p.RequireRole(StaffRoles.CaseEditorRoles.Select(r => r.ToString())));
        o.AddPolicy(Administrator, p => p.RequireRole(StaffRoles.Administrator));
        o.AddPolicy(ClinicalLead, p => p.RequireRole(StaffRoles.ClinicalLead));
        o.AddPolicy(ScreeningRecorder, p => p.RequireRole(StaffRoles.ClinicalLead, StaffRoles.Psychologist));
        o.AddPolicy(TrainingCoordinator, p => p.RequireRole(StaffRoles.TrainingCoordinator));
        o.AddPolicy(TrainingReports, p => p.RequireRole(StaffRoles.TrainingCoordinator, StaffRoles.ServiceManager));
        o.AddPolicy(KeyworkerSetter, p => p.RequireRole(Domain.Training.Practice.KeyworkerSetters.Select(r => r.ToString())));
        // AP staff record incidents on the residents they can see, though they cannot change the case itself.
        o.AddPolicy(IncidentRecorder, p => p.RequireRole(IncidentRecorderRoles.Select(r => r.ToString())));
        o.AddPolicy(BreakGlass, p => p.RequireAuthenticatedUser().RequireAssertion(c => CaseAccessRules.CanBreakGlass(c.User.ToStaffContext())));
        o.AddPolicy(Referrer, p => p.RequireRole(ReferralAccessRules.ReferrerRoles.Select(r => r.ToString())));
        o.AddPolicy(PdService, p => p.RequireRole(ReferralAccessRules.ServiceRoles.Select(r => r.ToString())));
        o.AddPolicy(Assessor, p => p.RequireRole(AssessmentRoles.Assessors.Select(r => r.ToString())));
        o.AddPolicy(ProbationRecorder, p => p.RequireRole(ComplianceRoles.ProbationRecorders.Select(r => r.ToString())));
        o.AddPolicy(ConcernRecorder, p => p.RequireRole(ComplianceRoles.ConcernRecorders.Select(r => r.ToString())));
        o.AddPolicy(RecallConsultant, p => p.RequireRole(ComplianceRoles.RecallConsultants.Select(r => r.ToString())));
        o.AddPolicy(RecallDecider, p => p.RequireRole(ComplianceRoles.RecallDeciders.Select(r => r.ToString())));
        o.AddPolicy(RuleEditor, p => p.RequireRole(ComplianceRoles.RuleEditors.Select(r => r.ToString())));
        o.AddPolicy(RecallServiceReader, p => p.RequireRole(ComplianceRoles.RecallServiceReaders.Select(r => r.ToString())));
        o.AddPolicy(DirectoryReader, p => p.RequireRole(SignpostingRoles.DirectoryReaders.Select(r => r.ToString())));
        o.AddPolicy(DirectoryEditor, p => p.RequireRole(SignpostingRoles.DirectoryEditors.Select(r => r.ToString())));
        o.AddPolicy(PartnerAgency, p => p.RequireRole(StaffRoles.PartnerAgency));
        o.AddPolicy(PathwayMapReader, p => p.RequireRole(PathwayMap.Readers.Select(r => r.ToString())));
        o.AddPolicy(SignpostingReports, p => p.RequireRole(SignpostingRoles.ReportReaders.Select(r => r.ToString())));
        o.AddPolicy(CoordinationReader, p => p.RequireRole(Domain.Coordination.CoordinationRoles.Readers.Select(r => r.ToString())));
        o.AddPolicy(CoordinationAdmin, p => p.RequireRole(Domain.Coordination.CoordinationRoles.Administrators.Select(r => r.ToString())));
        o.AddPolicy(EvaluationReader, p => p.RequireRole(Domain.Evaluation.EvaluationRoles.Readers.Select(r => r.ToString())));
        o.AddPolicy(Api, p => p.AddAuthenticationSchemes(ApiTokens.Scheme).RequireAuthenticatedUser().AddRequirements(new SecondFactorRequirement()));
    }
}
