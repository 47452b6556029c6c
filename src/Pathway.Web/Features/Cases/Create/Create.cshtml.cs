using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.Cases.Create;

[Authorize(Policy = Policies.CaseEditor)]
[Audited("case.create")]
public sealed class CreateModel(PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty] public CaseForm Input { get; set; } = new();
    public CaseFormOptions Options { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A case an offender manager creates belongs to their team unless they choose another.
        Input.TeamId = User.ToStaffContext().TeamId?.ToString();
        Options = await CaseFormOptions.LoadAsync(db, User.ToStaffContext(), null, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var who = User.ToStaffContext();
        var details = Input.Parse(ModelState, "Input.");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        CaseWritePolicy.Check(who, new CaseVisibilityChange(null, details.TeamId, null, null)).AddTo(ModelState, "Input.");
        (await CaseDetailsRules.ValidateAsync(details, db, null, today, ct)).AddTo(ModelState, "Input.");
        if (!ModelState.IsValid)
        {
            Options = await CaseFormOptions.LoadAsync(db, who, null, ct);
            return Page();
        }
        var record = new CaseRecord { Crn = "", GivenName = "", FamilyName = "", CreatedAt = clock.GetUtcNow() };
        CaseDetailsRules.Apply(details, record, who.UserId);
        db.Cases.Add(record);
        audit.Add(null, "Case", record.Id, record.Id);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = "Person added";
        return Redirect($"/cases/{record.Id}");
    }
}
