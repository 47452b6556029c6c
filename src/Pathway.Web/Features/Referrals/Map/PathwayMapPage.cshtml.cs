using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Referrals;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Referrals.Map;

/// <summary>The care pathway map: people at each stage, time in stage and the longest waits.</summary>
[Authorize(Policy = Policies.PathwayMapReader)]
[Audited(AuditActions.Pathway.MapRead)]
public sealed class PathwayMapPageModel(PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public PathwayMapView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await PathwayMapQuery.RunAsync(db, User.ToStaffContext(), clock.GetUtcNow(), ct);
        // The list of longest waits names people: one read row per view.
        await audit.ReadAsync("PathwayMap", null, null, ct);
    }

    public int MaxPeople => Math.Max(1, View.Stages.Max(s => s.People));
}
