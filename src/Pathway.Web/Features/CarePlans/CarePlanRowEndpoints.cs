using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Assessments;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Licences;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.CarePlans;

/// <summary>
/// A goal to add or change. <c>Area</c> is a need area (accommodation, emotionalRegulation, …), <c>TargetDate</c>
/// yyyy-MM-dd. Adding sends the plan's <c>Version</c>; changing sends the goal's.
/// </summary>
public sealed record GoalWriteRequest(string? Area, string? InOwnWords, string? Smart, string? TargetDate, int? Version);

/// <summary>A goal's new status (achieved, notAchieved, removed, or active again) with a note; send the goal's version.</summary>
public sealed record GoalStatusRequest(string? Status, string? Note, int? Version);

/// <summary>
/// An action to add or change: what, who (a person or an agency), when, and <c>Status</c> (notStarted, inProgress,
/// done, cancelled). Adding sends the plan's <c>Version</c>; changing sends the action's.
/// </summary>
public sealed record ActionWriteRequest(string? What, string? Who, string? When, string? Status, int? Version);

/// <summary>
/// Goals and actions of a draft care plan over the JSON API, through <see cref="CarePlanRowCommands"/> (the same code
/// as the goals and actions pages), with the pages' policy, case access and audit actions.
/// </summary>
public static class CarePlanRowEndpoints
{

    public static RouteGroupBuilder MapCarePlanRowEndpoints(this RouteGroupBuilder api)
    {
        var plan = api.MapGroup("/cases/{id:guid}/care-plans/{planId:guid}").WithTags("Care plans").RequireAuthorization(Policies.CaseEditor);
        plan.MapPost("/goals", AddGoalAsync).Audited("careplan.goal.add")
            .WithSummary("Add a goal to a draft, in the person's words; send the plan version you read, or get 409. Answers 201 with its Location");
        plan.MapGet("/goals/{goalId:guid}", GetGoalAsync).Audited("careplan.read")
            .WithSummary("Get one goal of a version, with its status history");
        plan.MapPut("/goals/{goalId:guid}", UpdateGoalAsync).Audited("careplan.goal.update")
            .WithSummary("Change an active goal of a draft; send the goal version you read, or get 409");
        plan.MapPost("/goals/{goalId:guid}/status", ChangeGoalStatusAsync).Audited("careplan.goal.status")
            .WithSummary("Change a goal's status (achieved, not achieved, removed) with a note; the history keeps who, when, from and to");
        plan.MapPost("/actions", AddActionAsync).Audited("careplan.action.add")
            .WithSummary("Add an action to a draft: what, who, when, status; send the plan version you read, or get 409. Answers 201 with its Location");
        plan.MapGet("/actions/{planActionId:guid}", GetActionAsync).Audited("careplan.read")
            .WithSummary("Get one action of a version");
        plan.MapPut("/actions/{planActionId:guid}", UpdateActionAsync).Audited("careplan.action.update")
            .WithSummary("Change an action of a draft, including its status; send the action version you read, or get 409");
        return api;
    }

