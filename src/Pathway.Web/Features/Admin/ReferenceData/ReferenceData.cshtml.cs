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
        // Sets offered for new licences first, newest first in the order they were made (several start on a day not known).
        var order = Domain.Licences.StandardConditionSets.All.Select(d => d.Code).ToList();
        Sets = sets.OrderByDescending(s => Offered(s.Code)).ThenByDescending(s => order.IndexOf(s.Code)).ToList();
    }

    /// <summary>Whether a set can be chosen for a new licence, from its shipped definition.</summary>
    public static bool Offered(string code) => Domain.Licences.StandardConditionSets.Find(code)?.OfferedForNewLicences ?? false;

    public static string From(DateOnly? d) => d is { } x ? Infrastructure.Forms.Display.Date(x) : "Not known";
}
