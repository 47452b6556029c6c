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

namespace Pathway.Web.Features.Coordination.Actions;

/// <summary>Records an action agreed at a meeting: what, one owner (a representative or a member of staff), when, and the item it came from.</summary>
[Authorize(Policy = Policies.CoordinationAdmin)]
[Audited(AuditActions.Coordination.ActionCreate)]
public sealed class NewActionModel(PathwayDbContext db, AddGroupAction add, CoordinationGroup group) : PageModel
{
    public const string RepPrefix = "rep:";
    public const string StaffPrefix = "staff:";

    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Owner { get; set; }
    [BindProperty] public string? AgendaItemId { get; set; }
    [BindProperty] public DateParts DueOn { get; set; } = new();
    public Guid MeetingId { get; private set; }
    public DateOnly MeetingOn { get; private set; }
    public IReadOnlyList<Govuk.Option> Owners { get; private set; } = [];
    public IReadOnlyList<Govuk.Option> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid meetingId, CancellationToken ct)
    {
        var m = await db.GroupMeetings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == meetingId, ct);
        if (m is null) return NotFound();
        if (CoordinationRules.IsReadOnly(m.Status)) return Redirect($"/coordination-group/meetings/{meetingId}");
        await LoadAsync(m.Id, m.MeetingOn, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid meetingId, CancellationToken ct)
    {
        var m = await db.GroupMeetings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == meetingId, ct);
        if (m is null) return NotFound();
        var unreadable = new List<FieldError>();
        if (DueOn.TryParse("Due date", out var due) is { } e) unreadable.Add(new("DueOn", e));
        Guid? rep = Owner?.StartsWith(RepPrefix, StringComparison.Ordinal) == true && Guid.TryParse(Owner[RepPrefix.Length..], out var r) ? r : null;
        Guid? staff = Owner?.StartsWith(StaffPrefix, StringComparison.Ordinal) == true && Guid.TryParse(Owner[StaffPrefix.Length..], out var s) ? s : null;
        Guid? item = Guid.TryParse(AgendaItemId, out var i) ? i : null;
        var outcome = await add.HandleAsync(meetingId, new GroupActionDetails(Description, item, rep, staff, due), unreadable, ct);
        return await this.PresentAsync(outcome, _ =>
        {
            TempData["Success"] = "Action added";
            return Redirect($"/coordination-group/meetings/{meetingId}");
        }, () => LoadAsync(m.Id, m.MeetingOn, ct), prefix: "");
    }

    private async Task LoadAsync(Guid meetingId, DateOnly meetingOn, CancellationToken ct)
    {
        (MeetingId, MeetingOn) = (meetingId, meetingOn);
        var reps = (await group.MembersAsync(ct)).SelectMany(x => x.Representatives.Where(r => r.Active)
            .Select(r => new Govuk.Option(RepPrefix + r.Id, $"{r.Name}, {r.Title} ({x.Name})")));
        var staff = (await db.Users.AsNoTracking().Where(u => u.DisabledAt == null).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .OrderBy(u => u.DisplayName, StringComparer.OrdinalIgnoreCase).Select(u => new Govuk.Option(StaffPrefix + u.Id, $"{u.DisplayName} (Pathway user)"));
        Owners = reps.Concat(staff).ToList();
        // The item list names case discussions, so reading it writes the same rows as reading the meeting.
        var meeting = await group.MeetingAsync(meetingId, ct);
        Items = meeting!.Items.Where(x => !x.Restricted).Select(x => new Govuk.Option(x.Id.ToString(), $"{x.Number}. {x.Title}")).ToList();
    }
}
