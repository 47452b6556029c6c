using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Signposting.Partner;

/// <summary>A partner agency's referrals: those sent to its organisation's services, newest open ones first.</summary>
[Authorize(Policy = Policies.PartnerAgency)]
[Audited(AuditActions.Partner.ReferralList)]
public sealed class ListModel(PathwayDbContext db, AuditLog audit, SignpostingCalendar calendar) : PageModel
{
    public IReadOnlyList<PartnerReferralView> Referrals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Referrals = await PartnerReferrals.ListAsync(db, User.ToStaffContext().TeamId, ct);
        // One row per view: the list shows names and dates of birth.
        await audit.ReadAsync("SignpostingReferralList", null, null, ct);
    }

    public bool Overdue(PartnerReferralView r) => calendar.ResponseOverdue(r.Status, r.ReferredOn);
}
