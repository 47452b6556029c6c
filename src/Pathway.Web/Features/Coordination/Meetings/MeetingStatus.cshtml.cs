using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Coordination;
using Pathway.Domain.Licences;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Coordination.Meetings;

/// <summary>Moves a meeting on: planned → held → minutes approved (after which it is read-only).</summary>
[Authorize(Policy = Policies.CoordinationAdmin)]
[Audited(AuditActions.Coordination.MeetingStatusUpdate)]
public sealed class MeetingStatusModel(PathwayDbContext db, ChangeMeetingStatus change) : PageModel
{
    [BindProperty] public int? Version { get; set; }
    public Guid MeetingId { get; private set; }
    public DateOnly MeetingOn { get; private set; }
    public MeetingStatus Status { get; private set; }
    public MeetingStatus? Next => Status switch { MeetingStatus.Planned => MeetingStatus.Held, MeetingStatus.Held => MeetingStatus.MinutesApproved, _ => null };

    public async Task<IActionResult> OnGetAsync(Guid meetingId, CancellationToken ct) =>
        await LoadAsync(meetingId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid meetingId, CancellationToken ct)
    {
        var version = Version;
        if (!await LoadAsync(meetingId, ct)) return NotFound();
        var next = Next;
        var outcome = await change.HandleAsync(meetingId, next, version, [], ct);
        return await this.PresentAsync(outcome, _ =>
        {
            TempData["Success"] = next == MeetingStatus.Held ? "Meeting recorded as held" : "Minutes approved: the meeting is now read-only";
            return Redirect($"/coordination-group/meetings/{meetingId}");
        }, prefix: "", conflict: _ => ModelState.AddModelError(string.Empty,
            "Someone else changed this meeting while you were looking at it. Nothing has been saved. Check the meeting, then try again."));
    }

    private async Task<bool> LoadAsync(Guid meetingId, CancellationToken ct)
    {
        var m = await db.GroupMeetings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == meetingId, ct);
        if (m is null) return false;
        (MeetingId, MeetingOn, Status, Version) = (m.Id, m.MeetingOn, m.Status, m.Version);
        return true;
    }
}
