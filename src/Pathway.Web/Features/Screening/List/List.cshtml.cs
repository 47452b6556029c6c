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

namespace Pathway.Web.Features.Screening.List;

/// <summary>A case's screening responses, newest first. Anyone who may read the case sees results; recorders may start one.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited("screening.list")]
public sealed class ListModel(CaseAccess access, PathwayDbContext db) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
    public IReadOnlyList<InstrumentResponse> Responses { get; private set; } = [];
    public bool CanRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "InstrumentResponseList");
        if (c is null) return NotFound();
        Header = new CaseHeader(c, CaseTab.Screening, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()));
        CanRecord = ScreeningResponses.MayRecord(User.ToStaffContext()) && await access.CanEditAsync(c, ct);
        Responses = await db.InstrumentResponses.AsNoTracking().Include(r => r.Definition)
            .Where(r => r.CaseId == id).OrderByDescending(r => r.StartedAt).ToListAsync(ct);
        return Page();
    }
}
