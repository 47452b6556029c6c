using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Compliance.Signals;

/// <summary>
/// Cases with an active early-warning signal among those the person can see: their team's for probation, the
/// service's for the PD service; filterable by team.
/// </summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Signal.List)]
public sealed class SignalsModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public const int Limit = 200;
    [BindProperty(SupportsGet = true)] public Guid? Team { get; set; }
    public SignalList.Result Result { get; private set; } = new([], 0, []);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await SignalList.RunAsync(db, await access.VisibleAsync(ct), Team, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), Limit, ct);
        await audit.ReadAsync("SignalList", null, null, ct);
    }
}
