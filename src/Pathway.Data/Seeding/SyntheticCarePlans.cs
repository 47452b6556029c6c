using Pathway.Data.Entities;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Incidents;

namespace Pathway.Data.Seeding;

/// <summary>
/// Care plans and incidents for `pathway generate`, in proportion: most people allocated to a psychologist have an
/// active plan (a few short answers, a review date spread over the year, some already overdue); about a third of
/// referred people have one to three incidents, some with a completed chain analysis.
/// </summary>
internal static class SyntheticCarePlans
{
    private static readonly string[] Keys = ["understanding.summary", "triggers", "triggers.early-warning", "helps", "risk.supervision", "contingency"];
    private static readonly string[] Triggers = ["Phone call from family", "Cancelled appointment", "Argument with a resident", "Benefit sanction", "News about a child", "Court date"];

    public static void Add(PathwayDbContext db, Random rng, CaseRecord c, DateOnly today, DateTimeOffset now)
    {
        if (c.PsychologistId is { } psych && c.OffenderManagerId is { } om && rng.NextDouble() < 0.6)
        {
            var plan = new CarePlan
            {
                CaseId = c.Id, Number = 1, Status = CarePlanStatus.Active, Reason = "First plan after the formulation", CreatedById = psych,
                SignedById = psych, SignedAt = now, CountersignedById = om, CountersignedAt = now, Agreement = PersonAgreement.Agreed,
                ReviewDate = today.AddDays(rng.Next(-20, 360)), CreatedAt = now,
            };
            foreach (var k in Keys) plan.Texts.Add(new CarePlanText { CarePlanId = plan.Id, Key = k, Text = "Synthetic answer for " + k });
            db.CarePlans.Add(plan);
            var goal = new CarePlanGoal
            {
                CarePlanId = plan.Id, Area = (Domain.Assessments.NeedArea)rng.Next(Enum.GetValues<Domain.Assessments.NeedArea>().Length),
                InOwnWords = "Synthetic goal", Smart = "Synthetic SMART goal", TargetDate = today.AddDays(rng.Next(30, 360)), Status = GoalStatus.Active, CreatedAt = now,
            };
            goal.SeriesId = goal.Id;
            goal.History.Add(new CarePlanGoalStatusChange { GoalId = goal.Id, To = GoalStatus.Active, ChangedById = psych, ChangedAt = now });
            db.CarePlanGoals.Add(goal);
            var action = new CarePlanAction { CarePlanId = plan.Id, What = "Synthetic action", Who = "PD service", When = "Weekly", Status = ActionStatus.InProgress, CreatedAt = now };
            action.SeriesId = action.Id;
            db.CarePlanActions.Add(action);
            db.CarePlanSkills.Add(new CarePlanSkill { CarePlanId = plan.Id, SkillCode = DbtSkills.All[rng.Next(DbtSkills.All.Count)].Code });
        }
        if (c.ReferredToServiceOn is null || rng.NextDouble() >= 0.33) return;
        for (var i = rng.Next(1, 4); i > 0; i--)
        {
            var incident = new Incident
            {
                CaseId = c.Id, OccurredAt = now.AddDays(-rng.Next(1, 700)), Location = "Synthetic location",
                Type = (IncidentType)rng.Next(Enum.GetValues<IncidentType>().Length), Severity = (IncidentSeverity)rng.Next(4),
                Description = "Synthetic incident.", Trigger = Triggers[rng.Next(Triggers.Length)], StaffResponse = "Followed the plan.",
                WhoWasInformed = "Offender manager", RecordedById = c.OffenderManagerId ?? c.PsychologistId ?? Guid.Empty, CreatedAt = now,
            };
            if (incident.RecordedById == Guid.Empty) return;
            db.Incidents.Add(incident);
            if (rng.NextDouble() < 0.3)
                db.ChainAnalyses.Add(new ChainAnalysis
                {
                    IncidentId = incident.Id, CaseId = c.Id, CreatedAt = now, CompletedAt = now, CompletedById = c.PsychologistId,
                    ProblemBehaviour = "Synthetic", VulnerabilityFactors = "Synthetic", PromptingEvent = incident.Trigger,
                    ShortTermConsequences = "Synthetic", LongTermConsequences = "Synthetic", Function = "Synthetic",
                    FunctionCategory = (BehaviourFunction)rng.Next(Enum.GetValues<BehaviourFunction>().Length), PreventionAndRepair = "Synthetic",
                });
        }
    }
}
