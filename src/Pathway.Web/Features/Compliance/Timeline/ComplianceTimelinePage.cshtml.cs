using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Timeline;

/// <summary>
/// The case's compliance timeline (MoJ timeline pattern), filtered by kind with a plain GET form so it works without
/// JavaScript: <c>?kind=contact&amp;kind=concern</c>.
/// </summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Compliance.TimelineRead)]
[CaseScoped(AccessNeed.Read, EntityType = "ComplianceTimeline")]
public sealed class ComplianceTimelinePageModel(CurrentCase current, PathwayDbContext db) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
    public IReadOnlyList<TimelineKind> Kinds { get; private set; } = [];
    public IReadOnlyList<string> Selected { get; private set; } = [];
    public IReadOnlyList<TimelineEntry> Entries { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync([FromQuery(Name = "kind")] string[]? kind, CancellationToken ct)
    {
        var c = current.Context;
        var who = c.Who;
        Header = c.Header(CaseTab.Compliance);
        Kinds = ComplianceTimeline.KindsFor(who.Roles);
        Selected = (kind ?? []).Where(k => Kinds.Any(x => x.Key == k)).Distinct().ToList();
        (Entries, Names) = await ComplianceTimeline.LoadAsync(db, c.Id, who.Roles, Selected, ct);
    }
}
