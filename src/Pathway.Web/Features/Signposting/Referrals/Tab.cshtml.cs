using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Signposting.Referrals;

/// <summary>A case's signposting: referrals to local services with where each stands, and needs no service could meet.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited("signposting.list")]
public sealed class TabModel(CaseAccess access, PathwayDbContext db, SignpostingCommands commands) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
    public IReadOnlyList<SignpostingReferral> Referrals { get; private set; } = [];
    public IReadOnlyList<UnmetNeed> Unmet { get; private set; } = [];
    public bool CanRefer { get; private set; }
    public SignpostingCommands Rules => commands;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "SignpostingList");
        if (c is null) return NotFound();
        var who = User.ToStaffContext();
        var canEdit = await access.CanEditAsync(c, ct);
        Header = new CaseHeader(c, CaseTab.Signposting, CaseAccessRules.CanViewAccessLog(who), ShowSharing: canEdit);
        CanRefer = canEdit;
        Referrals = await db.SignpostingReferrals.AsNoTracking().Include(r => r.Service).ThenInclude(s => s!.Organisation)
            .Where(r => r.CaseId == id).OrderByDescending(r => r.CreatedAt).ToListAsync(ct);
        Unmet = await db.UnmetNeeds.AsNoTracking().Where(u => u.CaseId == id).OrderByDescending(u => u.RecordedOn).ToListAsync(ct);
        return Page();
    }
}
