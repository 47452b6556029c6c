using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Signposting;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Domain.Staff;

namespace Pathway.Web.Features.Signposting.Directory.List;

/// <summary>The service directory: every organisation's services, filterable by need, with entries due a check flagged.</summary>
[Authorize(Policy = Policies.DirectoryReader)]
[NotAudited("the directory of organisations and their services; no personal or case data")]
public sealed class ListModel(PathwayDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Need { get; set; }
    [BindProperty(SupportsGet = true)] public bool Unverified { get; set; }

    public IReadOnlyList<DirectoryOrganisation> Organisations { get; private set; } = [];
    public int StaleCount { get; private set; }
    public DateOnly Today { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        CanEdit = User.ToStaffContext().IsInAny(RoleSets.Clinicians);
        var orgs = await db.DirectoryOrganisations.AsNoTracking().Include(o => o.Services).ToListAsync(ct);
        StaleCount = orgs.SelectMany(o => o.Services).Count(s => s.OpenToReferrals && DirectoryVerification.IsStale(s.LastVerifiedOn, Today));
        var need = Enum.TryParse<NeedArea>(Need, out var n) && Enum.IsDefined(n) ? n : (NeedArea?)null;
        foreach (var o in orgs)
            o.Services = o.Services
                .Where(s => need is null || s.NeedsMet.Contains(need.Value))
                .Where(s => !Unverified || DirectoryVerification.IsStale(s.LastVerifiedOn, Today))
                .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
        Organisations = orgs.Where(o => o.Services.Count > 0 || (need is null && !Unverified))
            .OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
