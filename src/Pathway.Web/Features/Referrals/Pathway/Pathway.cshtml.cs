using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Domain.Referrals;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Referrals.Pathway;

/// <summary>The case's place on the care pathway: the current referral, each stage with dates and time spent, and earlier referrals.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Referral.Read)]
[CaseScoped(AccessNeed.Read, EntityType = "Referral")]
public sealed class PathwayModel(CurrentCase current, PathwayDbContext db, TimeProvider clock) : PageModel
{
    public CaseHeader Header => current.Context.Header(CaseTab.Pathway);
    public Referral? Referral { get; private set; }
    public IReadOnlyList<StagePeriod> Periods { get; private set; } = [];
    public IReadOnlyList<Referral> Earlier { get; private set; } = [];
    public bool CanRefer { get; private set; }
    public bool CanMove { get; private set; }
    public bool CanAllocate { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var who = current.Context.Who;
        var canEdit = current.Context.Can.Edit;
        var id = current.Context.Id;
        Now = clock.GetUtcNow();
        var all = await db.Referrals.AsNoTracking().WithPeople().Where(r => r.CaseId == id).OrderByDescending(r => r.ReferredAt).ToListAsync(ct);
        Referral = all.FirstOrDefault();
        Earlier = all.Skip(1).ToList();
        if (Referral is not null)
            Periods = StageTimeline.Periods(Referral.StageChanges.Select(s => (s.To, s.At)), Now);
        var open = Referral?.Stage.IsOpen() == true;
        CanRefer = canEdit && ReferralAccessRules.CanRefer(who) && !open;
        CanMove = canEdit && open && (ReferralAccessRules.IsService(who) || ReferralAccessRules.CanMoveTo(who, PathwayStage.Withdrawn));
        CanAllocate = canEdit && open && ReferralAccessRules.IsService(who);
        return Page();
    }
}
