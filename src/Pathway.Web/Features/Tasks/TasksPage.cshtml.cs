using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Domain.Auditing;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Tasks;

/// <summary>
/// Everything waiting for the signed-in person, filtered by kind, person (case) and overdue, 25 to a page; with
/// <c>?view=team</c>, what is waiting across a senior probation officer's or the clinical lead's team, grouped by person.
/// </summary>
[Audited(AuditActions.Task.List)]
public sealed class TasksPageModel(TaskList tasks, TaskCounter counter, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "view")] public string? ViewName { get; set; }
    [FromQuery(Name = "kind")] public string? Kind { get; set; }
    [FromQuery(Name = "case")] public string? Case { get; set; }
    [FromQuery(Name = "person")] public string? Person { get; set; }
    [FromQuery(Name = "overdue")] public string? Overdue { get; set; }
    [FromQuery(Name = "page")] public string? PageText { get; set; }

    public bool Team { get; private set; }
    public bool CanSeeTeam { get; private set; }
    public TaskFilter Filter { get; private set; } = new();
    public TaskPage Result { get; private set; } = new([], 0, 1, TaskList.PageSize, [], [], []);
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public int Pages => Math.Max(1, (Result.Total + Result.PageSize - 1) / Result.PageSize);

    public PaginationModel Pager => new(Result.Page, Pages, p => Href(p));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var who = User.ToStaffContext();
        CanSeeTeam = TaskList.HasTeamView(who);
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (team, filter, errors) = new TaskQuery(ViewName, Kind, Case, Person, Overdue, PageText).Parse();
        if (team && !CanSeeTeam) return NotFound();
        (Team, Filter, Errors) = (team, filter, errors);
        foreach (var e in errors) ModelState.AddModelError(e.Field, e.Message);
        Result = await tasks.PageAsync(team, errors.Count > 0 ? new TaskFilter() : filter, ct);
        if (!team && Filter == new TaskFilter(Page: Filter.Page)) counter.Remember(Result.Total);
        return Page();
    }

    private string Href(int page)
    {
        var q = new List<string>();
        if (Team) q.Add("view=team");
        if (Filter.Kind is { } k) q.Add("kind=" + TaskKinds.Of(k).Slug);
        if (Filter.CaseId is { } c) q.Add("case=" + c);
        if (Filter.Person is { } p) q.Add("person=" + p);
        if (Filter.OverdueOnly) q.Add("overdue=true");
        if (page > 1) q.Add("page=" + page);
        return "/tasks" + (q.Count > 0 ? "?" + string.Join("&", q) : "");
    }
}
