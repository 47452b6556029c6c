using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Cases.Timeline;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Timeline;

/// <summary>
/// The case's compliance timeline: the compliance kinds of <see cref="CaseTimeline"/>, filtered by kind with a plain GET
/// form so it works without JavaScript: <c>?kind=contact&amp;kind=concern</c>.
/// </summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Compliance.TimelineRead)]
[CaseScoped(AccessNeed.Read, EntityType = "ComplianceTimeline")]
public sealed class ComplianceTimelinePageModel(CurrentCase current, PathwayDbContext db, TimeProvider clock) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
    public TimelineView Timeline { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "kind")] string[]? kind, CancellationToken ct)
    {
        var c = current.Context;
        Header = c.Header(CaseTab.Compliance);
        Timeline = await TimelinePage.LoadAsync(db, c, kind, TimelineScope.Compliance, clock, $"/cases/{c.Id}/compliance/timeline", "compliance-timeline", ct);
    }
}
