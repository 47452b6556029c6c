using Microsoft.EntityFrameworkCore;
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
/// Adds an action (what, who, when, status) to a draft, from <see cref="ActionsModel"/> or
/// <c>POST /api/v1/cases/{id}/care-plans/{planId}/actions</c>. It is checked against the plan version the person read:
/// if anyone changed the plan since, nothing is saved and the outcome is a conflict with the plan as it now stands.
/// </summary>
public sealed class AddAction(PathwayDbContext db, AuditLog audit, TimeProvider clock, DraftRows rows)
{
    public async Task<Outcome<PlanRowAdded>> HandleAsync(CaseContext c, Guid planId, ActionInput input, int planVersion,
        IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        if (await rows.LoadAsync(c, planId, CarePlanSection.Actions, track: true, ct) is not var (_, plan)) return Outcome.NotFound<PlanRowAdded>();
        var errors = DraftRows.Merge(unreadable, CarePlanLifecycle.CanEdit(plan.Status).Concat(GoalRules.Validate(input)));
        if (errors.Count > 0) return Outcome.Invalid<PlanRowAdded>(errors);
        if (planVersion != plan.Version) return Outcome.Conflict(new PlanRowAdded(await PlanSave.CurrentAsync(db, planId, ct), null));

        var position = await db.CarePlanActions.Where(a => a.CarePlanId == plan.Id).Select(a => (int?)a.Position).MaxAsync(ct) ?? -1;
        var action = new CarePlanAction
        {
            CarePlanId = plan.Id, Position = position + 1, What = input.What!.Trim(), Who = input.Who!.Trim(), When = input.When!.Trim(),
            Status = input.Status!.Value, CreatedAt = clock.GetUtcNow(),
        };
        action.SeriesId = action.Id;
        db.CarePlanActions.Add(action);
        audit.Add(AuditActions.CarePlan.ActionAdd, "CarePlanAction", action.Id, plan.CaseId);
        PlanSave.Touch(db, plan, planVersion, clock.GetUtcNow());
        return await PlanSave.SaveAsync(db, new PlanRowAdded(plan, action.Id),
            async () => new PlanRowAdded(await PlanSave.CurrentAsync(db, planId, ct), null), ct);
    }
}
