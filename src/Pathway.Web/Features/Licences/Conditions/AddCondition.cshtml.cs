using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Licences.Conditions;

/// <summary>The form for <see cref="AddAdditionalCondition"/>.</summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited(AuditActions.Licence.ConditionAdd)]
[CaseScoped(AccessNeed.Edit)]
public sealed class AddConditionModel(CurrentCase current, AddAdditionalCondition add, PathwayDbContext db, AuditLog audit) : PageModel
{
    public sealed class ConditionForm
    {
        public string? Category { get; set; }
        public string? Text { get; set; }

        public NewCondition Parse() => new(
            Enum.TryParse<AdditionalConditionCategory>(Category, out var category) && Enum.IsDefined(category) ? category : null, Text);
    }

    [BindProperty] public ConditionForm Input { get; set; } = new();
    public CaseHeader Header => current.Context.Header(CaseTab.Licences);
    public Licence Licence { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid licenceId, CancellationToken ct)
    {
        var l = await LicenceLookup.FindAsync(db.Licences.AsNoTracking(), audit, current.Context.Id, licenceId, ct);
        if (l is null) return NotFound();
        await audit.WriteAsync(AuditActions.Licence.Read, "Licence", l.Id, l.CaseId, ct: ct);
        Licence = l;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid licenceId, CancellationToken ct)
    {
        var outcome = await add.HandleAsync(current.Context, licenceId, Input.Parse(), [], ct);
        return await this.PresentAsync(outcome, condition =>
        {
            TempData["Success"] = "Condition added";
            return Redirect($"/cases/{current.Context.Id}/licences/{condition.LicenceId}");
        }, async () => Licence = await db.Licences.AsNoTracking().FirstAsync(l => l.Id == licenceId, ct));
    }
}
