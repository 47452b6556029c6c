using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Admin.Outbox;

/// <summary>
/// Puts a failed outbox delivery back to pending, due now, for the dispatcher to try again (an administrator's
/// "Retry"). Its attempts start again; the last error stays until the next attempt. Only a failed delivery can be retried.
/// </summary>
public sealed class RetryDelivery(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<OutboxDelivery>> HandleAsync(Guid deliveryId, CancellationToken ct)
    {
        var d = await db.OutboxDeliveries.FindAsync([deliveryId], ct);
        if (d is null) return Outcome.NotFound<OutboxDelivery>();
        if (d.Status != DeliveryStatus.Failed)
            return Outcome.Invalid<OutboxDelivery>([new("DeliveryId", "Only a failed delivery can be retried; this one is " + d.Status.ToString().ToLowerInvariant())]);
        d.Status = DeliveryStatus.Pending;
        d.Attempts = 0;
        d.NextAttemptAt = clock.GetUtcNow();
        audit.Add(AuditActions.Admin.OutboxDeliveryReset, nameof(OutboxDelivery), d.Id, null);
        await db.SaveChangesAsync(ct);
        return d;
    }
}
