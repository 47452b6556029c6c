using Pathway.Data;
using Pathway.Data.Entities;

namespace Pathway.Web.Infrastructure.Outbox;

/// <summary>
/// Delivers an outbox event on one channel. Rows it adds to <paramref name="db"/> commit with the delivery's status
/// (and are discarded if it throws). A delivery may be repeated after a crash, so a channel must recognise an event it
/// has already delivered (the event id is the reference).
/// </summary>
public interface IDeliveryChannel
{
    string Name { get; }
    Task DeliverAsync(PathwayDbContext db, OutboxEvent e, CancellationToken ct);
}
