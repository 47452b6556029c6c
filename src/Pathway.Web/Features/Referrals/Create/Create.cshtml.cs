using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Referrals;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.Referrals.Create;

/// <summary>
/// "Refer to the PD service": probation (or the clinical lead) asks the service for help with a case. Making the
/// referral is what lets the service's psychologists see the case.
/// </summary>
[Authorize(Policy = Policies.Referrer)]
[Audited("referral.create")]
public sealed class CreateModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty] public ReferralForm Input { get; set; } = new();
    public CaseHeader Header { get; private set; } = null!;
    public Referral? Open { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        await audit.WriteAsync("case.read", "Case", c.Id, c.Id, ct: ct);
        await LoadAsync(c, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        ModelState.Clear();
        await LoadAsync(c, ct);
        if (Open is not null)
        {
            ModelState.AddModelError(string.Empty, ReferralWork.AlreadyOpen);
            return Page();
        }
        var details = Input.Parse();
        ReferralRules.Validate(details).AddTo(ModelState, "Input.");
        if (!ModelState.IsValid) return Page();

        var r = ReferralWork.Create(c, details, User.ToStaffContext().UserId, clock.GetUtcNow());
        db.Referrals.Add(r);
        audit.Add(null, "Referral", r.Id, c.Id);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = "Referral sent to the PD service";
        return Redirect($"/cases/{c.Id}/pathway");
    }

    private async Task LoadAsync(CaseRecord c, CancellationToken ct)
    {
        Open = await ReferralWork.OpenAsync(db.Referrals, c.Id, ct);
        Header = new CaseHeader(c, CaseTab.Pathway, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()), ShowSharing: true);
    }
}
