using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Licences.Conditions;

/// <summary>
/// Removes an additional condition after asking to confirm. The condition is kept with the date it was removed, so
/// the licence's history still shows what applied when.
/// </summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited("licence.condition.remove")]
public sealed class RemoveConditionModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
    public Licence Licence { get; private set; } = null!;
    public AdditionalCondition Condition { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid licenceId, Guid conditionId, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        var l = await LicenceLookup.FindAsync(db.Licences.AsNoTracking().Include(x => x.AdditionalConditions), audit, id, licenceId, ct);
        if (l is null) return NotFound();
        var condition = await FindConditionAsync(l, conditionId, ct);
        if (condition is null) return NotFound();
        if (condition.RemovedAt is not null) return Redirect($"/cases/{c.Id}/licences/{l.Id}");
        await audit.WriteAsync("licence.read", "Licence", l.Id, c.Id, ct: ct);
        Licence = l;
        Condition = condition;
        Header = new CaseHeader(c, CaseTab.Licences, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid licenceId, Guid conditionId, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        var l = await LicenceLookup.FindAsync(db.Licences.Include(x => x.AdditionalConditions), audit, id, licenceId, ct);
        if (l is null) return NotFound();
        var condition = await FindConditionAsync(l, conditionId, ct);
        if (condition is null) return NotFound();
        // Removing twice (a double submit, or two people at once) keeps the first removal's date.
        if (condition.RemovedAt is null)
        {
            condition.RemovedAt = clock.GetUtcNow();
            audit.Add(null, "AdditionalCondition", condition.Id, c.Id);
            await db.SaveChangesAsync(ct);
            TempData["Success"] = "Condition removed";
        }
        return Redirect($"/cases/{c.Id}/licences/{l.Id}");
    }

    /// <summary>A condition of another licence under this licence's URL is a 404 with a denied audit row, like a licence of another case.</summary>
    private async Task<AdditionalCondition?> FindConditionAsync(Licence l, Guid conditionId, CancellationToken ct)
    {
        var condition = l.AdditionalConditions.FirstOrDefault(x => x.Id == conditionId);
        if (condition is null) await audit.DeniedAsync("AdditionalCondition", conditionId, l.CaseId, ct);
        return condition;
    }
}
