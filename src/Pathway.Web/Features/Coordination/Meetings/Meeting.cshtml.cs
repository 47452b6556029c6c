using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Coordination.Meetings;

/// <summary>
/// One meeting: attendance, agenda items with their minutes and decisions, and actions (overdue ones tagged). Case
/// discussions on cases the reader may not see show as "Case discussion (restricted)"; each case item shown writes a
/// read row with its case id.
/// </summary>
[Authorize(Policy = Policies.CoordinationReader)]
[Audited(AuditActions.Coordination.MeetingRead)]
public sealed class MeetingModel(CoordinationGroup group, AuditLog audit) : PageModel
{
    public MeetingView Meeting { get; private set; } = null!;
    public bool CanAdminister => group.CanAdminister;

    public async Task<IActionResult> OnGetAsync(Guid meetingId, CancellationToken ct)
    {
        if (!await group.CanReadAsync(ct))
        {
            await audit.DeniedAsync("CoordinationGroup", null, null, ct);
            return NotFound();
        }
        var m = await group.MeetingAsync(meetingId, ct);
        if (m is null) return NotFound();
        Meeting = m;
        return Page();
    }
}
