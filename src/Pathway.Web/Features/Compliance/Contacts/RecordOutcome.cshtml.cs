using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Contacts;

/// <summary>
/// The form for <see cref="RecordContactOutcome"/>. It carries the version it was loaded at: if someone else saved in
/// the meantime, nothing is overwritten and the page shows the saved outcome.
/// </summary>
[Authorize(Policy = Policies.ProbationRecorder)]
[Audited(AuditActions.Contact.Update)]
[CaseScoped(AccessNeed.Edit)]
public sealed class RecordOutcomeModel(CurrentCase current, RecordContactOutcome record, PathwayDbContext db, AuditLog audit) : PageModel
{
    [BindProperty] public ContactForm Input { get; set; } = new();
    public CaseHeader Header => current.Context.Header(CaseTab.Compliance);
    public string? ConflictSummary { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid contactId, CancellationToken ct)
    {
        var contact = await CaseRecordLookup.FindAsync(db.Contacts.AsNoTracking(), audit, current.Context.Id, contactId, ct);
        if (contact is null) return NotFound();
        await audit.WriteAsync(AuditActions.Contact.Read, "Contact", contact.Id, contact.CaseId, ct: ct);
        Input = ContactForm.From(ContactDetails.From(contact), contact.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid contactId, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var outcome = await record.HandleAsync(current.Context, contactId, Input.Parse(unreadable), Input.Version, unreadable, ct);
        return await this.PresentAsync(outcome, contact =>
        {
            TempData["Success"] = "Contact updated";
            return Redirect($"/cases/{contact.CaseId}/compliance");
        }, conflict: ShowConflict);
    }

    private void ShowConflict(Contact saved)
    {
        ConflictSummary = $"Saved now: {Infrastructure.Forms.Display.Date(saved.Date)}, {ContactText.Kind(saved.Kind)}, {ContactText.Outcome(saved.Outcome)}" +
            (saved.Reason is null ? "" : $" ({saved.Reason})");
        ModelState.AddModelError(string.Empty, "Someone else changed this contact while you were editing. Nothing has been saved. Check what is saved now, then save again to keep your version.");
        Input.Version = saved.Version;
    }
}
