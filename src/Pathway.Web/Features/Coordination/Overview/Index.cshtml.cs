using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Coordination.Overview;

/// <summary>The service co-ordination group: its member organisations and representatives, and its meetings.</summary>
[Authorize(Policy = Policies.CoordinationReader)]
[Audited(AuditActions.Coordination.Read)]
public sealed class IndexModel(CoordinationGroup group, AuditLog audit) : PageModel
{
    public IReadOnlyList<MemberView> Members { get; private set; } = [];
    public IReadOnlyList<MeetingSummary> Meetings { get; private set; } = [];
    public bool CanAdminister => group.CanAdminister;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await group.CanReadAsync(ct))
        {
            await audit.DeniedAsync("CoordinationGroup", null, null, ct);
            return NotFound();
        }
        Members = await group.MembersAsync(ct);
        Meetings = await group.MeetingsAsync(ct);
        await audit.ReadAsync("CoordinationGroup", null, null, ct);
        return Page();
    }
}
