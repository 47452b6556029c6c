using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.CarePlans;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;

namespace Pathway.Web.Features.CarePlans;

/// <summary>
/// Loading a plan version for its goals or actions: the case (edit access), a role that sees the section, and the
/// version itself. Anything else is a 404 with a denied audit row, as for every care-plan record.
/// </summary>
public sealed class DraftRows(CarePlanAccess access, PathwayDbContext db, AuditLog audit)
{
    /// <param name="entityType">What the access audit row names: the plan by default, or the goal or action being read.</param>
    public async Task<(CarePlanCase Case, CarePlan Plan)?> LoadAsync(Guid caseId, Guid planId, CarePlanSection section, AccessNeed need, bool track, CancellationToken ct,
        string entityType = "CarePlan", Guid? entityId = null)
    {
        var pc = await access.LoadAsync(caseId, need, ct, entityType, entityId ?? planId);
        if (pc is null) return null;
        if (!CarePlanSections.CanSee(pc.View, section))
        {
            await audit.DeniedAsync(entityType, entityId ?? planId, caseId, ct);
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
}
