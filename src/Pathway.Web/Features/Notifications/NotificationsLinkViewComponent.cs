using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Notifications;

/// <summary>The header's "Notifications" link with the signed-in person's unread count.</summary>
public sealed class NotificationsLinkViewComponent(PathwayDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var me = UserClaimsPrincipal.ToStaffContext().UserId;
        var unread = await db.Notifications.CountAsync(n => n.RecipientId == me && n.ReadAt == null, HttpContext.RequestAborted);
        return View("~/Features/Notifications/_NotificationsLink.cshtml", unread);
    }
}
