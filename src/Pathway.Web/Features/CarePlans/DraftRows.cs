using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.CarePlans;

/// <summary>
/// Loading a plan version for its goals or actions, once <see cref="CurrentCase"/> has checked the case: a role that
/// sees the section, and the version itself. Anything else is a 404 with a denied audit row, as for every care-plan record.
/// </summary>
public sealed class DraftRows(CarePlanAccess access, PathwayDbContext db, AuditLog audit)
{
    /// <param name="entityType">What a denied audit row names: the plan by default, or the goal or action being read.</param>
    public async Task<(CarePlanCase Case, CarePlan Plan)?> LoadAsync(CaseContext c, Guid planId, CarePlanSection section, bool track, CancellationToken ct,
        string entityType = "CarePlan", Guid? entityId = null)
    {
        var pc = await access.ViewAsync(c, ct, entityType, entityId ?? planId);
        if (pc is null) return null;
        if (!CarePlanSections.CanSee(pc.View, section))
        {
            await audit.DeniedAsync(entityType, entityId ?? planId, c.Id, ct);
            return null;
        }
        var plan = await access.FindPlanAsync(track ? db.CarePlans : db.CarePlans.AsNoTracking(), pc, planId, ct);
        return plan is null ? null : (pc, plan);
    }

    public async Task<CarePlanGoal?> GoalAsync(CarePlan plan, Guid goalId, bool track, CancellationToken ct)
    {
        var goals = track ? db.CarePlanGoals : db.CarePlanGoals.AsNoTracking();
        var goal = await goals.Include(g => g.History).FirstOrDefaultAsync(g => g.Id == goalId && g.CarePlanId == plan.Id, ct);
        if (goal is null) await audit.DeniedAsync("CarePlanGoal", goalId, plan.CaseId, ct);
        else goal.History = [.. goal.History.OrderBy(h => h.ChangedAt)];
        return goal;
    }

    public async Task<CarePlanAction?> ActionAsync(CarePlan plan, Guid actionId, bool track, CancellationToken ct)
    {
        var actions = track ? db.CarePlanActions : db.CarePlanActions.AsNoTracking();
        var action = await actions.FirstOrDefaultAsync(a => a.Id == actionId && a.CarePlanId == plan.Id, ct);
        if (action is null) await audit.DeniedAsync("CarePlanAction", actionId, plan.CaseId, ct);
        return action;
    }

    /// <summary>Field errors that could not be read, then the rest, without repeating a field already reported.</summary>
    public static List<FieldError> Merge(IReadOnlyList<FieldError> unreadable, IEnumerable<FieldError> found)
    {
        var errors = unreadable.ToList();
        var alreadyInvalid = errors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(found.Where(e => !alreadyInvalid.Contains(e.Field)));
        return errors;
    }
}

/// <summary>A goal or action added to a plan version: the plan as saved (its version moved on) and the new row's id (none on a conflict).</summary>
public sealed record PlanRowAdded(CarePlan Plan, Guid? RowId);
