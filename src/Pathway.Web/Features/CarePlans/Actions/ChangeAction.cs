using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.CarePlans.Actions;

/// <summary>
/// Changes an action of a draft, its status included, from <see cref="ActionModel"/> or
/// <c>PUT /api/v1/cases/{id}/care-plans/{planId}/actions/{planActionId}</c>. The change carries the action's version: if
/// someone changed it first, nothing is saved and the outcome is a conflict with the action as saved now.
/// </summary>
public sealed class ChangeAction(PathwayDbContext db, AuditLog audit, TimeProvider clock, DraftRows rows)
{
    public async Task<Outcome<CarePlanAction>> HandleAsync(CaseContext c, Guid planId, Guid actionId, ActionInput input, int actionVersion,
        IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        if (await rows.LoadAsync(c, planId, CarePlanSection.Actions, track: true, ct, "CarePlanAction", actionId) is not var (_, plan)
            || await rows.ActionAsync(plan, actionId, track: true, ct) is not { } action)
            return Outcome.NotFound<CarePlanAction>();
        var errors = DraftRows.Merge(unreadable, CarePlanLifecycle.CanEdit(plan.Status).Concat(GoalRules.Validate(input)));
        if (errors.Count > 0) return Outcome.Invalid<CarePlanAction>(errors);
        if (actionVersion != action.Version) return Outcome.Conflict(await PlanSave.CurrentActionAsync(db, actionId, ct));

        action.What = input.What!.Trim();
        action.Who = input.Who!.Trim();
        action.When = input.When!.Trim();
        action.Status = input.Status!.Value;
        db.Entry(action).Property(a => a.Version).OriginalValue = actionVersion;
        audit.Add(AuditActions.CarePlan.ActionUpdate, "CarePlanAction", action.Id, plan.CaseId, reason: GoalRules.DisplayName(action.Status));
        PlanSave.Touch(db, plan, plan.Version, clock.GetUtcNow());
        return await PlanSave.SaveAsync(db, action, () => PlanSave.CurrentActionAsync(db, actionId, ct), ct);
    }
}
