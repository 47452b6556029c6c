using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Cases.Timeline;

/// <summary>The case's whole story in date order, from every area (<see cref="CaseTimeline"/>), filtered by kind.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Case.TimelineRead)]
[CaseScoped(AccessNeed.Read)]
public sealed class TimelineModel(CurrentCase current, PathwayDbContext db, TimeProvider clock) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
    public TimelineView Timeline { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "kind")] string[]? kind, CancellationToken ct)
    {
        var c = current.Context;
        Header = c.Header(CaseTab.Timeline);
        Timeline = await TimelinePage.LoadAsync(db, c, kind, TimelineScope.Whole, clock, $"/cases/{c.Id}/timeline", "timeline", ct);
    }
}

/// <summary>What both timeline pages do: keep the chosen kinds this person may see, load the entries up to today.</summary>
public static class TimelinePage
{
    public static async Task<TimelineView> LoadAsync(PathwayDbContext db, CaseContext c, string[]? kind, TimelineScope scope, TimeProvider clock,
        string filterAction, string testId, CancellationToken ct)
    {
        var kinds = CaseTimeline.KindsFor(c.Who.Roles, scope);
        var selected = (kind ?? []).Where(k => kinds.Any(x => x.Key == k)).Distinct().ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (entries, names) = await CaseTimeline.LoadAsync(db, c.Id, c.Who.Roles, selected, today, ct, scope);
        return new TimelineView(filterAction, kinds, selected, entries, names, testId);
    }
}
