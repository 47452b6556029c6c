namespace Pathway.Domain.Events;

/// <summary>What a kind of event is about, for a person's notification choices (one choice per kind).</summary>
public enum NotificationKind
{
    Referrals,
    Consultations,
    Assessments,
    CarePlans,
    Recall,
    Signposting,
    Coordination,
    BreakGlass,
    Training,
}

/// <summary>One event type: its stable name, the kind a person chooses notifications for, and the generic sentence an
/// email or in-app notice says (never names, CRNs or clinical content).</summary>
public sealed record DomainEventType(string Name, NotificationKind Kind, string Notice, bool IsReminder = false);

/// <summary>
/// Every domain event Pathway raises, named once (<c>pathway.area[.thing].happened</c>, the HMPPS domain-event naming),
/// each with the kind a person chooses how to hear about and a generic sentence. Handlers raise them with
/// <c>events.Raise(DomainEventTypes.ReferralAllocated, …)</c>; reminders come from the scheduled job.
/// </summary>
public static class DomainEventTypes
{
    public const string ReferralCreated = "pathway.referral.created";
    public const string ReferralAllocated = "pathway.referral.allocated";
    public const string ConsultationActionAssigned = "pathway.consultation.action.assigned";
    public const string AssessmentSubmitted = "pathway.assessment.submitted";
    public const string AssessmentCountersigned = "pathway.assessment.countersigned";
    public const string AssessmentReturned = "pathway.assessment.returned";
    public const string CarePlanSubmitted = "pathway.care-plan.submitted";
    public const string CarePlanCountersigned = "pathway.care-plan.countersigned";
    public const string RecallConsiderationStarted = "pathway.recall.consideration.started";
    public const string RecallAdviceRequested = "pathway.recall.advice-requested";
    public const string RecallDecisionNeeded = "pathway.recall.decision-needed";
    public const string RecallAdviceGiven = "pathway.recall.advice-given";
    public const string RecallCountersignatureNeeded = "pathway.recall.countersignature-needed";
    public const string RecallDecided = "pathway.recall.decided";
    public const string SignpostingReferralSent = "pathway.signposting.referral.sent";
    public const string SignpostingReferralReplied = "pathway.signposting.referral.replied";
    public const string CoordinationActionAssigned = "pathway.coordination.action.assigned";
    public const string BreakGlassGranted = "pathway.break-glass.granted";

    // Reminders, raised by the scheduled job rather than by a change.
    public const string CarePlanReviewDue = "pathway.care-plan.review-due";
    public const string ConsultationActionOverdue = "pathway.consultation.action.overdue";
    public const string CoordinationActionOverdue = "pathway.coordination.action.overdue";
    public const string SignpostingReferralNoReply = "pathway.signposting.referral.no-reply";
    public const string TrainingExpiring = "pathway.training.expiring";

    public static readonly IReadOnlyList<DomainEventType> All =
    [
        new(ReferralCreated, NotificationKind.Referrals, "A new referral has been made to the PD service."),
        new(ReferralAllocated, NotificationKind.Referrals, "A referral has been allocated to you."),
        new(ConsultationActionAssigned, NotificationKind.Consultations, "An action from a consultation has been given to you."),
        new(AssessmentSubmitted, NotificationKind.Assessments, "An assessment is waiting for your countersignature."),
        new(AssessmentCountersigned, NotificationKind.Assessments, "An assessment on a case you work with has been countersigned."),
        new(AssessmentReturned, NotificationKind.Assessments, "An assessment you wrote has been returned to you."),
        new(CarePlanSubmitted, NotificationKind.CarePlans, "A care plan is waiting for your countersignature."),
        new(CarePlanCountersigned, NotificationKind.CarePlans, "A care plan you worked on has been countersigned."),
        new(RecallConsiderationStarted, NotificationKind.Recall, "A recall consideration has been started on a case you work with."),
        new(RecallAdviceRequested, NotificationKind.Recall, "Your advice has been asked for on a recall consideration."),
        new(RecallDecisionNeeded, NotificationKind.Recall, "A recall consideration is waiting for your decision."),
        new(RecallAdviceGiven, NotificationKind.Recall, "The psychologist's advice has been recorded on a recall consideration you are working on."),
        new(RecallCountersignatureNeeded, NotificationKind.Recall, "A decision to recall is waiting for your countersignature."),
        new(RecallDecided, NotificationKind.Recall, "A recall decision has been made on a case you work with."),
        new(SignpostingReferralSent, NotificationKind.Signposting, "A referral has been sent to your organisation."),
        new(SignpostingReferralReplied, NotificationKind.Signposting, "A service has replied to a referral you made."),
        new(CoordinationActionAssigned, NotificationKind.Coordination, "An action from the co-ordination group has been given to you."),
        new(BreakGlassGranted, NotificationKind.BreakGlass, "Someone has used emergency access to a case. Please review it."),
        new(CarePlanReviewDue, NotificationKind.CarePlans, "A care plan review is due.", IsReminder: true),
        new(ConsultationActionOverdue, NotificationKind.Consultations, "An action from a consultation is overdue.", IsReminder: true),
        new(CoordinationActionOverdue, NotificationKind.Coordination, "An action from the co-ordination group is overdue.", IsReminder: true),
        new(SignpostingReferralNoReply, NotificationKind.Signposting, "A referral you made has had no reply for 10 working days.", IsReminder: true),
        new(TrainingExpiring, NotificationKind.Training, "Some of your training is due to expire.", IsReminder: true),
    ];

    private static readonly Dictionary<string, DomainEventType> ByName = All.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The declared type, or an exception: an event type typed anywhere but here is a bug.</summary>
    public static DomainEventType Get(string name) =>
        ByName.TryGetValue(name, out var t) ? t : throw new ArgumentException($"'{name}' is not in the domain-event catalogue.", nameof(name));

    public static bool IsDeclared(string name) => ByName.ContainsKey(name);
}
