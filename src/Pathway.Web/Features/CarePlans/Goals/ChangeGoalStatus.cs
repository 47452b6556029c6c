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
/// Changes a goal's status (achieved, not achieved, removed, or active again) with a note, from <see cref="GoalModel"/>
/// or <c>POST /api/v1/cases/{id}/care-plans/{planId}/goals/{goalId}/status</c>. The history keeps who, when, from, to
/// and the note (<see cref="Pathway.Domain.CarePlans.Goals.CanChangeStatus"/>). A stale goal version is a conflict.
/// </summary>
public sealed class ChangeGoalStatus(PathwayDbContext db, AuditLog audit, TimeProvider clock, DraftRows rows)
{
    /// <param name="unreadable">Fields that could not be read; the new status is the <c>NewStatus</c> field, as on the page.</param>
    public async Task<Outcome<CarePlanGoal>> HandleAsync(CaseContext c, Guid planId, Guid goalId, GoalStatus? to, string? note, int goalVersion,
        IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        if (await rows.LoadAsync(c, planId, CarePlanSection.Goals, track: true, ct, "CarePlanGoal", goalId) is not var (_, plan)
            || await rows.GoalAsync(plan, goalId, track: true, ct) is not { } goal)
            return Outcome.NotFound<CarePlanGoal>();
        var found = CarePlanLifecycle.CanEdit(plan.Status).ToList();
        if (to is null) found.Add(new("NewStatus", "Select the goal's new status"));
        else found.AddRange(Pathway.Domain.CarePlans.Goals.CanChangeStatus(goal.Status, to.Value, note)
            .Select(e => e.Field == "Reason" ? e with { Field = "Note" } : e with { Field = "NewStatus" }));
        if (note is { Length: > GoalRules.MaxText }) found.Add(new("Note", $"The note must be {GoalRules.MaxText} characters or fewer"));
        var errors = DraftRows.Merge(unreadable, found);
        if (errors.Count > 0) return Outcome.Invalid<CarePlanGoal>(errors);
        if (goalVersion != goal.Version) return Outcome.Conflict(await PlanSave.CurrentGoalAsync(db, goalId, ct));

        var now = clock.GetUtcNow();
        db.CarePlanGoalStatusChanges.Add(new CarePlanGoalStatusChange
        {
            GoalId = goal.Id, From = goal.Status, To = to!.Value, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), ChangedById = c.Who.UserId, ChangedAt = now,
        });
        goal.Status = to.Value;
        db.Entry(goal).Property(g => g.Version).OriginalValue = goalVersion;
        audit.Add(AuditActions.CarePlan.GoalStatusUpdate, "CarePlanGoal", goal.Id, plan.CaseId, reason: GoalRules.DisplayName(to.Value));
        PlanSave.Touch(db, plan, plan.Version, now);
        return await PlanSave.SaveAsync(db, goal, () => PlanSave.CurrentGoalAsync(db, goalId, ct), ct);
    }
}
