using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Licences.Create;

/// <summary>The form for <see cref="AddLicence"/>: a licence period, starting with the newest standard conditions in force.</summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited(AuditActions.Licence.Create)]
[CaseScoped(AccessNeed.Edit, ReadActionOnGet = AuditActions.Case.Read)]
public sealed class CreateModel(CurrentCase current, AddLicence add, TimeProvider clock) : PageModel
{
    [BindProperty] public LicenceForm Input { get; set; } = new();
    public LicenceFormOptions Options => LicenceFormOptions.For(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), null);
    public CaseHeader Header => current.Context.Header(CaseTab.Licences);

    public void OnGet() => Input.StandardConditionSetCode = Options.NewestInForce;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var outcome = await add.HandleAsync(current.Context, Input.Parse(unreadable), unreadable, ct);
        return await this.PresentAsync(outcome, licence =>
        {
            TempData["Success"] = "Licence added";
            return Redirect($"/cases/{licence.CaseId}/licences/{licence.Id}");
        });
    }
}
