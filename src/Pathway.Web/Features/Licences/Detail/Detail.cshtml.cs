using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Licences;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Licences.Detail;

/// <summary>One licence: key dates, its standard conditions, additional conditions by category, and recall history.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited("licence.read")]
public sealed class DetailModel(CaseAccess access, PathwayDbContext db, AuditLog audit) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
    public Licence Licence { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    /// <summary>Additional conditions grouped in the order categories are listed; removed ones stay, marked as removed.</summary>
    public IReadOnlyList<IGrouping<AdditionalConditionCategory, AdditionalCondition>> ConditionsByCategory { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid licenceId, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "Licence", licenceId);
        if (c is null) return NotFound();
        var l = await LicenceLookup.FindAsync(db.Licences.AsNoTracking().WithConditionsAndRecalls(), audit, id, licenceId, ct);
        if (l is null) return NotFound();
        Licence = l;
        Header = new CaseHeader(c, CaseTab.Licences, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()));
        CanEdit = await access.CanEditAsync(c, ct);
        ConditionsByCategory = l.AdditionalConditions
            .OrderBy(x => x.RemovedAt is not null).ThenBy(x => x.CreatedAt)
            .GroupBy(x => x.Category)
            .OrderBy(g => g.Key)
            .ToList();
        return Page();
    }
}
