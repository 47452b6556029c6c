using Microsoft.AspNetCore.Http.HttpResults;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Tasks;

/// <summary>One task as the API gives it: the same fields the home page and <c>/tasks</c> show.</summary>
public sealed record TaskDto(
    string Kind, string KindName, string Group, string Id, string Title, string Link, Guid? CaseId, string? Person, string? Crn,
    Guid? WaitsForUserId, string? WaitsForRole, string? WaitsFor, string Since, string? DueOn, bool Overdue)
{
    public static TaskDto From(WorkItem t)
    {
        var kind = TaskKinds.Of(t.Kind);
        return new(kind.Slug, kind.Name, kind.Group, t.Id, t.Title, t.Link, t.Case?.CaseId, t.Case?.Name, t.Case?.Crn,
            t.WaitsForPersonId, t.WaitsForRole?.ToString(), t.WaitsForName, t.Since.ToString("yyyy-MM-dd"), t.DueOn?.ToString("yyyy-MM-dd"), t.Overdue);
    }
}

public sealed record TaskKindCountDto(string Kind, string Name, int Count, int Overdue);

public sealed record TaskListDto(IReadOnlyList<TaskDto> Items, int Total, int Page, int PageSize, IReadOnlyList<TaskKindCountDto> Kinds);

public static class TaskEndpoints
{
    public static RouteGroupBuilder MapTaskEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me/tasks", ListAsync).WithTags("Tasks").Audited(AuditActions.Task.List)
            .WithSummary("The work waiting for you (or, with view=team, for your team), overdue first; filter by kind, case, person and overdue; 25 a page");
        return api;
    }

    private static async Task<Results<Ok<TaskListDto>, ValidationProblem, NotFound>> ListAsync(
        string? view, string? kind, string? @case, string? person, string? overdue, string? page, TaskList tasks, HttpContext http, CancellationToken ct)
    {
        var (team, filter, errors) = new TaskQuery(view, kind, @case, person, overdue, page).Parse();
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        if (team && !TaskList.HasTeamView(http.User.ToStaffContext())) return TypedResults.NotFound();
        var r = await tasks.PageAsync(team, filter, ct);
        return TypedResults.Ok(new TaskListDto(r.Items.Select(TaskDto.From).ToList(), r.Total, r.Page, r.PageSize,
            r.Kinds.Select(k => new TaskKindCountDto(k.Kind.Slug, k.Kind.Name, k.Count, k.Overdue)).ToList()));
    }
}
