using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Licences;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.Licences.Create;

/// <summary>Adds a licence period to a case. Dates that cannot be true are refused with every problem shown at once.</summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited("licence.create")]
public sealed class CreateModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty] public LicenceForm Input { get; set; } = new();
    public LicenceFormOptions Options { get; private set; } = null!;
    public CaseHeader Header { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        // The form shows the person's identity bar, which is a read of the case.
        await audit.WriteAsync("case.read", "Case", c.Id, c.Id, ct: ct);
        await LoadAsync(c, ct);
        Input.StandardConditionSetCode = Options.NewestInForce;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        ModelState.Clear();
        var errors = new List<FieldError>();
        var details = Input.Parse(errors);
        errors.AddRange(await LicenceDetailsRules.ValidateAsync(details, c.DateOfBirth, db, errors.Fields(), ct));
        errors.AddTo(ModelState, "Input.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(c, ct);
            return Page();
        }

        var licence = new Licence { CaseId = c.Id, StandardConditionSetCode = "", CreatedAt = clock.GetUtcNow() };
        LicenceDetailsRules.Apply(details, licence);
        db.Licences.Add(licence);
        audit.Add(null, "Licence", licence.Id, c.Id);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = "Licence added";
        return Redirect($"/cases/{c.Id}/licences/{licence.Id}");
    }

    private async Task LoadAsync(CaseRecord c, CancellationToken ct)
    {
        Options = LicenceFormOptions.For(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), null);
        Header = new CaseHeader(c, CaseTab.Licences, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()));
    }
}
