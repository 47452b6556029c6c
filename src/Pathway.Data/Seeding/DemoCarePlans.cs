using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Incidents;

namespace Pathway.Data.Seeding;

/// <summary>
/// The demo's care plans and incidents: an active, countersigned plan on an approved-premises resident (AP staff see its
/// summary), a draft on another case, a plan whose review is due soon, and two incidents with one completed chain analysis.
/// </summary>
internal static class DemoCarePlans
{
    public static void Add(PathwayDbContext db, CaseRecord resident, CaseRecord drafting, CaseRecord reviewDue, Guid psychologist, Guid offenderManager, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        db.CarePlans.Add(Plan(db, resident, 1, CarePlanStatus.Active, today.AddMonths(3), psychologist, offenderManager, now.AddDays(-40)));
        db.CarePlans.Add(Plan(db, drafting, 1, CarePlanStatus.Draft, null, psychologist, null, now.AddDays(-3)));
        db.CarePlans.Add(Plan(db, reviewDue, 1, CarePlanStatus.Active, today.AddDays(10), psychologist, offenderManager, now.AddDays(-170)));

        var first = Incident(resident.Id, now.AddDays(-20), IncidentType.AngryOutburst, IncidentSeverity.Moderate, "Phone call from family", psychologist);
        var second = Incident(resident.Id, now.AddDays(-6), IncidentType.SelfHarm, IncidentSeverity.Serious, "Phone call from family", psychologist);
        db.Incidents.AddRange(first, second);
        var analysis = new ChainAnalysis
        {
            IncidentId = second.Id, CaseId = resident.Id, CreatedAt = now.AddDays(-5), CompletedAt = now.AddDays(-4), CompletedById = psychologist,
            ProblemBehaviour = "Superficial cuts to the forearm with a broken razor, in his room, over about ten minutes.",
            VulnerabilityFactors = "Little sleep for three nights; skipped meals.",
            PromptingEvent = "His sister said on the phone that their mother did not want to see him.",
            ShortTermConsequences = "Felt calmer; staff checked on him.", LongTermConsequences = "Shame; scars; fear of recall.",
            Function = "Relief from unbearable shame.", FunctionCategory = BehaviourFunction.ReliefFromDistress,
            PreventionAndRepair = "Plan calls with a keyworker nearby; TIP skills card in his room; apologise to the night worker.",
        };
        analysis.SetChain(new Chain([
            new(ChainLinkKind.Thought, "She has given up on me", "check-the-facts"),
            new(ChainLinkKind.Emotion, "Shame, then anger", "opposite-action"),
            new(ChainLinkKind.BodySensation, "Hot face, tight chest", "tip"),
            new(ChainLinkKind.Urge, "To make the feeling stop"),
            new(ChainLinkKind.Action, "Went to his room and found the razor", "stop"),
        ]));
        db.ChainAnalyses.Add(analysis);
    }

    private static CarePlan Plan(PathwayDbContext db, CaseRecord c, int number, CarePlanStatus status, DateOnly? review, Guid psych, Guid? om, DateTimeOffset at)
    {
        var plan = new CarePlan
        {
            CaseId = c.Id, Number = number, Status = status, Reason = "First plan after the formulation", CreatedById = psych, CreatedAt = at,
            ReviewDate = review, Agreement = status == CarePlanStatus.Draft ? null : PersonAgreement.Agreed,
        };
        if (status == CarePlanStatus.Active)
        {
            plan.SignedById = psych; plan.SignedAt = at.AddDays(1); plan.CountersignedById = om; plan.CountersignedAt = at.AddDays(2);
        }
        foreach (var (key, text) in Texts)
        {
            if (status == CarePlanStatus.Draft && key.StartsWith("risk", StringComparison.Ordinal)) continue;
            plan.Texts.Add(new CarePlanText { CarePlanId = plan.Id, Key = key, Text = text });
        }
        db.CarePlanRestrictedNotes.Add(new CarePlanRestrictedNote { CarePlanId = plan.Id, Text = "Police intelligence about a former associate: not to be shared with him." });
        AddRows(db, plan, psych, at);
        return plan;
    }

    /// <summary>Two goals (one achieved, with its history), three actions and the DBT skills the plan points to.</summary>
    internal static void AddRows(PathwayDbContext db, CarePlan plan, Guid psych, DateTimeOffset at)
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
            "Plan and attend one supervised visit with his sister, using his crisis card beforehand, by the target date.", today.AddMonths(5));
        var room = Goal(1, NeedArea.Accommodation, "Keep my room at the hostel",
            "No curfew breaches or warnings at the approved premises for eight weeks.", today.AddMonths(2));
        if (plan.Status == CarePlanStatus.Active)
        {
            room.Status = GoalStatus.Achieved;
            room.History.Add(new CarePlanGoalStatusChange { GoalId = room.Id, From = GoalStatus.Active, To = GoalStatus.Achieved, Note = "Eight weeks without a warning", ChangedById = psych, ChangedAt = at.AddHours(20) });
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

    private static Incident Incident(Guid caseId, DateTimeOffset at, IncidentType type, IncidentSeverity severity, string trigger, Guid by) => new()
    {
        CaseId = caseId, OccurredAt = at, Location = "Approved premises", Type = type, Severity = severity, Trigger = trigger,
        Description = "Became distressed after a phone call.", StaffResponse = "Night worker stayed with him and used the crisis plan.",
        WhoWasInformed = "Offender manager; PD service psychologist", RecordedById = by, CreatedAt = at,
    };

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
