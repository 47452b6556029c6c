using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Licences;
using Pathway.Web.Infrastructure.Auditing;

namespace Pathway.Web.Features.CarePlans;

/// <summary>
/// Goals and actions of a draft plan, shared by the pages and the API. A new row is checked against the plan version
/// the person read; a changed row against its own version. Every change also moves the plan's version on, so a
/// signature given on a stale reading of the plan is refused.
/// </summary>
public sealed class CarePlanRowCommands(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<CommandResult> AddGoalAsync(CarePlan plan, GoalInput input, Guid userId, int planVersion, CancellationToken ct)
    {
        var errors = CarePlanLifecycle.CanEdit(plan.Status).Concat(GoalRules.Validate(input, Today, isNew: true)).ToList();
        if (errors.Count > 0) return CommandResult.Invalid(errors);
        if (planVersion != plan.Version) return CommandResult.Conflict;
        var now = clock.GetUtcNow();
        var position = await db.CarePlanGoals.Where(g => g.CarePlanId == plan.Id).Select(g => (int?)g.Position).MaxAsync(ct) ?? -1;
        var goal = new CarePlanGoal
        {
            CarePlanId = plan.Id, Position = position + 1, Area = input.Area!.Value, InOwnWords = input.InOwnWords!.Trim(),
            Smart = input.Smart!.Trim(), TargetDate = input.TargetDate!.Value, Status = GoalStatus.Active, CreatedAt = now,
        };
        goal.SeriesId = goal.Id;
        goal.History.Add(new CarePlanGoalStatusChange { GoalId = goal.Id, To = GoalStatus.Active, Note = "Goal set", ChangedById = userId, ChangedAt = now });
        db.CarePlanGoals.Add(goal);
        audit.Add("careplan.goal.add", "CarePlanGoal", goal.Id, plan.CaseId);
        return await SaveAsync(plan, planVersion, goal.Id, ct);
    }

    public async Task<CommandResult> UpdateGoalAsync(CarePlan plan, CarePlanGoal goal, GoalInput input, int goalVersion, CancellationToken ct)
    {
        var errors = CarePlanLifecycle.CanEdit(plan.Status).ToList();
        if (goal.Status != GoalStatus.Active) errors.Add(new("Status", "Only an active goal can be changed: its status is now history"));
        errors.AddRange(GoalRules.Validate(input, Today, isNew: false));
        if (errors.Count > 0) return CommandResult.Invalid(errors);
        if (goalVersion != goal.Version) return CommandResult.Conflict;
        goal.Area = input.Area!.Value;
        goal.InOwnWords = input.InOwnWords!.Trim();
        goal.Smart = input.Smart!.Trim();
        goal.TargetDate = input.TargetDate!.Value;
        db.Entry(goal).Property(g => g.Version).OriginalValue = goalVersion;
        audit.Add("careplan.goal.update", "CarePlanGoal", goal.Id, plan.CaseId);
        return await SaveAsync(plan, plan.Version, goal.Id, ct);
    }

    /// <summary>A status change writes a history row: who, when, from, to and the note (<see cref="Goals.CanChangeStatus"/>).</summary>
    public async Task<CommandResult> ChangeGoalStatusAsync(CarePlan plan, CarePlanGoal goal, GoalStatus? to, string? note, Guid userId, int goalVersion, CancellationToken ct)
    {
        var errors = CarePlanLifecycle.CanEdit(plan.Status).ToList();
        if (to is null) errors.Add(new("NewStatus", "Select the goal's new status"));
        else errors.AddRange(Pathway.Domain.CarePlans.Goals.CanChangeStatus(goal.Status, to.Value, note).Select(e => e.Field == "Reason" ? e with { Field = "Note" } : e with { Field = "NewStatus" }));
        if (note is { Length: > GoalRules.MaxText }) errors.Add(new("Note", $"The note must be {GoalRules.MaxText} characters or fewer"));
        if (errors.Count > 0) return CommandResult.Invalid(errors);
        if (goalVersion != goal.Version) return CommandResult.Conflict;
        var now = clock.GetUtcNow();
        db.CarePlanGoalStatusChanges.Add(new CarePlanGoalStatusChange
        {
            GoalId = goal.Id, From = goal.Status, To = to!.Value, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), ChangedById = userId, ChangedAt = now,
        });
        goal.Status = to.Value;
        db.Entry(goal).Property(g => g.Version).OriginalValue = goalVersion;
        audit.Add("careplan.goal.status", "CarePlanGoal", goal.Id, plan.CaseId, reason: GoalRules.DisplayName(to.Value));
        return await SaveAsync(plan, plan.Version, goal.Id, ct);
    }

    public async Task<CommandResult> AddActionAsync(CarePlan plan, ActionInput input, int planVersion, CancellationToken ct)
    {
        var errors = CarePlanLifecycle.CanEdit(plan.Status).Concat(GoalRules.Validate(input)).ToList();
        if (errors.Count > 0) return CommandResult.Invalid(errors);
        if (planVersion != plan.Version) return CommandResult.Conflict;
        var position = await db.CarePlanActions.Where(a => a.CarePlanId == plan.Id).Select(a => (int?)a.Position).MaxAsync(ct) ?? -1;
        var action = new CarePlanAction
        {
            CarePlanId = plan.Id, Position = position + 1, What = input.What!.Trim(), Who = input.Who!.Trim(), When = input.When!.Trim(),
            Status = input.Status!.Value, CreatedAt = clock.GetUtcNow(),
        };
        action.SeriesId = action.Id;
        db.CarePlanActions.Add(action);
        audit.Add("careplan.action.add", "CarePlanAction", action.Id, plan.CaseId);
        return await SaveAsync(plan, planVersion, action.Id, ct);
    }

    public async Task<CommandResult> UpdateActionAsync(CarePlan plan, CarePlanAction action, ActionInput input, int actionVersion, CancellationToken ct)
    {
        var errors = CarePlanLifecycle.CanEdit(plan.Status).Concat(GoalRules.Validate(input)).ToList();
        if (errors.Count > 0) return CommandResult.Invalid(errors);
        if (actionVersion != action.Version) return CommandResult.Conflict;
        action.What = input.What!.Trim();
        action.Who = input.Who!.Trim();
        action.When = input.When!.Trim();
        action.Status = input.Status!.Value;
        db.Entry(action).Property(a => a.Version).OriginalValue = actionVersion;
        audit.Add("careplan.action.update", "CarePlanAction", action.Id, plan.CaseId, reason: GoalRules.DisplayName(action.Status));
        return await SaveAsync(plan, plan.Version, action.Id, ct);
    }

    /// <summary>An action is removed from a draft outright (a signed version keeps it); to end one that was agreed, cancel it.</summary>
    public async Task<CommandResult> RemoveActionAsync(CarePlan plan, CarePlanAction action, int actionVersion, CancellationToken ct)
    {
        var errors = CarePlanLifecycle.CanEdit(plan.Status);
        if (errors.Count > 0) return CommandResult.Invalid(errors);
        if (actionVersion != action.Version) return CommandResult.Conflict;
        db.Entry(action).Property(a => a.Version).OriginalValue = actionVersion;
        db.CarePlanActions.Remove(action);
        audit.Add("careplan.action.remove", "CarePlanAction", action.Id, plan.CaseId);
        return await SaveAsync(plan, plan.Version, action.Id, ct);
    }

    private async Task<CommandResult> SaveAsync(CarePlan plan, int planVersion, Guid rowId, CancellationToken ct)
    {
        plan.UpdatedAt = clock.GetUtcNow();
        db.Entry(plan).State = EntityState.Modified;
        db.Entry(plan).Property(p => p.Version).OriginalValue = planVersion;
        try
        {
            await db.SaveChangesAsync(ct);
            return new CommandResult(CommandOutcome.Done, [], plan.Id, rowId);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Conflict;
        }
    }
}
