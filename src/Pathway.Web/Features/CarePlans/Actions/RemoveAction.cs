using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.CarePlans;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.CarePlans.Actions;

/// <summary>
/// Removes an action from a draft outright, from <see cref="ActionModel"/> (a signed version keeps it; to end one that
/// was agreed, cancel it). A stale action version is a conflict with the action as saved now; if someone removed it
/// first, it is not found.
/// </summary>
public sealed class RemoveAction(PathwayDbContext db, AuditLog audit, TimeProvider clock, DraftRows rows)
{
    public async Task<Outcome<CarePlanAction>> HandleAsync(CaseContext c, Guid planId, Guid actionId, int actionVersion, CancellationToken ct)
    {
        if (await rows.LoadAsync(c, planId, CarePlanSection.Actions, track: true, ct, "CarePlanAction", actionId) is not var (_, plan)
            || await rows.ActionAsync(plan, actionId, track: true, ct) is not { } action)
            return Outcome.NotFound<CarePlanAction>();
        var errors = CarePlanLifecycle.CanEdit(plan.Status);
        if (errors.Count > 0) return Outcome.Invalid<CarePlanAction>(errors);
        if (actionVersion != action.Version) return Outcome.Conflict(await PlanSave.CurrentActionAsync(db, actionId, ct));

        db.Entry(action).Property(a => a.Version).OriginalValue = actionVersion;
        db.CarePlanActions.Remove(action);
        audit.Add(AuditActions.CarePlan.ActionRemove, "CarePlanAction", action.Id, plan.CaseId);
        PlanSave.Touch(db, plan, plan.Version, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
            return action;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.CarePlanActions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == actionId, ct);
            return current is null ? Outcome.NotFound<CarePlanAction>() : Outcome.Conflict(current);
        }
    }
}
