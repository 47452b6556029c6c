using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Events;

namespace Pathway.Web.Infrastructure.Outbox;

/// <summary>The in-app channel: a <see cref="Notification"/> for each recipient, once (a repeat adds nothing).</summary>
public sealed class InAppChannel : IDeliveryChannel
{
    public string Name => Channels.InApp;

    public async Task DeliverAsync(PathwayDbContext db, OutboxEvent e, CancellationToken ct)
    {
        var type = DomainEventTypes.Get(e.EventType);
        var already = await db.Notifications.Where(n => n.EventId == e.Id).Select(n => n.RecipientId).ToListAsync(ct);
        foreach (var recipient in (await NotificationRecipients.ForAsync(db, e, ct)).Except(already))
            db.Notifications.Add(new Notification
            {
                RecipientId = recipient, EventId = e.Id, EventType = e.EventType, Kind = type.Kind, Text = type.Notice, Link = e.DetailPath,
                CreatedAt = e.OccurredAt,
            });
    }
}
