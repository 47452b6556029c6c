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

namespace Pathway.Web.Features.Licences.Detail;

/// <summary>One licence: key dates, its standard conditions, additional conditions by category, and recall history.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Licence.Read)]
[CaseScoped(AccessNeed.Read, EntityType = "Licence", EntityRouteValue = "licenceId")]
public sealed class DetailModel(CurrentCase current, PathwayDbContext db, AuditLog audit) : PageModel
{
    public CaseHeader Header => current.Context.Header(CaseTab.Licences);
    public Licence Licence { get; private set; } = null!;
    public bool CanEdit => current.Context.Can.Edit;

    /// <summary>Additional conditions grouped in the order categories are listed; removed ones stay, marked as removed.</summary>
    public IReadOnlyList<IGrouping<AdditionalConditionCategory, AdditionalCondition>> ConditionsByCategory { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid licenceId, CancellationToken ct)
    {
        var l = await LicenceLookup.FindAsync(db.Licences.AsNoTracking().WithConditionsAndRecalls(), audit, current.Context.Id, licenceId, ct);
        if (l is null) return NotFound();
        Licence = l;
        ConditionsByCategory = l.AdditionalConditions
            .OrderBy(x => x.RemovedAt is not null).ThenBy(x => x.CreatedAt)
            .GroupBy(x => x.Category)
            .OrderBy(g => g.Key)
            .ToList();
        return Page();
    }
}
