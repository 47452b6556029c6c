using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Signposting;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Signposting.Partner;
using Pathway.Web.Features.Tasks;

namespace Pathway.Web.Features.Signposting;

/// <summary>
/// Signposting work: referrals the partner has not answered within <see cref="WorkingDays.PartnerResponseDays"/> working
/// days (the referrer, to chase them, on cases they may read — as the old home-page reminder), referrals waiting for a
/// partner organisation to accept or decline (its partner-agency staff, through <see cref="PartnerReferrals.For"/>, which
/// shows them what the referral sends and nothing else of the case), and directory entries not checked for
/// <see cref="DirectoryVerification.VerifyEveryMonths"/> months (the clinicians, who keep the directory).
/// </summary>
public sealed class SignpostingTasks(PathwayDbContext db, SignpostingCalendar calendar) : ITaskSource
{
    public async Task<IReadOnlyList<WorkItem>> FindAsync(TaskScope s, CancellationToken ct)
    {
        var items = new List<WorkItem>();
        var people = s.People;
        var anyone = s.Anyone;
        if (anyone || (s.Who.SeesCaseData && !s.Who.IsIn(StaffRole.PartnerAgency)))
        {
            var waiting = await db.SignpostingReferrals.AsNoTracking()
                .Where(r => (anyone || people.Contains(r.CreatedById)) && r.Status == SignpostingReferralStatus.Referred && r.ReferredOn != null)
                .Join(s.Visible, r => r.CaseId, c => c.Id, (r, c) => new
                {
                    r.Id, r.CaseId, r.CreatedById, r.ReferredOn, r.Status, Service = r.Service!.Name, c.GivenName, c.FamilyName, c.Crn,
                })
                .OrderBy(x => x.ReferredOn).Take(500).ToListAsync(ct);
            items.AddRange(waiting.Where(x => calendar.ResponseOverdue(x.Status, x.ReferredOn))
                .Select(x => new WorkItem(TaskKind.SignpostingNoReply, x.Id.ToString(), $"Chase the referral to {x.Service}: no reply in {WorkingDays.PartnerResponseDays} working days",
                    $"/cases/{x.CaseId}/signposting/{x.Id}", TaskRows.Case(x.CaseId, x.GivenName, x.FamilyName, x.Crn), x.CreatedById, null,
                    x.ReferredOn!.Value, null, true)));
        }
        // Neither a partner's answers nor the directory are about a case.
        if (!anyone && s.Who.IsIn(StaffRole.PartnerAgency))
        {
            var toAnswer = await PartnerReferrals.For(db, s.Who.TeamId).AsNoTracking()
                .Where(r => r.Status == SignpostingReferralStatus.Referred)
                .Select(r => new { r.Id, r.ReferredOn, r.StatusOn, r.Status, Service = r.Service!.Name })
                .OrderBy(r => r.ReferredOn).Take(200).ToListAsync(ct);
            items.AddRange(toAnswer.Select(x => new WorkItem(TaskKind.SignpostingToAnswer, x.Id.ToString(), $"Accept or decline the referral to {x.Service}",
                $"/partner/referrals/{x.Id}", null, null, StaffRole.PartnerAgency, x.ReferredOn ?? x.StatusOn, null, calendar.ResponseOverdue(x.Status, x.ReferredOn))));
        }
        if (!anyone && s.Who.IsInAny(RoleSets.Clinicians))
        {
            var checkedSince = s.Today.AddMonths(-DirectoryVerification.VerifyEveryMonths);
            var stale = await db.DirectoryServices.AsNoTracking()
                .Where(d => d.LastVerifiedOn == null || d.LastVerifiedOn < checkedSince)
                .Select(d => new { d.Id, d.Name, Organisation = d.Organisation!.Name, d.LastVerifiedOn, d.CreatedAt })
                .OrderBy(d => d.LastVerifiedOn).Take(200).ToListAsync(ct);
            var role = s.Who.IsIn(StaffRole.ClinicalLead) ? StaffRole.ClinicalLead : StaffRole.Psychologist;
            items.AddRange(stale.Where(d => DirectoryVerification.IsStale(d.LastVerifiedOn, s.Today))
                .Select(d => new WorkItem(TaskKind.DirectoryCheck, d.Id.ToString(), $"Check the directory entry for {d.Name} ({d.Organisation})",
                    $"/directory/services/{d.Id}", null, null, role,
                    d.LastVerifiedOn?.AddMonths(DirectoryVerification.VerifyEveryMonths) ?? TaskRows.Day(d.CreatedAt), null, false)));
        }
        return items;
    }
}
