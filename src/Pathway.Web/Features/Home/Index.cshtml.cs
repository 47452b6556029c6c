using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Referrals;
using Pathway.Domain.Staff;
using Pathway.Web.Features.CarePlans;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Home;

/// <summary>
/// The home page: what this person can do, counts of the cases they can see, the consultation actions they own that
/// are overdue or due soon, and the care-plan reviews they are responsible for that are due within 14 days or overdue.
/// The counts carry no identities; the lists do, so showing either writes a read row of its own.
/// </summary>
[Audited(AuditActions.Consultation.ActionList)]
public sealed class IndexModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock, Coordination.CoordinationGroup group) : PageModel
{
    public sealed record MyAction(Guid Id, Guid CaseId, Guid ConsultationId, string Person, string Crn, string Description, DateOnly DueOn, bool Overdue);

    public StaffRole? Role { get; private set; }
    public int? MyCaseload { get; private set; }
    public int? Visible { get; private set; }
    public IReadOnlyList<MyAction> Actions { get; private set; } = [];
    public IReadOnlyList<ReviewsDue.Entry> Reviews { get; private set; } = [];
    /// <summary>Open co-ordination group actions the person owns (as a member of staff or a linked representative), overdue or due within 7 days.</summary>
    public IReadOnlyList<Coordination.ActionView> GroupActions { get; private set; } = [];
    public bool CanReadGroup { get; private set; }
    /// <summary>For a partner agency: referrals sent to its organisation that are waiting for it to accept or decline (a count, no identities).</summary>
    public int? PartnerReferralsWaiting { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var who = User.ToStaffContext();
        Role = who.Roles.Order().Cast<StaffRole?>().FirstOrDefault();
        if (who.IsInAny(RoleSets.CoordinationReaders) && await group.CanReadAsync(ct))
        {
            CanReadGroup = true;
            GroupActions = await group.ActionsAsync(openOnly: true, who.UserId, ct, AuditActions.Coordination.ActionList, dueBy: group.Today.AddDays(7));
            if (GroupActions.Count > 0) await audit.WriteAsync(AuditActions.Coordination.ActionList, "GroupActionList", who.UserId, null, ct: ct);
        }
        if (who.IsIn(StaffRole.PartnerAgency))
            PartnerReferralsWaiting = await Signposting.Partner.PartnerReferrals.For(db, who.TeamId).AsNoTracking()
                .CountAsync(r => r.Status == Domain.Signposting.SignpostingReferralStatus.Referred, ct);
        if (who.SeesCaseData)
        {
            var visible = await access.VisibleAsync(ct);
            Visible = await visible.CountAsync(ct);
            MyCaseload = await visible.CountAsync(c => c.OffenderManagerId == who.UserId || c.PsychologistId == who.UserId, ct);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var soon = today.AddDays(7);
            // Only actions on cases the owner can still see: access may have ended since the action was agreed.
            Actions = (await db.ConsultationActions.AsNoTracking()
                .Where(a => a.OwnerId == who.UserId && a.CompletedAt == null && a.DueOn <= soon)
                .Join(visible, a => a.CaseId, c => c.Id, (a, c) => new { a.Id, a.CaseId, a.ConsultationId, a.Description, a.DueOn, c.GivenName, c.FamilyName, c.Crn })
                .OrderBy(x => x.DueOn).Take(50)
                .ToListAsync(ct))
                .Select(x => new MyAction(x.Id, x.CaseId, x.ConsultationId, $"{x.GivenName} {x.FamilyName}", x.Crn, x.Description, x.DueOn,
                    ConsultationRules.IsOverdue(x.DueOn, false, today)))
                .ToList();
            if (Actions.Count > 0) await audit.ReadAsync("ConsultationActionList", who.UserId, null, ct);
            Reviews = await ReviewsDue.ForAsync(visible, db.CarePlans.AsNoTracking(), who.UserId, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
            if (Reviews.Count > 0) await audit.WriteAsync(AuditActions.CarePlan.ReviewList, "CarePlanReviewsDue", null, null, ct: ct);
        }
    }
}
