using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Admin.ReferenceData;

/// <summary>The standard licence condition sets as seeded. Read-only: they change only with legislation, in code.</summary>
[Authorize(Policy = Policies.Administrator)]
[NotAudited("static reference data, no personal or case data")]
public sealed class ReferenceDataModel(PathwayDbContext db) : PageModel
{
    public IReadOnlyList<StandardConditionSet> Sets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var sets = await db.StandardConditionSets.AsNoTracking().Include(s => s.Items).ToListAsync(ct);
        foreach (var s in sets) s.Items = s.Items.OrderBy(i => i.Number).ToList();
        Sets = sets.OrderByDescending(s => s.InForceFrom).ToList();
    }
}
