using System.Globalization;
using Hl7.Fhir.Model;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.CarePlans;
using Pathway.Web.Features.CarePlans;
using CarePlan = Hl7.Fhir.Model.CarePlan;
using Goal = Hl7.Fhir.Model.Goal;

namespace Pathway.Web.Features.Fhir;

/// <summary>
/// A care-plan version as a FHIR <see cref="CarePlan"/> with its goals contained (each also readable as <c>Goal/{id}</c>)
/// and its actions as <c>activity</c> entries. Only the plan's structured parts and section text a full view sees are
/// carried, and never the information not to be disclosed to the person: FHIR output is for sharing with partners.
/// </summary>
public static class CarePlanMapping
{
    public static readonly string AreaSystem = FhirIdentifiers.CodeSystemBase + "need-area";

    public static CarePlan ToCarePlan(CarePlanContent content, ResourceReference patient)
    {
        var p = content.Plan;
        var plan = new CarePlan
        {
            Id = p.Id.ToString(),
            Meta = new Meta { LastUpdated = p.UpdatedAt },
            Status = p.Status switch
            {
                CarePlanStatus.Active => RequestStatus.Active,
                CarePlanStatus.Superseded => RequestStatus.Revoked,
                _ => RequestStatus.Draft,
            },
            Intent = CarePlan.CarePlanIntent.Plan,
            Title = $"Care plan version {p.Number}",
            Description = p.Reason,
            Subject = patient,
            Created = p.CreatedAt.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        };
        if (p.CountersignedAt is { } from)
            plan.Period = new Period { Start = from.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), End = p.ReviewDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        foreach (var g in content.Goals)
        {
            var goal = ToGoal(g, patient);
            goal.Id = "goal-" + g.Id;
            plan.Contained.Add(goal);
            plan.Goal.Add(new ResourceReference("#" + goal.Id));
        }
        foreach (var a in content.Actions)
        {
            plan.Activity.Add(new CarePlan.ActivityComponent
            {
                Detail = new CarePlan.DetailComponent
                {
                    Status = a.Status switch
                    {
                        ActionStatus.NotStarted => CarePlan.CarePlanActivityStatus.NotStarted,
                        ActionStatus.InProgress => CarePlan.CarePlanActivityStatus.InProgress,
                        ActionStatus.Done => CarePlan.CarePlanActivityStatus.Completed,
                        _ => CarePlan.CarePlanActivityStatus.Cancelled,
                    },
                    Description = a.What,
                    Performer = [new ResourceReference { Display = a.Who }],
                    Scheduled = new FhirString(a.When),
                },
            });
        }
        // The section text a full reader sees, as notes (the restricted section is never in content.Text).
        foreach (var f in CarePlanFields.All.Where(f => f.Section != CarePlanSection.NotToBeDisclosed && content.Sees(f.Section)))
            if (content[f.Key] is { } text) plan.Note.Add(new Annotation { Text = new Markdown($"**{CarePlanSections.DisplayName(f.Section)} – {f.Label}:** {text}") });
        if (content.Skills.Count > 0)
            plan.Note.Add(new Annotation { Text = new Markdown("**DBT skills:** " + string.Join("; ", content.Skills.Select(k => $"{DbtSkills.DisplayName(k.Module)}: {k.Name}"))) });
        return plan;
    }

    public static Goal ToGoal(CarePlanGoal g, ResourceReference patient) => new()
    {
        Id = g.Id.ToString(),
        LifecycleStatus = g.Status switch
        {
            GoalStatus.Active => Goal.GoalLifecycleStatus.Active,
            GoalStatus.Achieved => Goal.GoalLifecycleStatus.Completed,
            GoalStatus.NotAchieved => Goal.GoalLifecycleStatus.Completed,
            _ => Goal.GoalLifecycleStatus.Cancelled,
        },
        AchievementStatus = g.Status switch
        {
            GoalStatus.Achieved => new CodeableConcept("http://terminology.hl7.org/CodeSystem/goal-achievement", "achieved", "Achieved"),
            GoalStatus.NotAchieved => new CodeableConcept("http://terminology.hl7.org/CodeSystem/goal-achievement", "not-achieved", "Not Achieved"),
            _ => null,
        },
        Category = [new CodeableConcept(AreaSystem, g.Area.ToString(), AssessmentNames.DisplayName(g.Area))],
        Description = new CodeableConcept { Text = g.InOwnWords },
        Subject = patient,
        Target = [new Goal.TargetComponent { Due = new Date(g.TargetDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) }],
        Note = [new Annotation { Text = new Markdown("SMART: " + g.Smart) }],
        StatusReason = g.History.LastOrDefault()?.Note,
    };
}
