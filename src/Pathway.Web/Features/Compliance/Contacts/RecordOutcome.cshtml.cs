using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Licences;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Licences;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.Compliance.Contacts;

/// <summary>
/// Records what happened at a contact (or corrects it). The form carries the version it was loaded at: if someone else
/// saved in the meantime, nothing is overwritten and the page shows the saved outcome.
/// </summary>
[Authorize(Policy = Policies.ProbationRecorder)]
[Audited("contact.update")]
public sealed class RecordOutcomeModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty] public ContactForm Input { get; set; } = new();
    public CaseHeader Header { get; private set; } = null!;
    public string? ConflictSummary { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid contactId, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        var contact = await CaseRecordLookup.FindAsync(db.Contacts.AsNoTracking(), audit, id, contactId, ct);
        if (contact is null) return NotFound();
        await audit.WriteAsync("contact.read", "Contact", contact.Id, c.Id, ct: ct);
        Input = ContactForm.From(ContactDetails.From(contact), contact.Version);
        Show(c);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid contactId, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        var contact = await CaseRecordLookup.FindAsync(db.Contacts, audit, id, contactId, ct);
        if (contact is null) return NotFound();
        ModelState.Clear();
        var errors = new List<FieldError>();
        var details = Input.Parse(errors);
        if (Input.Version != contact.Version)
        {
            ShowConflict(contact);
            Show(c);
            return Page();
        }
        errors.AddRange(details.Validate(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), errors.Fields()));
        errors.AddTo(ModelState, "Input.");
        if (!ModelState.IsValid)
        {
            Show(c);
            return Page();
        }
        details.Apply(contact);
        contact.RecordedById = User.ToStaffContext().UserId;
        db.Entry(contact).Property(x => x.Version).OriginalValue = Input.Version;
        audit.Add(null, "Contact", contact.Id, c.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ShowConflict(await db.Contacts.AsNoTracking().FirstAsync(x => x.Id == contactId, ct));
            Show(c);
            return Page();
        }
        TempData["Success"] = "Contact updated";
        return Redirect($"/cases/{c.Id}/compliance");
    }

    private void ShowConflict(Contact saved)
    {
        ConflictSummary = $"Saved now: {Infrastructure.Forms.Display.Date(saved.Date)}, {ContactText.Kind(saved.Kind)}, {ContactText.Outcome(saved.Outcome)}" +
            (saved.Reason is null ? "" : $" ({saved.Reason})");
        ModelState.AddModelError(string.Empty, "Someone else changed this contact while you were editing. Nothing has been saved. Check what is saved now, then save again to keep your version.");
        Input.Version = saved.Version;
    }

    private void Show(CaseRecord c) =>
        Header = new CaseHeader(c, CaseTab.Compliance, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()));
}
