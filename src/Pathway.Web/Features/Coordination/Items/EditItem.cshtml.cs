using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Coordination;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Coordination.Items;

/// <summary>
/// Adds an agenda item (<c>…/items/new</c>) or records its minutes and decisions. A case discussion names the person by
/// CRN (a case the author can see) and records the basis for sharing: consent with its date, or a lawful basis.
/// Opening a case item to edit it writes <c>coordination.item.read</c> with its case id.
/// </summary>
[Authorize(Policy = Policies.CoordinationAdmin)]
[Audited("coordination.item.save")]
public sealed class EditItemModel(PathwayDbContext db, CoordinationCommands commands, CoordinationGroup group, AuditLog audit) : PageModel
{
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Crn { get; set; }
    [BindProperty] public string? SharingBasis { get; set; }
    [BindProperty] public string? LawfulBasis { get; set; }
    [BindProperty] public string? LawfulBasisNote { get; set; }
    [BindProperty] public DateParts ConsentOn { get; set; } = new();
    [BindProperty] public string? Minutes { get; set; }
    [BindProperty] public string? Decisions { get; set; }
    [BindProperty] public int? Version { get; set; }
    public Guid MeetingId { get; private set; }
    public DateOnly MeetingOn { get; private set; }
    public Guid? ItemId { get; private set; }
    public string? Person { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid meetingId, Guid? agendaItemId, CancellationToken ct)
    {
        var meeting = await db.GroupMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return NotFound();
        if (CoordinationRules.IsReadOnly(meeting.Status)) return Redirect($"/coordination-group/meetings/{meetingId}");
        (MeetingId, MeetingOn, ItemId) = (meetingId, meeting.MeetingOn, agendaItemId);
        if (agendaItemId is { } id)
        {
            var i = await db.GroupAgendaItems.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.MeetingId == meetingId, ct);
            if (i is null) return NotFound();
            if (i.CaseId is { } c)
            {
                var visible = await group.VisibleCasesAsync([c], ct);
                if (!visible.TryGetValue(c, out var person))
                {
                    await audit.DeniedAsync("GroupAgendaItem", i.Id, c, ct);
                    return NotFound();
                }
                (Person, Crn) = (person.Name, person.Crn);
                await audit.WriteAsync("coordination.item.read", "GroupAgendaItem", i.Id, c, ct: ct);
            }
            (Kind, Title, SharingBasis, LawfulBasis, LawfulBasisNote, ConsentOn, Minutes, Decisions, Version) =
                (i.Kind.ToString(), i.Title, i.SharingBasis?.ToString(), i.LawfulBasis?.ToString(), i.LawfulBasisNote, DateParts.From(i.ConsentOn), i.Minutes, i.Decisions, i.Version);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid meetingId, Guid? agendaItemId, CancellationToken ct)
    {
        var meeting = await db.GroupMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return NotFound();
        (MeetingId, MeetingOn, ItemId) = (meetingId, meeting.MeetingOn, agendaItemId);
        ModelState.Clear();
        var errors = new List<FieldError>();
        var kind = Parse<AgendaItemKind>(Kind);
        Guid? caseId = null;
        if (agendaItemId is null && kind == AgendaItemKind.CaseDiscussion)
        {
            if (string.IsNullOrWhiteSpace(Crn)) errors.Add(new("Crn", "Enter the CRN of the person to be discussed"));
            else if ((caseId = await group.VisibleCaseByCrnAsync(Crn, ct)) is null) errors.Add(new("Crn", "There is no case with this CRN that you can see"));
            if (caseId is null) errors.Add(new("CaseId", "")); // keeps the command from asking again; not shown
        }
        if (ConsentOn.TryParse("Date consent was given", out var consentOn) is { } e) errors.Add(new("ConsentOn", e));
        var details = new ItemDetails(kind, Title, caseId, Parse<SharingBasis>(SharingBasis), Parse<LawfulBasis>(LawfulBasis), LawfulBasisNote, consentOn, Minutes, Decisions);
        var result = await commands.SaveItemAsync(meetingId, agendaItemId, details, Version, errors, ct);
        if (result.NotFound) return NotFound();
        if (result.Errors.Count > 0 || result.Conflict)
        {
            result.Errors.Where(x => x.Message.Length > 0).Select(x => x.Field == "CaseId" ? x with { Field = "Crn" } : x).DistinctBy(x => x.Field).AddTo(ModelState);
            if (result.Conflict) ModelState.AddModelError(string.Empty, "Someone else changed this item while you were editing. Nothing has been saved. Open the meeting to see their change, then make yours again.");
            if (agendaItemId is { } id && await db.GroupAgendaItems.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) is { } existing)
            {
                Kind = existing.Kind.ToString();
                if (existing.CaseId is { } c && (await group.VisibleCasesAsync([c], ct)).TryGetValue(c, out var p)) (Person, Crn) = (p.Name, p.Crn);
            }
            return Page();
        }
        TempData["Success"] = agendaItemId is null ? "Agenda item added" : "Agenda item updated";
        return Redirect($"/coordination-group/meetings/{meetingId}");
    }

    private static T? Parse<T>(string? s) where T : struct, Enum => Enum.TryParse<T>(s, out var v) && Enum.IsDefined(v) ? v : null;
}
