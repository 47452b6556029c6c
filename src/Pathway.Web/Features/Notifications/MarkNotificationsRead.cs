using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Notifications;

/// <summary>Marks one of the person's own notifications read, or all of them; another person's is not found.</summary>
public sealed class MarkNotificationsRead(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<int>> HandleAsync(StaffContext who, Guid? notificationId, CancellationToken ct)
    {
        var q = db.Notifications.Where(n => n.RecipientId == who.UserId && n.ReadAt == null);
        if (notificationId is { } id)
        {
            if (!await db.Notifications.AnyAsync(n => n.Id == id && n.RecipientId == who.UserId, ct)) return Outcome.NotFound<int>();
            q = q.Where(n => n.Id == id);
        }
        var unread = await q.ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var n in unread) n.ReadAt = now;
        audit.Add(AuditActions.Account.NotificationsUpdate, "Notification", notificationId, null, reason: notificationId is null ? "all read" : "read");
        await db.SaveChangesAsync(ct);
        return unread.Count;
    }
}
