using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pathway.Data;
using Pathway.Data.Entities;

namespace Pathway.Web.Infrastructure.Outbox;

/// <summary>
/// Works the outbox: claims due deliveries (<see cref="PathwayDbContext.ClaimDueDeliveriesAsync"/>: <c>FOR UPDATE SKIP
/// LOCKED</c> on PostgreSQL), hands each to its channel, and records the result in the same transaction as the claim,
/// so each is delivered at least once and, unless the process dies between sending and committing, exactly once. A
/// failure is retried after <see cref="OutboxOptions.FirstRetryAfter"/>, doubling each time, and marked failed after
/// <see cref="OutboxOptions.MaxAttempts"/>.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IEnumerable<IDeliveryChannel> channels, IOptions<OutboxOptions> options,
    TimeProvider clock, ILogger<OutboxDispatcher> log)
{
    // SQLite is one process: its dispatchers (the background loop, an administrator's retry) take turns here.
    private static readonly SemaphoreSlim SqliteTurn = new(1, 1);

    private readonly Dictionary<string, IDeliveryChannel> _channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>Delivers what is due now, one batch; returns how many deliveries it worked.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
        var serialise = db is SqlitePathwayDbContext;
        if (serialise) await SqliteTurn.WaitAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            var claimed = await db.ClaimDueDeliveriesAsync(now, options.Value.BatchSize, ct);
            foreach (var delivery in claimed) await DeliverAsync(db, delivery, now, ct);
            await tx.CommitAsync(ct);
            return claimed.Count;
        }
        finally
        {
            if (serialise) SqliteTurn.Release();
        }
    }

    private async Task DeliverAsync(PathwayDbContext db, OutboxDelivery delivery, DateTimeOffset now, CancellationToken ct)
    {
        var tx = db.Database.CurrentTransaction!;
        var savepoint = "delivery";
        await tx.CreateSavepointAsync(savepoint, ct);
        delivery.Attempts++;
        try
        {
            var e = await db.OutboxEvents.FirstAsync(x => x.Id == delivery.EventId, ct);
            if (!_channels.TryGetValue(delivery.Channel, out var channel))
                throw new InvalidOperationException($"No channel named '{delivery.Channel}' is registered.");
            await channel.DeliverAsync(db, e, ct);
            delivery.Status = DeliveryStatus.Delivered;
            delivery.DeliveredAt = now;
            delivery.LastError = null;
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // What the channel staged or half-wrote is undone; only the failure is recorded.
            await tx.RollbackToSavepointAsync(savepoint, ct);
            foreach (var entry in db.ChangeTracker.Entries().Where(x => x.State == EntityState.Added).ToList()) entry.State = EntityState.Detached;
            log.LogWarning("Outbox delivery {DeliveryId} of event {EventId} on {Channel} failed (attempt {Attempt}): {Error}",
                delivery.Id, delivery.EventId, delivery.Channel, delivery.Attempts, ex.GetType().Name);
            RecordFailure(delivery, ex, now);
            await db.SaveChangesAsync(ct);
        }
    }

    private void RecordFailure(OutboxDelivery delivery, Exception ex, DateTimeOffset now)
    {
        var o = options.Value;
        delivery.LastError = Truncate($"{ex.GetType().Name}: {ex.Message}", 1000);
        if (delivery.Attempts >= o.MaxAttempts)
        {
            delivery.Status = DeliveryStatus.Failed;
            return;
        }
        delivery.Status = DeliveryStatus.Pending;
        delivery.NextAttemptAt = now + RetryDelay(o.FirstRetryAfter, delivery.Attempts);
    }

    /// <summary>The wait after the <paramref name="attempts"/>th failure: the first wait, doubled for each failure before it.</summary>
    public static TimeSpan RetryDelay(TimeSpan first, int attempts) => first * Math.Pow(2, Math.Max(0, attempts - 1));

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

/// <summary>Runs <see cref="OutboxDispatcher"/> in the background while <see cref="OutboxOptions.Enabled"/>.</summary>
public sealed class OutboxDispatcherService(OutboxDispatcher dispatcher, IOptions<OutboxOptions> options, TimeProvider clock,
    ILogger<OutboxDispatcherService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = 0;
            try
            {
                worked = await dispatcher.DispatchOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The exception's type only: a database error's message can quote the values of the row it failed on.
                log.LogError("The outbox dispatcher could not work a batch: {Error}", ex.GetType().Name);
            }
            if (worked < options.Value.BatchSize)
                await Task.Delay(options.Value.Interval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
