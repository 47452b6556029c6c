using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Coordination;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Coordination.Items;

/// <summary>
/// Adds an agenda item (<c>…/items/new</c>) or records its minutes and decisions. A case discussion names the person by
/// CRN (a case the author can see) and records the basis for sharing: consent with its date, or a lawful basis.
/// Opening a case item to edit it writes <c>coordination.item.read</c> with its case id.
/// </summary>
[Authorize(Policy = Policies.CoordinationAdmin)]
[Audited(AuditActions.Coordination.ItemUpdate)]
public sealed class EditItemModel(PathwayDbContext db, SaveAgendaItem save, CoordinationGroup group, AuditLog audit) : PageModel
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
                await audit.WriteAsync(AuditActions.Coordination.ItemRead, "GroupAgendaItem", i.Id, c, ct: ct);
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
        var unreadable = new List<FieldError>();
        var kind = Parse<AgendaItemKind>(Kind);
        Guid? caseId = null;
        if (agendaItemId is null && kind == AgendaItemKind.CaseDiscussion)
        {
            if (string.IsNullOrWhiteSpace(Crn)) unreadable.Add(new("Crn", "Enter the CRN of the person to be discussed"));
            else if ((caseId = await group.VisibleCaseByCrnAsync(Crn, ct)) is null) unreadable.Add(new("Crn", "There is no case with this CRN that you can see"));
            if (caseId is null) unreadable.Add(new("CaseId", "")); // keeps the handler from asking again; not shown
        }
        if (ConsentOn.TryParse("Date consent was given", out var consentOn) is { } e) unreadable.Add(new("ConsentOn", e));
        var details = new ItemDetails(kind, Title, caseId, Parse<SharingBasis>(SharingBasis), Parse<LawfulBasis>(LawfulBasis), LawfulBasisNote, consentOn, Minutes, Decisions);
        var outcome = await save.HandleAsync(meetingId, agendaItemId, details, Version, unreadable, ct);
        return await this.PresentAsync(AsTyped(outcome), _ =>
        {
            TempData["Success"] = agendaItemId is null ? "Agenda item added" : "Agenda item updated";
            return Redirect($"/coordination-group/meetings/{meetingId}");
        }, async () =>
        {
            if (agendaItemId is { } id && await db.GroupAgendaItems.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) is { } existing)
            {
                Kind = existing.Kind.ToString();
                if (existing.CaseId is { } c && (await group.VisibleCasesAsync([c], ct)).TryGetValue(c, out var p)) (Person, Crn) = (p.Name, p.Crn);
            }
        }, prefix: "", conflict: _ => ModelState.AddModelError(string.Empty,
            "Someone else changed this item while you were editing. Nothing has been saved. Open the meeting to see their change, then make yours again."));
    }

    // The case is typed as a CRN here: a problem with it belongs to that field, and the placeholder above is not shown.
    private static Outcome<Guid> AsTyped(Outcome<Guid> outcome) =>
        outcome is Outcome<Guid>.Invalid i
            ? Outcome.Invalid<Guid>(i.Errors.Where(x => x.Message.Length > 0).Select(x => x.Field == "CaseId" ? x with { Field = "Crn" } : x).DistinctBy(x => x.Field).ToList())
            : outcome;

    private static T? Parse<T>(string? s) where T : struct, Enum => Enum.TryParse<T>(s, out var v) && Enum.IsDefined(v) ? v : null;
}
