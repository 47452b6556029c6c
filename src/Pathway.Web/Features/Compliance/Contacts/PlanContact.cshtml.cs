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

namespace Pathway.Web.Features.Compliance.Contacts;

/// <summary>The form for <see cref="AddContact"/>: a planned contact, or one that has already happened with its outcome.</summary>
[Authorize(Policy = Policies.ProbationRecorder)]
[Audited(AuditActions.Contact.Create)]
[CaseScoped(AccessNeed.Edit, ReadActionOnGet = AuditActions.Case.Read)]
public sealed class PlanContactModel(CurrentCase current, AddContact add) : PageModel
{
    [BindProperty] public ContactForm Input { get; set; } = new();
    public CaseHeader Header => current.Context.Header(CaseTab.Compliance);

    public void OnGet() => Input.Outcome = nameof(Domain.Compliance.ContactOutcome.Pending);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var outcome = await add.HandleAsync(current.Context, Input.Parse(unreadable), unreadable, ct);
        return await this.PresentAsync(outcome, contact =>
        {
            TempData["Success"] = "Contact added";
            return Redirect($"/cases/{contact.CaseId}/compliance");
        });
    }
}
