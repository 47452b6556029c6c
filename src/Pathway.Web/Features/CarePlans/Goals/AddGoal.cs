using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.CarePlans.Goals;

/// <summary>
/// Adds a goal to a draft, in the person's own words, from <see cref="GoalsModel"/> or
/// <c>POST /api/v1/cases/{id}/care-plans/{planId}/goals</c>. It is checked against the plan version the person read: if
/// anyone changed the plan since, nothing is saved and the outcome is a conflict with the plan as it now stands.
/// </summary>
public sealed class AddGoal(PathwayDbContext db, AuditLog audit, TimeProvider clock, DraftRows rows)
{
    public async Task<Outcome<PlanRowAdded>> HandleAsync(CaseContext c, Guid planId, GoalInput input, int planVersion,
        IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        if (await rows.LoadAsync(c, planId, CarePlanSection.Goals, track: true, ct) is not var (_, plan)) return Outcome.NotFound<PlanRowAdded>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = DraftRows.Merge(unreadable, CarePlanLifecycle.CanEdit(plan.Status).Concat(GoalRules.Validate(input, today, isNew: true)));
        if (errors.Count > 0) return Outcome.Invalid<PlanRowAdded>(errors);
        if (planVersion != plan.Version) return Outcome.Conflict(new PlanRowAdded(await PlanSave.CurrentAsync(db, planId, ct), null));

        var now = clock.GetUtcNow();
        var position = await db.CarePlanGoals.Where(g => g.CarePlanId == plan.Id).Select(g => (int?)g.Position).MaxAsync(ct) ?? -1;
        var goal = new CarePlanGoal
        {
            CarePlanId = plan.Id, Position = position + 1, Area = input.Area!.Value, InOwnWords = input.InOwnWords!.Trim(),
            Smart = input.Smart!.Trim(), TargetDate = input.TargetDate!.Value, Status = GoalStatus.Active, CreatedAt = now,
        };
        goal.SeriesId = goal.Id;
        goal.History.Add(new CarePlanGoalStatusChange { GoalId = goal.Id, To = GoalStatus.Active, Note = "Goal set", ChangedById = c.Who.UserId, ChangedAt = now });
        db.CarePlanGoals.Add(goal);
        audit.Add(AuditActions.CarePlan.GoalAdd, "CarePlanGoal", goal.Id, plan.CaseId);
        PlanSave.Touch(db, plan, planVersion, now);
        return await PlanSave.SaveAsync(db, new PlanRowAdded(plan, goal.Id),
            async () => new PlanRowAdded(await PlanSave.CurrentAsync(db, planId, ct), null), ct);
    }
}
