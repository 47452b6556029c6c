using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Admin.Outbox;

/// <summary>
/// The outbox for administrators: how many deliveries are pending, delivered and failed, and the failed and pending
/// ones with their last error, each failed one with a Retry button (<see cref="RetryDelivery"/>). Shows event types,
/// channels and ids only: administrators see no case data.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[Audited(AuditActions.Admin.OutboxDeliveryReset)]
public sealed class OutboxModel(PathwayDbContext db, AuditLog audit, RetryDelivery retry) : PageModel
{
    public sealed record Row(Guid Id, string EventType, Guid EventId, DateTimeOffset OccurredAt, string Channel, DeliveryStatus Status, int Attempts,
        DateTimeOffset NextAttemptAt, string? LastError, DateTimeOffset? DeliveredAt);

    public IReadOnlyDictionary<DeliveryStatus, int> Counts { get; private set; } = new Dictionary<DeliveryStatus, int>();
    public IReadOnlyList<Row> Failed { get; private set; } = [];
    public IReadOnlyList<Row> Pending { get; private set; } = [];
    public IReadOnlyList<Row> Delivered { get; private set; } = [];
    [TempData] public string? Success { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        await audit.WriteAsync(AuditActions.Admin.OutboxList, nameof(OutboxDelivery), null, null, ct: ct);
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid deliveryId, CancellationToken ct) =>
        await this.PresentAsync(await retry.HandleAsync(deliveryId, ct), _ =>
        {
            Success = "The delivery will be tried again shortly";
            return RedirectToPage();
        }, async () => await LoadAsync(ct), "");

    private async Task LoadAsync(CancellationToken ct)
    {
        Counts = (await db.OutboxDeliveries.GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);
        Failed = await RowsAsync(DeliveryStatus.Failed, ct);
        Pending = await RowsAsync(DeliveryStatus.Pending, ct);
        Delivered = await RowsAsync(DeliveryStatus.Delivered, ct);
    }

    /// <summary>The newest deliveries shown of each status.</summary>
    public const int Shown = 50;

    public int Count(DeliveryStatus s) => Counts.TryGetValue(s, out var n) ? n : 0;

    private async Task<IReadOnlyList<Row>> RowsAsync(DeliveryStatus status, CancellationToken ct)
    {
        return await db.OutboxDeliveries.AsNoTracking().Where(d => d.Status == status)
            .OrderByDescending(d => d.Event!.OccurredAt).Take(Shown)
            .Select(d => new Row(d.Id, d.Event!.EventType, d.EventId, d.Event.OccurredAt, d.Channel, d.Status, d.Attempts, d.NextAttemptAt, d.LastError, d.DeliveredAt))
            .ToListAsync(ct);
    }
}
