using Pathway.Domain.Staff;
using static Pathway.Domain.Staff.StaffRole;

namespace Pathway.Web.Features.Tasks;

/// <summary>The kinds of work Pathway knows is waiting for someone. Names are used in links and the API; never rename.</summary>
public enum TaskKind
{
    ReferralToAllocate,
    FirstConsultation,
    ConsultationAction,
    ScreeningDraft,
    AssessmentDraft,
    AssessmentToCountersign,
    CarePlanToCountersign,
    CarePlanReview,
    ChainAnalysisDue,
    EarlyWarningSignal,
    RecallAdvice,
    RecallDecision,
    RecallCountersignature,
    RecallLetter,
    SignpostingNoReply,
    SignpostingToAnswer,
    CoordinationAction,
    TrainingDue,
    TrainingBooked,
    TrainingExpiring,
    BreakGlassReview,
    DirectoryCheck,
}

/// <summary>One kind of task: what it is called, the heading it is listed under, and which roles it can wait for.</summary>
public sealed record TaskKindInfo(TaskKind Kind, string Slug, string Name, string Group, IReadOnlySet<StaffRole> WaitsFor);

/// <summary>
/// The task-kind catalogue, in the order the kinds are listed. Each area's task source (<see cref="ITaskSource"/>)
/// produces only kinds named here, and a test holds every kind to at least one source and one demo task.
/// </summary>
public static class TaskKinds
{
    public static readonly IReadOnlyList<TaskKindInfo> All =
    [
        K(TaskKind.ReferralToAllocate, "Referrals to allocate", "Referrals", ClinicalLead),
        K(TaskKind.FirstConsultation, "Referrals waiting for a first consultation", "Referrals", Psychologist, ClinicalLead),
        K(TaskKind.ConsultationAction, "Consultation actions", "Consultations", ClinicalLead, Psychologist, OffenderManager, SeniorProbationOfficer),
        K(TaskKind.ScreeningDraft, "Screenings in draft", "Screening and assessment", ClinicalLead, Psychologist),
        K(TaskKind.AssessmentDraft, "Assessments in draft", "Screening and assessment", ClinicalLead, Psychologist),
        K(TaskKind.AssessmentToCountersign, "Assessments to countersign", "Screening and assessment", ClinicalLead),
        K(TaskKind.CarePlanToCountersign, "Care plans to countersign", "Care plans", OffenderManager, SeniorProbationOfficer),
        K(TaskKind.CarePlanReview, "Care plan reviews due", "Care plans", Psychologist, ClinicalLead, OffenderManager, SeniorProbationOfficer),
        K(TaskKind.ChainAnalysisDue, "Incidents without a chain analysis", "Incidents", Psychologist, ClinicalLead),
        K(TaskKind.EarlyWarningSignal, "Early-warning signals", "Early-warning signals", OffenderManager, SeniorProbationOfficer, Psychologist, ClinicalLead),
        K(TaskKind.RecallAdvice, "Recall considerations waiting for your advice", "Recall", Psychologist, ClinicalLead),
        K(TaskKind.RecallDecision, "Recall considerations waiting for a decision", "Recall", SeniorProbationOfficer),
        K(TaskKind.RecallCountersignature, "Recall decisions to countersign", "Recall", SeniorProbationOfficer),
        K(TaskKind.RecallLetter, "Decision-not-to-recall letters to send", "Recall", OffenderManager, SeniorProbationOfficer),
        K(TaskKind.SignpostingNoReply, "Signposting referrals with no reply", "Signposting", ClinicalLead, Psychologist, OffenderManager, SeniorProbationOfficer),
        K(TaskKind.SignpostingToAnswer, "Referrals to accept or decline", "Signposting", PartnerAgency),
        K(TaskKind.CoordinationAction, "Co-ordination group actions", "Co-ordination group",
            ClinicalLead, Psychologist, ServiceManager, OffenderManager, SeniorProbationOfficer, PublicProtectionOfficer, ApprovedPremisesStaff, PartnerAgency),
        K(TaskKind.TrainingDue, "Training due", "Training", [.. Enum.GetValues<StaffRole>()]),
        K(TaskKind.TrainingBooked, "Training sessions booked", "Training", [.. Enum.GetValues<StaffRole>()]),
        K(TaskKind.TrainingExpiring, "Training expiring", "Training", [.. Enum.GetValues<StaffRole>()]),
        K(TaskKind.BreakGlassReview, "Emergency access to review", "Emergency access", ClinicalLead),
        K(TaskKind.DirectoryCheck, "Directory entries due a check", "Service directory", ClinicalLead, Psychologist),
    ];

    private static readonly Dictionary<TaskKind, TaskKindInfo> ByKind = All.ToDictionary(k => k.Kind);

    public static TaskKindInfo Of(TaskKind kind) => ByKind[kind];

    public static TaskKindInfo? FromSlug(string? slug) => All.FirstOrDefault(k => string.Equals(k.Slug, slug, StringComparison.OrdinalIgnoreCase));

    /// <summary>The kind's position in the catalogue, for a stable order of groups.</summary>
    public static int Order(TaskKind kind) => (int)kind;

    private static TaskKindInfo K(TaskKind kind, string name, string group, params StaffRole[] roles) =>
        new(kind, Slug(kind), name, group, roles.ToHashSet());

    private static string Slug(TaskKind kind) =>
        string.Concat(kind.ToString().Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
