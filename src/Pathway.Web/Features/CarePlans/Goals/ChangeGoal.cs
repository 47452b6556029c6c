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
/// Changes an active goal of a draft, from <see cref="GoalModel"/> or <c>PUT /api/v1/cases/{id}/care-plans/{planId}/goals/{goalId}</c>.
/// The change carries the goal's version: if someone changed it first, nothing is saved and the outcome is a conflict
/// with the goal as saved now. The plan's version moves on too, so a signature on a stale reading is refused.
/// </summary>
public sealed class ChangeGoal(PathwayDbContext db, AuditLog audit, TimeProvider clock, DraftRows rows)
{
    public async Task<Outcome<CarePlanGoal>> HandleAsync(CaseContext c, Guid planId, Guid goalId, GoalInput input, int goalVersion,
        IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        if (await rows.LoadAsync(c, planId, CarePlanSection.Goals, track: true, ct, "CarePlanGoal", goalId) is not var (_, plan)
            || await rows.GoalAsync(plan, goalId, track: true, ct) is not { } goal)
            return Outcome.NotFound<CarePlanGoal>();
        var found = CarePlanLifecycle.CanEdit(plan.Status).ToList();
        if (goal.Status != GoalStatus.Active) found.Add(new("Status", "Only an active goal can be changed: its status is now history"));
        found.AddRange(GoalRules.Validate(input, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), isNew: false));
        var errors = DraftRows.Merge(unreadable, found);
        if (errors.Count > 0) return Outcome.Invalid<CarePlanGoal>(errors);
        if (goalVersion != goal.Version) return Outcome.Conflict(await PlanSave.CurrentGoalAsync(db, goalId, ct));

        goal.Area = input.Area!.Value;
        goal.InOwnWords = input.InOwnWords!.Trim();
        goal.Smart = input.Smart!.Trim();
        goal.TargetDate = input.TargetDate!.Value;
        db.Entry(goal).Property(g => g.Version).OriginalValue = goalVersion;
        audit.Add(AuditActions.CarePlan.GoalUpdate, "CarePlanGoal", goal.Id, plan.CaseId);
        PlanSave.Touch(db, plan, plan.Version, clock.GetUtcNow());
        return await PlanSave.SaveAsync(db, goal, () => PlanSave.CurrentGoalAsync(db, goalId, ct), ct);
    }
}
