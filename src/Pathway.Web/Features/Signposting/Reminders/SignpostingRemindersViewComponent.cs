using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Signposting;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Signposting.Reminders;

/// <summary>
/// On the referrer's home page: the signposting referrals they sent that the partner has not answered within
/// <see cref="WorkingDays.PartnerResponseDays"/> working days, on cases they can still see. The list names people, so
/// showing it writes a read row.
/// </summary>
public sealed class SignpostingRemindersViewComponent(CaseAccess access, PathwayDbContext db, SignpostingCalendar calendar, AuditLog audit) : ViewComponent
{
    public const int Shown = 20;

    public sealed record Reminder(Guid CaseId, Guid ReferralId, string Person, string Crn, string Service, DateOnly ReferredOn);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var who = UserClaimsPrincipal.ToStaffContext();
        var ct = HttpContext.RequestAborted;
        if (!who.SeesCaseData || who.IsIn(Domain.Staff.StaffRole.PartnerAgency)) return Content("");
        var visible = await access.VisibleAsync(ct);
        // Waiting referrals first (few per person); the working-day rule, with bank holidays, is applied here.
        var waiting = await db.SignpostingReferrals.AsNoTracking()
            .Where(r => r.CreatedById == who.UserId && r.Status == SignpostingReferralStatus.Referred && r.ReferredOn != null)
            .Join(visible, r => r.CaseId, c => c.Id, (r, c) => new
            {
                r.CaseId, r.Id, c.GivenName, c.FamilyName, c.Crn, Service = r.Service!.Name, Organisation = r.Service.Organisation!.Name, r.ReferredOn, r.Status,
            })
            .OrderBy(x => x.ReferredOn).Take(500).ToListAsync(ct);
        var list = waiting.Where(x => calendar.ResponseOverdue(x.Status, x.ReferredOn)).Take(Shown)
            .Select(x => new Reminder(x.CaseId, x.Id, $"{x.GivenName} {x.FamilyName}", x.Crn, $"{x.Service} ({x.Organisation})", x.ReferredOn!.Value)).ToList();
        if (list.Count > 0) await audit.WriteAsync(AuditActions.Signposting.RemindersRead, "SignpostingReminders", null, null, ct: ct);
        return View("~/Features/Signposting/Reminders/SignpostingReminders.cshtml", list);
    }
}
