using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Cases.Create;

/// <summary>The form for <see cref="CreateCase"/>. There is no case yet, so nothing to declare case-scoped.</summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited(AuditActions.Case.Create)]
public sealed class CreateModel(CreateCase create, PathwayDbContext db) : PageModel
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
        var who = User.ToStaffContext();
        var unreadable = new List<FieldError>();
        var outcome = await create.HandleAsync(who, Input.Parse(unreadable), null, unreadable, ct);
        return await this.PresentAsync(outcome, record =>
        {
            TempData["Success"] = "Person added";
            return Redirect($"/cases/{record.Id}");
        }, async () => Options = await CaseFormOptions.LoadAsync(db, who, null, ct));
    }
}