    private static async Task<Results<Created<CarePlanGoalDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<CarePlanVersionDto>>>> AddGoalAsync(
        Guid id, Guid planId, GoalWriteRequest body, HttpContext http, DraftRows rows, CarePlanRowCommands commands, PathwayDbContext db, CancellationToken ct)
    {
        if (await rows.LoadAsync(id, planId, CarePlanSection.Goals, AccessNeed.Edit, true, ct, "CarePlan", planId) is not var (pc, plan))
            return TypedResults.NotFound();
        var errors = new List<FieldError>();
        var input = Goal(body, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        var result = await commands.AddGoalAsync(plan, input, http.User.ToStaffContext().UserId, body.Version!.Value, ct);
        if (result.Outcome == CommandOutcome.Invalid) return TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
        if (result.Outcome == CommandOutcome.Conflict) return await PlanConflictAsync(db, pc, planId, ct);
        var goal = await LoadGoalAsync(db, result.RowId!.Value, ct);
        return TypedResults.Created($"/api/v1/cases/{id}/care-plans/{planId}/goals/{goal.Id}", CarePlanGoalDto.From(goal));
    }

    private static async Task<Results<Ok<CarePlanGoalDto>, NotFound>> GetGoalAsync(
        Guid id, Guid planId, Guid goalId, DraftRows rows, PathwayDbContext db, CancellationToken ct)
    {
        if (await rows.LoadAsync(id, planId, CarePlanSection.Goals, AccessNeed.Read, false, ct, "CarePlanGoal", goalId) is not var (_, plan))
            return TypedResults.NotFound();
        return await rows.GoalAsync(plan, goalId, track: false, ct) is { } goal ? TypedResults.Ok(CarePlanGoalDto.From(goal)) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<CarePlanGoalDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<CarePlanGoalDto>>>> UpdateGoalAsync(
        Guid id, Guid planId, Guid goalId, GoalWriteRequest body, DraftRows rows, CarePlanRowCommands commands, PathwayDbContext db, CancellationToken ct)
    {
        if (await rows.LoadAsync(id, planId, CarePlanSection.Goals, AccessNeed.Edit, true, ct, "CarePlanGoal", goalId) is not var (_, plan)
            || await rows.GoalAsync(plan, goalId, track: true, ct) is not { } goal)
            return TypedResults.NotFound();
        var errors = new List<FieldError>();
        var input = Goal(body, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        return await GoalAnswerAsync(await commands.UpdateGoalAsync(plan, goal, input, body.Version!.Value, ct), db, goalId, ct);
    }

    private static async Task<Results<Ok<CarePlanGoalDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<CarePlanGoalDto>>>> ChangeGoalStatusAsync(
        Guid id, Guid planId, Guid goalId, GoalStatusRequest body, HttpContext http, DraftRows rows, CarePlanRowCommands commands,
        PathwayDbContext db, CancellationToken ct)
    {
        if (await rows.LoadAsync(id, planId, CarePlanSection.Goals, AccessNeed.Edit, true, ct, "CarePlanGoal", goalId) is not var (_, plan)
            || await rows.GoalAsync(plan, goalId, track: true, ct) is not { } goal)
            return TypedResults.NotFound();
        var errors = new List<FieldError>();
        if (body.Version is null) errors.Add(new("Version", "Send the version of the goal you are changing (from a GET)"));
        var status = Api.ParseEnum<GoalStatus>(body.Status, "Status", errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        var result = await commands.ChangeGoalStatusAsync(plan, goal, status, body.Note, http.User.ToStaffContext().UserId, body.Version!.Value, ct);
        // The page's field is NewStatus; the API's is Status.
        if (result.Outcome == CommandOutcome.Invalid) result = result with { Errors = result.Errors.Select(e => e.Field == "NewStatus" ? e with { Field = "Status" } : e).ToList() };
        return await GoalAnswerAsync(result, db, goalId, ct);
    }

    private static async Task<Results<Created<CarePlanActionDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<CarePlanVersionDto>>>> AddActionAsync(
        Guid id, Guid planId, ActionWriteRequest body, DraftRows rows, CarePlanRowCommands commands, PathwayDbContext db, CancellationToken ct)
    {
        if (await rows.LoadAsync(id, planId, CarePlanSection.Actions, AccessNeed.Edit, true, ct, "CarePlan", planId) is not var (pc, plan))
            return TypedResults.NotFound();
        var errors = new List<FieldError>();
        var input = Action(body, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        var result = await commands.AddActionAsync(plan, input, body.Version!.Value, ct);
        if (result.Outcome == CommandOutcome.Invalid) return TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
        if (result.Outcome == CommandOutcome.Conflict) return await PlanConflictAsync(db, pc, planId, ct);
        var action = await db.CarePlanActions.AsNoTracking().FirstAsync(a => a.Id == result.RowId, ct);
        return TypedResults.Created($"/api/v1/cases/{id}/care-plans/{planId}/actions/{action.Id}", CarePlanActionDto.From(action));
    }

    private static async Task<Results<Ok<CarePlanActionDto>, NotFound>> GetActionAsync(
        Guid id, Guid planId, Guid planActionId, DraftRows rows, PathwayDbContext db, CancellationToken ct)
    {
        if (await rows.LoadAsync(id, planId, CarePlanSection.Actions, AccessNeed.Read, false, ct, "CarePlanAction", planActionId) is not var (_, plan))
            return TypedResults.NotFound();
        return await rows.ActionAsync(plan, planActionId, track: false, ct) is { } action ? TypedResults.Ok(CarePlanActionDto.From(action)) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<CarePlanActionDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<CarePlanActionDto>>>> UpdateActionAsync(
        Guid id, Guid planId, Guid planActionId, ActionWriteRequest body, DraftRows rows, CarePlanRowCommands commands,
        PathwayDbContext db, CancellationToken ct)
    {
        if (await rows.LoadAsync(id, planId, CarePlanSection.Actions, AccessNeed.Edit, true, ct, "CarePlanAction", planActionId) is not var (_, plan)
            || await rows.ActionAsync(plan, planActionId, track: true, ct) is not { } action)
            return TypedResults.NotFound();
        var errors = new List<FieldError>();
        var input = Action(body, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        var result = await commands.UpdateActionAsync(plan, action, input, body.Version!.Value, ct);
        if (result.Outcome == CommandOutcome.Invalid) return TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
        db.ChangeTracker.Clear();
        var current = CarePlanActionDto.From(await db.CarePlanActions.AsNoTracking().FirstAsync(a => a.Id == planActionId, ct));
        if (result.Outcome == CommandOutcome.Conflict)
            return Api.Conflict("action", current.Version, current);
        return TypedResults.Ok(current);
    }

    private static GoalInput Goal(GoalWriteRequest body, List<FieldError> errors)
    {
        if (body.Version is null) errors.Add(new("Version", "Send the version you read (from a GET): the plan's to add a goal, the goal's to change one"));
        var area = Api.ParseEnum<NeedArea>(body.Area, "Area", errors);
        var target = Api.ParseDate(body.TargetDate, "TargetDate", errors);
        return new GoalInput(area, body.InOwnWords, body.Smart, target);
    }

    private static ActionInput Action(ActionWriteRequest body, List<FieldError> errors)
    {
        if (body.Version is null) errors.Add(new("Version", "Send the version you read (from a GET): the plan's to add an action, the action's to change one"));
        var status = Api.ParseEnum<ActionStatus>(body.Status, "Status", errors);
        return new ActionInput(body.What, body.Who, body.When, status);
    }

    private static async Task<CarePlanGoal> LoadGoalAsync(PathwayDbContext db, Guid goalId, CancellationToken ct)
    {
        var goal = await db.CarePlanGoals.AsNoTracking().Include(g => g.History).FirstAsync(g => g.Id == goalId, ct);
        goal.History = [.. goal.History.OrderBy(h => h.ChangedAt)];
        return goal;
    }

    private static async Task<Results<Ok<CarePlanGoalDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<CarePlanGoalDto>>>> GoalAnswerAsync(
        CommandResult result, PathwayDbContext db, Guid goalId, CancellationToken ct)
    {
        if (result.Outcome == CommandOutcome.Invalid) return TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
        db.ChangeTracker.Clear();
        var current = CarePlanGoalDto.From(await LoadGoalAsync(db, goalId, ct));
        if (result.Outcome == CommandOutcome.Conflict)
            return Api.Conflict("goal", current.Version, current);
        return TypedResults.Ok(current);
    }

    private static async Task<Conflict<ConflictProblem<CarePlanVersionDto>>> PlanConflictAsync(PathwayDbContext db, CarePlanCase pc, Guid planId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var current = CarePlanVersionDto.From(await db.CarePlans.AsNoTracking().FirstAsync(p => p.Id == planId, ct), pc.View);
        return Api.Conflict("care plan", current.Version, current);
    }
}
