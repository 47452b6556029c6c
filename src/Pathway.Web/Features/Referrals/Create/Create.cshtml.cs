using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Referrals.Create;

/// <summary>
/// "Refer to the PD service", the form for <see cref="MakeReferral"/>: probation (or the clinical lead) asks the service
/// for help with a case. Making the referral is what lets the service's psychologists see the case.
/// </summary>
[Authorize(Policy = Policies.Referrer)]
[Audited(AuditActions.Referral.Create)]
[CaseScoped(AccessNeed.Edit, ReadActionOnGet = AuditActions.Case.Read)]
public sealed class CreateModel(CurrentCase current, MakeReferral make, PathwayDbContext db) : PageModel
{
    [BindProperty] public ReferralForm Input { get; set; } = new();
    public CaseHeader Header => current.Context.Header(CaseTab.Pathway);
    public Referral? Open { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await make.HandleAsync(current.Context, Input.Parse(), [], ct);
        return await this.PresentAsync(outcome, r =>
        {
            TempData["Success"] = "Referral sent to the PD service";
            return Redirect($"/cases/{r.CaseId}/pathway");
        }, () => ShowAsync(ct), conflict: _ => ModelState.AddModelError(string.Empty, MakeReferral.AlreadyOpen));
    }

    private async Task ShowAsync(CancellationToken ct) => Open = await ReferralQueries.OpenAsync(db.Referrals, current.Context.Id, ct);
}
