using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
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

/// <summary>Adds a planned contact, or one that has already happened with its outcome.</summary>
[Authorize(Policy = Policies.ProbationRecorder)]
[Audited("contact.create")]
public sealed class PlanContactModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty] public ContactForm Input { get; set; } = new();
    public CaseHeader Header { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        await audit.WriteAsync("case.read", "Case", c.Id, c.Id, ct: ct);
        Input.Outcome = nameof(Domain.Compliance.ContactOutcome.Pending);
        Show(c);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        ModelState.Clear();
        var errors = new List<FieldError>();
        var details = Input.Parse(errors);
        errors.AddRange(details.Validate(Today, errors.Fields()));
        errors.AddTo(ModelState, "Input.");
        if (!ModelState.IsValid)
        {
            Show(c);
            return Page();
        }
        var contact = new Contact { CaseId = c.Id, RecordedById = User.ToStaffContext().UserId, CreatedAt = clock.GetUtcNow() };
        details.Apply(contact);
        db.Contacts.Add(contact);
        audit.Add(null, "Contact", contact.Id, c.Id);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = "Contact added";
        return Redirect($"/cases/{c.Id}/compliance");
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private void Show(CaseRecord c) =>
        Header = new CaseHeader(c, CaseTab.Compliance, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()));
}
