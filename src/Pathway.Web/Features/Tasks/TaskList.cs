using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Tasks;

/// <summary>What to list: one kind, one case, one team member, overdue only, and the page.</summary>
public sealed record TaskFilter(TaskKind? Kind = null, Guid? CaseId = null, Guid? Person = null, bool OverdueOnly = false, int Page = 1);

/// <summary>A page of tasks with the counts the page and API show.</summary>
public sealed record TaskPage(
    IReadOnlyList<WorkItem> Items, int Total, int Page, int PageSize,
    IReadOnlyList<(TaskKindInfo Kind, int Count, int Overdue)> Kinds,
    IReadOnlyList<(Guid Id, string Name, int Count, int Overdue)> People,
    IReadOnlyList<CaseLabel> Cases);

/// <summary>
/// "Waiting for you": asks every area's <see cref="ITaskSource"/> in turn (one DbContext, so not at once), orders the
/// work overdue first, then by due date and age, and filters and pages it. The team view asks the same sources for the
/// people of the viewer's team. Listing writes one read row (<see cref="AuditActions.Task.List"/>) when anything is
/// shown, because the list names people.
/// </summary>
public sealed class TaskList(IEnumerable<ITaskSource> sources, CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock, IHttpContextAccessor http)
{
    public const int PageSize = 25;

    /// <summary>Whether this person may see the work waiting across their team: senior probation officers and the clinical lead.</summary>
    public static bool HasTeamView(Domain.Access.StaffContext who) =>
        who.TeamId is not null && (who.IsIn(StaffRole.SeniorProbationOfficer) || who.IsIn(StaffRole.ClinicalLead));

    /// <summary>Every task waiting for the signed-in person (or, for <paramref name="team"/>, for anyone in their team), in order, unfiltered.</summary>
    public async Task<IReadOnlyList<WorkItem>> AllAsync(bool team, CancellationToken ct)
    {
        var who = http.HttpContext!.User.ToStaffContext();
        var now = clock.GetUtcNow();
        var people = team && HasTeamView(who)
            ? await db.Users.AsNoTracking().Where(u => u.TeamId == who.TeamId && u.DisabledAt == null).Select(u => u.Id).ToListAsync(ct)
            : [who.UserId];
        if (!people.Contains(who.UserId)) people.Add(who.UserId);
        return await FindAsync(new TaskScope(who, await access.VisibleAsync(ct), people, DateOnly.FromDateTime(now.UtcDateTime), now), ct);
    }

    /// <summary>
    /// The work on one case waiting for anyone, in order, for the case's status on its overview. The caller has already
    /// checked that the viewer may read the case; which kinds the viewer is shown is the caller's to decide.
    /// </summary>
    public async Task<IReadOnlyList<WorkItem>> ForCaseAsync(Domain.Access.StaffContext who, Guid caseId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var scope = new TaskScope(who, db.Cases.AsNoTracking().Where(c => c.Id == caseId), [], DateOnly.FromDateTime(now.UtcDateTime), now) { Anyone = true };
        return (await FindAsync(scope, ct)).Where(i => i.Case?.CaseId == caseId).ToList();
    }

    private async Task<IReadOnlyList<WorkItem>> FindAsync(TaskScope scope, CancellationToken ct)
    {
        var items = new List<WorkItem>();
        foreach (var source in sources) items.AddRange(await source.FindAsync(scope, ct));
        var ids = items.Select(i => i.WaitsForPersonId).OfType<Guid>().Distinct().ToList();
        var names = ids.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return items
            .Select(i => i with { WaitsForName = i.WaitsForPersonId is { } p ? names.GetValueOrDefault(p) : i.WaitsForRole is { } r ? StaffRoles.DisplayName(r) : null })
            .OrderByDescending(i => i.Overdue).ThenBy(i => i.DueOn ?? DateOnly.MaxValue).ThenBy(i => i.Since).ThenBy(i => TaskKinds.Order(i.Kind)).ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A filtered page of the list, with a read row when it names anyone.</summary>
    public async Task<TaskPage> PageAsync(bool team, TaskFilter filter, CancellationToken ct)
    {
        var all = await AllAsync(team, ct);
        var kinds = all.GroupBy(i => i.Kind).OrderByDescending(g => g.Any(i => i.Overdue)).ThenBy(g => TaskKinds.Order(g.Key))
            .Select(g => (TaskKinds.Of(g.Key), g.Count(), g.Count(i => i.Overdue))).ToList();
        var people = all.GroupBy(i => (i.WaitsForPersonId ?? Guid.Empty, i.WaitsForName ?? "Unassigned"))
            .Select(g => (g.Key.Item1, g.Key.Item2, g.Count(), g.Count(i => i.Overdue))).OrderBy(p => p.Item2, StringComparer.OrdinalIgnoreCase).ToList();
        var cases = all.Select(i => i.Case).OfType<CaseLabel>().DistinctBy(c => c.CaseId).OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var shown = all.Where(i => (filter.Kind is null || i.Kind == filter.Kind)
            && (filter.CaseId is null || i.Case?.CaseId == filter.CaseId)
            && (filter.Person is null || (i.WaitsForPersonId ?? Guid.Empty) == filter.Person)
            && (!filter.OverdueOnly || i.Overdue)).ToList();
        var pages = Math.Max(1, (shown.Count + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pages);
        if (all.Count > 0) await audit.WriteAsync(AuditActions.Task.List, "TaskList", team ? "team" : "mine", null, ct: ct);
        return new TaskPage(shown.Skip((page - 1) * PageSize).Take(PageSize).ToList(), shown.Count, page, PageSize, kinds, people, cases);
    }
}
