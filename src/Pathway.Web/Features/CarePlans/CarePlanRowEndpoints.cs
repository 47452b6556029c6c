using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Assessments;
using Pathway.Domain.Auditing;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.CarePlans.Actions;
using Pathway.Web.Features.CarePlans.Goals;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.UseCases;

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
/// Goals and actions of a draft care plan over the JSON API, through the same handlers as the goals and actions pages
/// (<see cref="AddGoal"/>, <see cref="ChangeGoal"/>, <see cref="ChangeGoalStatus"/>, <see cref="AddAction"/>,
/// <see cref="ChangeAction"/>), with the pages' policy, case declarations and audit actions.
/// </summary>
public static class CarePlanRowEndpoints
{
    public static RouteGroupBuilder MapCarePlanRowEndpoints(this RouteGroupBuilder api)
    {
        var plan = api.MapGroup("/cases/{id:guid}/care-plans/{planId:guid}").WithTags("Care plans").RequireAuthorization(Policies.CaseEditor);
        plan.MapPost("/goals", AddGoalAsync).Audited(AuditActions.CarePlan.GoalAdd).ForCase(AccessNeed.Edit, "CarePlan", "planId")
            .WithSummary("Add a goal to a draft, in the person's words; send the plan version you read, or get 409. Answers 201 with its Location");
        plan.MapGet("/goals/{goalId:guid}", GetGoalAsync).Audited(AuditActions.CarePlan.Read).ForCase(AccessNeed.Read, "CarePlanGoal", "goalId")
            .WithSummary("Get one goal of a version, with its status history");
        plan.MapPut("/goals/{goalId:guid}", UpdateGoalAsync).Audited(AuditActions.CarePlan.GoalUpdate).ForCase(AccessNeed.Edit, "CarePlanGoal", "goalId")
            .WithSummary("Change an active goal of a draft; send the goal version you read, or get 409");
        plan.MapPost("/goals/{goalId:guid}/status", ChangeGoalStatusAsync).Audited(AuditActions.CarePlan.GoalStatusUpdate).ForCase(AccessNeed.Edit, "CarePlanGoal", "goalId")
            .WithSummary("Change a goal's status (achieved, not achieved, removed) with a note; the history keeps who, when, from and to");
        plan.MapPost("/actions", AddActionAsync).Audited(AuditActions.CarePlan.ActionAdd).ForCase(AccessNeed.Edit, "CarePlan", "planId")
            .WithSummary("Add an action to a draft: what, who, when, status; send the plan version you read, or get 409. Answers 201 with its Location");
        plan.MapGet("/actions/{planActionId:guid}", GetActionAsync).Audited(AuditActions.CarePlan.Read).ForCase(AccessNeed.Read, "CarePlanAction", "planActionId")
            .WithSummary("Get one action of a version");
        plan.MapPut("/actions/{planActionId:guid}", UpdateActionAsync).Audited(AuditActions.CarePlan.ActionUpdate).ForCase(AccessNeed.Edit, "CarePlanAction", "planActionId")
            .WithSummary("Change an action of a draft, including its status; send the action version you read, or get 409");
        return api;
    }

    // The case in the route is loaded, checked and audited by .ForCase before any of these run (see CurrentCase).
    // `Guid id` stays in the signatures for the OpenAPI document.

    private static async Task<Results<Created<CarePlanGoalDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<CarePlanVersionDto>>>> AddGoalAsync(
        Guid id, Guid planId, GoalWriteRequest body, CurrentCase current, AddGoal add, PathwayDbContext db, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var input = Goal(body, unreadable);
        var outcome = await add.HandleAsync(current.Context, planId, input, body.Version ?? 0, unreadable, ct);
        return await RowAddedAsync(outcome, current.Context, planId, "goals", async goalId => CarePlanGoalDto.From(await PlanSave.CurrentGoalAsync(db, goalId, ct)));
    }

