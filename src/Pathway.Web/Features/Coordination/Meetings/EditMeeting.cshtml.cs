using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Coordination;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Coordination.Meetings;

/// <summary>Plans a meeting (<c>/coordination-group/meetings/new</c>) or records its date, chair, attendees and apologies.</summary>
[Authorize(Policy = Policies.CoordinationAdmin)]
[Audited(AuditActions.Coordination.MeetingUpdate)]
public sealed class EditMeetingModel(PathwayDbContext db, SaveGroupMeeting save, CoordinationGroup group) : PageModel
{
    [BindProperty] public DateParts MeetingOn { get; set; } = new();
    [BindProperty] public string? ChairId { get; set; }
    [BindProperty] public List<string> Attended { get; set; } = [];
    [BindProperty] public List<string> Apologies { get; set; } = [];
    [BindProperty] public int? Version { get; set; }
    public Guid? MeetingId { get; private set; }
    public IReadOnlyList<Govuk.Option> Representatives { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? meetingId, CancellationToken ct)
    {
        MeetingId = meetingId;
        if (meetingId is { } id)
        {
            var m = await db.GroupMeetings.AsNoTracking().Include(x => x.Attendance).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (m is null) return NotFound();
            if (CoordinationRules.IsReadOnly(m.Status)) return Redirect($"/coordination-group/meetings/{id}");
            (MeetingOn, ChairId, Version) = (DateParts.From(m.MeetingOn), m.ChairId?.ToString() ?? "", m.Version);
            Attended = m.Attendance.Where(a => !a.Apologies).Select(a => a.RepresentativeId.ToString()).ToList();
            Apologies = m.Attendance.Where(a => a.Apologies).Select(a => a.RepresentativeId.ToString()).ToList();
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? meetingId, CancellationToken ct)
    {
        MeetingId = meetingId;
        var unreadable = new List<FieldError>();
        if (MeetingOn.TryParse("Date of the meeting", out var on) is { } e) unreadable.Add(new("MeetingOn", e));
        static List<Guid> Ids(IEnumerable<string> values) => values.Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).ToList();
        Guid? chair = Guid.TryParse(ChairId, out var c) ? c : null;
        var outcome = await save.HandleAsync(meetingId, new MeetingDetails(on, chair, Ids(Attended), Ids(Apologies)), Version, unreadable, ct);
        return await this.PresentAsync(outcome, savedId =>
        {
            TempData["Success"] = meetingId is null ? "Meeting planned" : "Meeting updated";
            return Redirect($"/coordination-group/meetings/{savedId}");
        }, () => LoadAsync(ct), prefix: "", conflict: _ => ModelState.AddModelError(string.Empty,
            "Someone else changed this meeting while you were editing. Nothing has been saved. Open the meeting to see their change, then make yours again."));
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Representatives = (await group.MembersAsync(ct))
            .SelectMany(m => m.Representatives.Where(r => r.Active).Select(r => new Govuk.Option(r.Id.ToString(), $"{r.Name}, {r.Title} ({m.Name})")))
            .ToList();
}
