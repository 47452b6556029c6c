using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Referrals;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Consultations.List;

/// <summary>A case's consultations, newest first, with how many actions are still open.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited("consultation.list")]
public sealed class ListModel(CaseAccess access, PathwayDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, DateOnly HeldOn, string Advice, int Attendees, int OpenActions, int OverdueActions, DateOnly? Next);

    public CaseHeader Header { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "ConsultationList");
        if (c is null) return NotFound();
        var canEdit = await access.CanEditAsync(c, ct);
        Header = new CaseHeader(c, CaseTab.Consultations, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()), ShowSharing: canEdit);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Rows = await db.Consultations.AsNoTracking().Where(x => x.CaseId == id).OrderByDescending(x => x.HeldOn).ThenByDescending(x => x.CreatedAt)
            .Select(x => new Row(x.Id, x.HeldOn, x.Advice, x.Attendees.Count, x.Actions.Count(a => a.CompletedAt == null),
                x.Actions.Count(a => a.CompletedAt == null && a.DueOn < today), x.NextConsultationOn))
            .ToListAsync(ct);
        CanRecord = canEdit && await ReferralWork.OpenAsync(db.Referrals.AsNoTracking(), id, ct) is not null;
        return Page();
    }
}
