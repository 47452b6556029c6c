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

/// <summary>How the signed-in person hears about each kind of work (<see cref="SaveNotificationPreferences"/>); in Pathway always.</summary>
[Audited(AuditActions.Account.NotificationsUpdate)]
public sealed class SettingsModel(PathwayDbContext db, SaveNotificationPreferences save) : PageModel
{
    [BindProperty] public Dictionary<NotificationKind, string?> Input { get; set; } = [];
    [TempData] public string? Success { get; set; }

    public static readonly IReadOnlyList<(NotificationMode Mode, string Label, string Hint)> Modes =
    [
        (NotificationMode.Immediately, "Email me straight away", "One email for each piece of work"),
        (NotificationMode.DailyDigest, "Email me once a day", "A summary each morning, if there is anything new"),
        (NotificationMode.InAppOnly, "Only in Pathway", "No emails: see them under Notifications"),
    ];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.ToStaffContext().UserId;
        var saved = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == me).ToDictionaryAsync(p => p.Kind, p => p.Mode, ct);
        Input = Enum.GetValues<NotificationKind>().ToDictionary(k => k, k => (string?)saved.GetValueOrDefault(k, NotificationMode.Immediately).ToString());
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await this.PresentAsync(await save.HandleAsync(User.ToStaffContext(), Input, ct), _ =>
        {
            Success = "Your choices have been saved";
            return RedirectToPage();
        });
}
