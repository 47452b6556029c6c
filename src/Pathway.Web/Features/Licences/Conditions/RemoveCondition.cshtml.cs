using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Licences.Conditions;

/// <summary>Asks to confirm, then <see cref="RemoveAdditionalCondition"/>: the condition is kept with the date it was removed.</summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited(AuditActions.Licence.ConditionRemove)]
[CaseScoped(AccessNeed.Edit)]
public sealed class RemoveConditionModel(CurrentCase current, RemoveAdditionalCondition remove, PathwayDbContext db, AuditLog audit) : PageModel
{
    public CaseHeader Header => current.Context.Header(CaseTab.Licences);
    public Licence Licence { get; private set; } = null!;
    public AdditionalCondition Condition { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid licenceId, Guid conditionId, CancellationToken ct)
    {
        var caseId = current.Context.Id;
        var l = await LicenceLookup.FindAsync(db.Licences.AsNoTracking().Include(x => x.AdditionalConditions), audit, caseId, licenceId, ct);
        if (l is null) return NotFound();
        var condition = await RemoveAdditionalCondition.FindAsync(l, conditionId, audit, ct);
        if (condition is null) return NotFound();
        if (condition.RemovedAt is not null) return Redirect($"/cases/{caseId}/licences/{l.Id}");
        await audit.WriteAsync(AuditActions.Licence.Read, "Licence", l.Id, caseId, ct: ct);
        Licence = l;
        Condition = condition;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid licenceId, Guid conditionId, CancellationToken ct)
    {
        var outcome = await remove.HandleAsync(current.Context, licenceId, conditionId, ct);
        return await this.PresentAsync(outcome, removal =>
        {
            if (removal.RemovedNow) TempData["Success"] = "Condition removed";
            return Redirect($"/cases/{current.Context.Id}/licences/{removal.Condition.LicenceId}");
        });
    }
}
