using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Events;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Notifications;

/// <summary>
/// The signed-in person's notifications: what work now waits for them, newest first, unread marked, each with a link
/// to the work (where the usual access checks apply). Mark one or all read (<see cref="MarkNotificationsRead"/>).
/// </summary>
[Audited(AuditActions.Account.NotificationsUpdate)]
public sealed class NotificationsModel(PathwayDbContext db, MarkNotificationsRead mark) : PageModel
{
    public const int Shown = 100;

    public IReadOnlyList<Notification> Items { get; private set; } = [];
    public int Unread { get; private set; }
    [TempData] public string? Success { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.ToStaffContext().UserId;
        Items = await db.Notifications.AsNoTracking().Where(n => n.RecipientId == me).OrderByDescending(n => n.CreatedAt).Take(Shown).ToListAsync(ct);
        Unread = await db.Notifications.CountAsync(n => n.RecipientId == me && n.ReadAt == null, ct);
    }

    public async Task<IActionResult> OnPostReadAsync(Guid? notificationId, CancellationToken ct) =>
        await this.PresentAsync(await mark.HandleAsync(User.ToStaffContext(), notificationId, ct), n =>
        {
            Success = notificationId is null ? "All notifications marked as read" : "Notification marked as read";
            return RedirectToPage();
        });

    /// <summary>A kind of work as people say it.</summary>
    public static string KindName(NotificationKind kind) => kind switch
    {
        NotificationKind.Referrals => "Referrals",
        NotificationKind.Consultations => "Consultation actions",
        NotificationKind.Assessments => "Assessments",
        NotificationKind.CarePlans => "Care plans",
        NotificationKind.Recall => "Recall",
        NotificationKind.Signposting => "Signposting referrals",
        NotificationKind.Coordination => "Co-ordination group actions",
        NotificationKind.BreakGlass => "Emergency access",
        NotificationKind.Training => "Training",
        _ => kind.ToString(),
    };
}
