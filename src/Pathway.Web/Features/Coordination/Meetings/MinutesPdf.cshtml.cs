using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Coordination.Meetings;

/// <summary>Downloads a meeting's minutes as PDF, with case items the reader may not see redacted (the same view as the page).</summary>
[Authorize(Policy = Policies.CoordinationReader)]
[Audited(AuditActions.Coordination.MinutesDownload)]
public sealed class MinutesPdfModel(CoordinationGroup group, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid meetingId, CancellationToken ct)
    {
        if (!await group.CanReadAsync(ct))
        {
            await audit.DeniedAsync("CoordinationGroup", null, null, ct);
            return NotFound();
        }
        var m = await group.MeetingAsync(meetingId, ct);
        if (m is null) return NotFound();
        return File(MinutesPdf.Render(m), "application/pdf", MinutesPdf.FileName(m));
    }
}
