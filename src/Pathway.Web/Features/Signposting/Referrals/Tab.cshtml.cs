using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Signposting.Referrals;

/// <summary>A case's signposting: referrals to local services with where each stands, and needs no service could meet.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Signposting.List)]
[CaseScoped(AccessNeed.Read, EntityType = "SignpostingList")]
public sealed class TabModel(CurrentCase current, PathwayDbContext db, SignpostingCalendar calendar) : PageModel
{
    public CaseHeader Header => current.Context.Header(CaseTab.Signposting);
    public IReadOnlyList<SignpostingReferral> Referrals { get; private set; } = [];
    public IReadOnlyList<UnmetNeed> Unmet { get; private set; } = [];
    public bool CanRefer => current.Context.Can.Edit;
    public SignpostingCalendar Calendar => calendar;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var id = current.Context.Id;
        Referrals = await db.SignpostingReferrals.AsNoTracking().Include(r => r.Service).ThenInclude(s => s!.Organisation)
            .Where(r => r.CaseId == id).OrderByDescending(r => r.CreatedAt).ToListAsync(ct);
        Unmet = await db.UnmetNeeds.AsNoTracking().Where(u => u.CaseId == id).OrderByDescending(u => u.RecordedOn).ToListAsync(ct);
    }
}
