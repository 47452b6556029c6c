using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Incidents;

namespace Pathway.Data.Seeding;

/// <summary>
/// The text of the demo's care plans and incidents. Each persona (see <c>Personas/</c>) says when its plan was written,
/// signed and countersigned and which assessment it was drawn from.
/// </summary>
internal static class DemoCarePlans
{
    /// <summary>
    /// A first plan drawn from <paramref name="formulation"/>: a draft (no risk section yet) when <paramref name="signedAt"/>
    /// is null, otherwise signed by the psychologist and countersigned by the offender manager, then active.
    /// </summary>
    public static CarePlan Plan(PathwayDbContext db, CaseRecord c, Assessment formulation, Guid psych, DateTimeOffset createdAt,
        DateTimeOffset? signedAt = null, Guid? countersignedBy = null, DateTimeOffset? countersignedAt = null, DateOnly? review = null,
        IReadOnlyDictionary<string, string>? overrides = null, DateTimeOffset? goalAchievedAt = null)
    {
        if (formulation.CountersignedAt is not { } locked || createdAt <= locked) throw new ArgumentException($"A plan for {c.Crn} must follow its locked assessment");
        // Signed and not yet countersigned: the plan waits for the offender manager.
        var awaiting = signedAt is not null && countersignedAt is null;
        if (signedAt is { } s && (s <= createdAt || (countersignedAt is { } cs && cs <= s))) throw new ArgumentException($"Plan dates out of order for {c.Crn}");
        var active = signedAt is not null && !awaiting;
        var plan = new CarePlan
        {
            CaseId = c.Id, Number = 1, Status = active ? CarePlanStatus.Active : awaiting ? CarePlanStatus.AwaitingCountersignature : CarePlanStatus.Draft,
            Reason = "First plan after the formulation",
            CreatedById = psych, CreatedAt = createdAt, UpdatedAt = countersignedAt ?? signedAt ?? createdAt, FormulationAssessmentId = formulation.Id,
            ReviewDate = review, Agreement = signedAt is not null ? PersonAgreement.Agreed : null,
            SignedById = signedAt is not null ? psych : null, SignedAt = signedAt, CountersignedById = active ? countersignedBy : null, CountersignedAt = countersignedAt,
        };
        foreach (var (key, text) in Texts)
        {
            if (signedAt is null && key.StartsWith("risk", StringComparison.Ordinal)) continue;
            plan.Texts.Add(new CarePlanText { CarePlanId = plan.Id, Key = key, Text = overrides?.GetValueOrDefault(key) ?? text });
        }
        db.CarePlanRestrictedNotes.Add(new CarePlanRestrictedNote { CarePlanId = plan.Id, Text = "Police intelligence about a former associate: not to be shared with him." });
        AddRows(db, plan, psych, createdAt, goalAchievedAt);
        db.CarePlans.Add(plan);
        return plan;
    }

    /// <summary>For someone in their own tenancy: the plan's words without the approved premises.</summary>
    public static readonly IReadOnlyDictionary<string, string> InTheCommunity = new Dictionary<string, string>
    {
        ["triggers"] = "Phone calls with family – his sister notices – offer time to talk at the next appointment.\nCancelled appointments – OM notices – rebook the same day.",
        ["triggers.early-warning"] = "Stops answering the phone; misses an appointment – OM – phone the same day, then a home visit.",
        ["risk.supervision"] = "Weekly OM appointments at the same time and place.",
        ["risk.monitoring"] = "Home visits monthly; drug testing.",
        ["risk.agencies"] = "Community mental health team; housing; community alcohol service.",
        ["risk.controls"] = "Licence conditions: residence, non-contact.",
        ["contingency"] = "If he misses contact: phone the same day, then a home visit; tell the psychologist.",
        ["contingency.out-of-hours"] = "Probation out-of-hours line; crisis line.",
    };

    public static Incident Incident(CaseRecord c, DateTimeOffset at, IncidentType type, IncidentSeverity severity, string trigger, Guid by, DateTimeOffset recordedAt) => new()
    {
        CaseId = c.Id, OccurredAt = at, Location = "Approved premises", Type = type, Severity = severity, Trigger = trigger,
        Description = "Became distressed after a phone call.", StaffResponse = "Night worker stayed with him and used the crisis plan.",
        WhoWasInformed = "Offender manager; PD service psychologist", RecordedById = by, CreatedAt = recordedAt, UpdatedAt = recordedAt,
    };

