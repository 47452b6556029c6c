using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Access;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Licences.List;

/// <summary>A case's licence periods, newest first.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited("licence.list")]
public sealed class ListModel(CaseAccess access, PathwayDbContext db) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
    public IReadOnlyList<LicenceListQuery.Row> Licences { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "LicenceList");
        if (c is null) return NotFound();
        Header = new CaseHeader(c, CaseTab.Licences, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()));
        CanEdit = await access.CanEditAsync(c, ct);
        Licences = await LicenceListQuery.RunAsync(db, id, ct);
        return Page();
    }
}