    /// <summary>A row added to a draft: 201 at the row's address with the row as saved; or invalid, a conflict with the plan as saved now, or not found.</summary>
    private static async Task<Results<Created<TDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<CarePlanVersionDto>>>> RowAddedAsync<TDto>(
        Outcome<PlanRowAdded> outcome, CaseContext c, Guid planId, string rows, Func<Guid, Task<TDto>> load) =>
        outcome switch
        {
            Outcome<PlanRowAdded>.Done { Value.RowId: { } rowId } => TypedResults.Created($"/api/v1/cases/{c.Id}/care-plans/{planId}/{rows}/{rowId}", await load(rowId)),
            Outcome<PlanRowAdded>.Invalid i => TypedResults.ValidationProblem(i.Errors.ToProblemErrors()),
            Outcome<PlanRowAdded>.Conflict conflict => PlanConflict(conflict.Current.Plan, c),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<Ok<CarePlanGoalDto>, NotFound>> GetGoalAsync(
        Guid id, Guid planId, Guid goalId, CurrentCase current, DraftRows rows, CancellationToken ct)
    {
        if (await rows.LoadAsync(current.Context, planId, CarePlanSection.Goals, false, ct, "CarePlanGoal", goalId) is not var (_, plan))
            return TypedResults.NotFound();
        return await rows.GoalAsync(plan, goalId, track: false, ct) is { } goal ? TypedResults.Ok(CarePlanGoalDto.From(goal)) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<CarePlanGoalDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<CarePlanGoalDto>>>> UpdateGoalAsync(
        Guid id, Guid planId, Guid goalId, GoalWriteRequest body, CurrentCase current, ChangeGoal change, PathwayDbContext db, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var input = Goal(body, unreadable);
        var outcome = await change.HandleAsync(current.Context, planId, goalId, input, body.Version ?? 0, unreadable, ct);
        return (await PlanSave.MapAsync(outcome, g => GoalDtoAsync(db, g.Id, ct))).ToOk(x => x, "goal", x => x.Version);
    }

    private static async Task<Results<Ok<CarePlanGoalDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<CarePlanGoalDto>>>> ChangeGoalStatusAsync(
        Guid id, Guid planId, Guid goalId, GoalStatusRequest body, CurrentCase current, ChangeGoalStatus change, PathwayDbContext db, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        if (body.Version is null) unreadable.Add(new("Version", "Send the version of the goal you are changing (from a GET)"));
        var status = Api.ParseEnum<GoalStatus>(body.Status, "NewStatus", unreadable);
        var outcome = await change.HandleAsync(current.Context, planId, goalId, status, body.Note, body.Version ?? 0, unreadable, ct);
        // The page's field is NewStatus; the API's is Status.
        if (outcome is Outcome<CarePlanGoal>.Invalid invalid)
            outcome = Outcome.Invalid<CarePlanGoal>(invalid.Errors.Select(e => e.Field == "NewStatus" ? e with { Field = "Status" } : e).ToList());
        return (await PlanSave.MapAsync(outcome, g => GoalDtoAsync(db, g.Id, ct))).ToOk(x => x, "goal", x => x.Version);
    }

    private static async Task<Results<Created<CarePlanActionDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<CarePlanVersionDto>>>> AddActionAsync(
        Guid id, Guid planId, ActionWriteRequest body, CurrentCase current, AddAction add, PathwayDbContext db, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var input = Action(body, unreadable);
        var outcome = await add.HandleAsync(current.Context, planId, input, body.Version ?? 0, unreadable, ct);
        return await RowAddedAsync(outcome, current.Context, planId, "actions", async actionId => CarePlanActionDto.From(await PlanSave.CurrentActionAsync(db, actionId, ct)));
    }

    private static async Task<Results<Ok<CarePlanActionDto>, NotFound>> GetActionAsync(
        Guid id, Guid planId, Guid planActionId, CurrentCase current, DraftRows rows, CancellationToken ct)
    {
        if (await rows.LoadAsync(current.Context, planId, CarePlanSection.Actions, false, ct, "CarePlanAction", planActionId) is not var (_, plan))
            return TypedResults.NotFound();
        return await rows.ActionAsync(plan, planActionId, track: false, ct) is { } action ? TypedResults.Ok(CarePlanActionDto.From(action)) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<CarePlanActionDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<CarePlanActionDto>>>> UpdateActionAsync(
        Guid id, Guid planId, Guid planActionId, ActionWriteRequest body, CurrentCase current, ChangeAction change, PathwayDbContext db, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var input = Action(body, unreadable);
        var outcome = await change.HandleAsync(current.Context, planId, planActionId, input, body.Version ?? 0, unreadable, ct);
        return (await PlanSave.MapAsync(outcome, async a =>
        {
            db.ChangeTracker.Clear();
            return CarePlanActionDto.From(await PlanSave.CurrentActionAsync(db, a.Id, ct));
        })).ToOk(x => x, "action", x => x.Version);
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

    private static async Task<CarePlanGoalDto> GoalDtoAsync(PathwayDbContext db, Guid goalId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return CarePlanGoalDto.From(await PlanSave.CurrentGoalAsync(db, goalId, ct));
    }

    private static Conflict<ConflictProblem<CarePlanVersionDto>> PlanConflict(CarePlan plan, CaseContext c)
    {
        var current = CarePlanVersionDto.From(plan, CarePlanSections.ViewFor(c.Who.Roles));
        return Api.Conflict("care plan", current.Version, current);
    }
}