    /// <summary>Two goals (one achieved, with its history), three actions and the DBT skills the plan points to.</summary>
    internal static void AddRows(PathwayDbContext db, CarePlan plan, Guid psych, DateTimeOffset at, DateTimeOffset? goalAchievedAt = null)
    {
        var today = DateOnly.FromDateTime(at.UtcDateTime);
        CarePlanGoal Goal(int position, NeedArea area, string words, string smart, DateOnly target)
        {
            var g = new CarePlanGoal { CarePlanId = plan.Id, Position = position, Area = area, InOwnWords = words, Smart = smart, TargetDate = target, Status = GoalStatus.Active, CreatedAt = at };
            g.SeriesId = g.Id;
            g.History.Add(new CarePlanGoalStatusChange { GoalId = g.Id, To = GoalStatus.Active, Note = "Goal set", ChangedById = psych, ChangedAt = at });
            return g;
        }
        var visit = Goal(0, NeedArea.Relationships, "Have one calm visit with my sister by the summer",
            "Plan and attend one supervised visit with his sister, using his crisis card beforehand, by the target date.", today.AddMonths(9));
        var room = Goal(1, NeedArea.Accommodation, "Keep my place to live",
            "No curfew breaches or warnings about where he lives for eight weeks.", today.AddMonths(2));
        if (plan.Status == CarePlanStatus.Active)
        {
            room.Status = GoalStatus.Achieved;
            room.History.Add(new CarePlanGoalStatusChange { GoalId = room.Id, From = GoalStatus.Active, To = GoalStatus.Achieved, Note = "Eight weeks without a warning", ChangedById = psych, ChangedAt = goalAchievedAt ?? at.AddHours(20) });
        }
        db.CarePlanGoals.AddRange(visit, room);
        CarePlanAction Action(int position, string what, string who, string when, ActionStatus status)
        {
            var a = new CarePlanAction { CarePlanId = plan.Id, Position = position, What = what, Who = who, When = when, Status = status, CreatedAt = at };
            a.SeriesId = a.Id;
            return a;
        }
        db.CarePlanActions.AddRange(
            Action(0, "Weekly DBT skills group", "PD service", "Tuesdays, weekly", ActionStatus.InProgress),
            Action(1, "Three-way meeting before any change of worker", "Offender manager", "Before any handover", ActionStatus.NotStarted),
            Action(2, "Keyworker session after each family phone call", "Approved premises keyworker", "Same day as the call", ActionStatus.InProgress));
        db.CarePlanSkills.AddRange(
            new CarePlanSkill { CarePlanId = plan.Id, SkillCode = "tip" },
            new CarePlanSkill { CarePlanId = plan.Id, SkillCode = "opposite-action" },
            new CarePlanSkill { CarePlanId = plan.Id, SkillCode = "check-the-facts" });
    }

    private static readonly (string Key, string Text)[] Texts =
    [
        ("understanding.summary", "Early loss and moves between carers left him expecting rejection. When he feels let down, shame turns quickly to anger."),
        ("understanding.presentation", "Behaviour: withdraws, then can shout. Emotions: shame, anger. Thinking: 'everyone leaves'. Relationships: intense, quick to end."),
        ("understanding.finds-hard", "Waiting, changes of worker, phone calls with family."),
        ("triggers", "Phone calls with family – keyworker notices – offer time to talk afterwards.\nCancelled appointments – OM notices – rebook the same day."),
        ("triggers.early-warning", "Stops eating with others; paces the corridor – AP staff – check in, offer a walk."),
        ("functions", "Self-harm brings relief from shame; shouting keeps people at a distance."),
        ("functions.skills", "TIP for the rush of shame after family calls; opposite action when he wants to shout people away."),
        ("helps", "Calm, plain explanations; knowing what happens next; keeping promises."),
        ("helps.not", "Being told to calm down; last-minute changes."),
        ("risk.supervision", "Weekly OM appointments; keyworker session twice a week."),
        ("risk.monitoring", "Curfew at the AP; drug testing."),
        ("risk.interventions", "DBT skills group; psychology consultation to the OM monthly."),
        ("risk.victim-safety", "No contact with the former partner; exclusion zone."),
        ("risk.agencies", "Community mental health team; housing."),
        ("risk.controls", "Licence conditions: residence, curfew, non-contact."),
        ("contingency", "If he self-harms: first aid, stay with him, inform the OM next working day."),
        ("contingency.alternatives", "Increased reporting and a three-way meeting before any recall decision."),
        ("contingency.out-of-hours", "AP night manager; probation out-of-hours line."),
    ];
}
