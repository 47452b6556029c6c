using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Events;
using Pathway.Domain.Staff;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Outbox;

/// <summary>
/// The outbox dispatcher, driven by hand over the fixture's database with recording channels: at-least-once delivery
/// with back-off, failure after the last attempt, an administrator's retry, and (PostgreSQL) two dispatchers racing
/// over the same rows delivering each event exactly once.
/// </summary>
public abstract class OutboxDispatcherTests(AppFixture app)
{
    /// <summary>Records what it delivered; fails while <see cref="FailuresLeft"/> is above zero.</summary>
    private sealed class RecordingChannel(string name, TimeSpan? pause = null) : IDeliveryChannel
    {
        public string Name => name;
        public ConcurrentBag<Guid> Delivered { get; } = [];
        public int FailuresLeft;

        public async Task DeliverAsync(PathwayDbContext db, OutboxEvent e, CancellationToken ct)
        {
            if (pause is { } p) await Task.Delay(p, ct);
            if (Interlocked.Decrement(ref FailuresLeft) >= 0) throw new InvalidOperationException("the channel is down");
            Delivered.Add(e.Id);
        }
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private OutboxDispatcher Dispatcher(TimeProvider clock, int maxAttempts = 3, int batch = 500, params IDeliveryChannel[] channels) =>
        new(app.Factory.Services.GetRequiredService<IServiceScopeFactory>(), channels,
            Options.Create(new OutboxOptions { MaxAttempts = maxAttempts, BatchSize = batch, FirstRetryAfter = TimeSpan.FromMinutes(1) }),
            clock, NullLogger<OutboxDispatcher>.Instance);

    /// <summary>Events raised <paramref name="at"/> (in the future, so no other test's dispatcher reaches them first).</summary>
    private async Task<List<Guid>> RaiseAsync(int count, DateTimeOffset at) =>
        await app.Factory.WithDbAsync(async db =>
        {
            var ids = new List<Guid>();
            for (var i = 0; i < count; i++)
            {
                var e = new OutboxEvent { EventType = DomainEventTypes.TrainingExpiring, OccurredAt = at, DetailPath = "/training" };
                DomainEvents.Stage(db, e, at);
                ids.Add(e.Id);
            }
            await db.SaveChangesAsync();
            return ids;
        });

    private Task<List<OutboxDelivery>> DeliveriesAsync(IEnumerable<Guid> events) =>
        app.Factory.WithDbAsync(db => db.OutboxDeliveries.AsNoTracking().Where(d => events.Contains(d.EventId)).ToListAsync());

    [Fact]
    public async Task AFailure_IsRetriedWithBackOff_ThenMarkedFailed_AndAnAdministratorCanRetryIt()
    {
        // Whole seconds: SQLite keeps milliseconds, PostgreSQL microseconds.
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddYears(5).ToUnixTimeSeconds());
        var ids = await RaiseAsync(1, start);
        var clock = new Clock(start);
        var inApp = new RecordingChannel(Channels.InApp);
        var email = new RecordingChannel(Channels.Email) { FailuresLeft = 3 };
        var dispatcher = Dispatcher(clock, maxAttempts: 3, channels: [inApp, email]);

        await dispatcher.DispatchOnceAsync();
        var after1 = (await DeliveriesAsync(ids)).ToDictionary(d => d.Channel);
        Assert.Equal(DeliveryStatus.Delivered, after1[Channels.InApp].Status);
        Assert.Equal(DeliveryStatus.Pending, after1[Channels.Email].Status);
        Assert.Equal(1, after1[Channels.Email].Attempts);
        Assert.Contains("the channel is down", after1[Channels.Email].LastError);
        Assert.Equal(start.AddMinutes(1), after1[Channels.Email].NextAttemptAt);

        await dispatcher.DispatchOnceAsync(); // not due yet: nothing happens
        Assert.Equal(1, (await DeliveriesAsync(ids)).Single(d => d.Channel == Channels.Email).Attempts);

        clock.Now = start.AddMinutes(1);
        await dispatcher.DispatchOnceAsync();
        var after2 = (await DeliveriesAsync(ids)).Single(d => d.Channel == Channels.Email);
        Assert.Equal(2, after2.Attempts);
        Assert.Equal(start.AddMinutes(3), after2.NextAttemptAt); // the wait doubled

        clock.Now = start.AddMinutes(3);
        await dispatcher.DispatchOnceAsync();
        var failed = (await DeliveriesAsync(ids)).Single(d => d.Channel == Channels.Email);
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Equal(3, failed.Attempts);
        Assert.Single(inApp.Delivered);
        Assert.Empty(email.Delivered);

        // The administrator's page shows it and its Retry puts it back, with an audit row.
        var admin = await app.PagesAsync(StaffRole.Administrator);
        var page = await (await admin.GetAsync("/manage/outbox")).Content.ReadAsStringAsync();
        Assert.Contains(failed.Id.ToString(), page, StringComparison.Ordinal);
        var retry = await AppFixture.PostFormAsync(admin, "/manage/outbox?handler=Retry", new() { ["deliveryId"] = failed.Id.ToString() }, "/manage/outbox");
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal(DeliveryStatus.Pending, (await DeliveriesAsync(ids)).Single(d => d.Channel == Channels.Email).Status);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a =>
            a.Action == AuditActions.Admin.OutboxDeliveryReset && a.EntityId == failed.Id.ToString())));
        var again = await AppFixture.PostFormAsync(admin, "/manage/outbox?handler=Retry", new() { ["deliveryId"] = failed.Id.ToString() }, "/manage/outbox");
        Assert.Contains("Only a failed delivery can be retried", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        clock.Now = DateTimeOffset.UtcNow.AddYears(6);
        await dispatcher.DispatchOnceAsync();
        Assert.Equal(DeliveryStatus.Delivered, (await DeliveriesAsync(ids)).Single(d => d.Channel == Channels.Email).Status);
        Assert.Equal(ids, email.Delivered.ToList());
    }

    [Fact]
    public void TheWait_DoublesWithEachFailure() =>
        Assert.Equal([1, 2, 4, 8], Enumerable.Range(1, 4).Select(n => OutboxDispatcher.RetryDelay(TimeSpan.FromMinutes(1), n).TotalMinutes));

    /// <summary>
    /// Two dispatchers (two app instances) work the same rows at once, in small batches, with a slow channel: each
    /// delivery is made exactly once.
    /// </summary>
    protected async Task TwoDispatchersRacing_DeliverEachEventExactlyOnce()
    {
        var at = DateTimeOffset.UtcNow.AddYears(10).AddDays(Random.Shared.Next(1000));
        var ids = await RaiseAsync(40, at);
        var clock = new Clock(at);
        var inApp = new RecordingChannel(Channels.InApp, TimeSpan.FromMilliseconds(5));
        var email = new RecordingChannel(Channels.Email, TimeSpan.FromMilliseconds(5));
        var one = Dispatcher(clock, batch: 5, channels: [inApp, email]);
        var two = Dispatcher(clock, batch: 5, channels: [inApp, email]);

        async Task Drain(OutboxDispatcher d)
        {
            while (await d.DispatchOnceAsync() > 0) { }
        }
        await Task.WhenAll(Task.Run(() => Drain(one)), Task.Run(() => Drain(two)));

        var mine = ids.ToHashSet();
        Assert.Equal(ids.Order(), inApp.Delivered.Where(mine.Contains).Order());
        Assert.Equal(ids.Order(), email.Delivered.Where(mine.Contains).Order());
        Assert.All(await DeliveriesAsync(ids), d => Assert.Equal((DeliveryStatus.Delivered, 1), (d.Status, d.Attempts)));
    }
}

public sealed class OutboxDispatcherTestsSqlite(SqliteApp app) : OutboxDispatcherTests(app), IClassFixture<SqliteApp>
{
    [Fact]
    public Task TwoDispatchers_TakeTurns_AndDeliverEachEventExactlyOnce() => TwoDispatchersRacing_DeliverEachEventExactlyOnce();
}

public sealed class OutboxDispatcherTestsPostgres(PostgresApp app) : OutboxDispatcherTests(app), IClassFixture<PostgresApp>
{
    /// <summary>Here the claim is <c>FOR UPDATE SKIP LOCKED</c>: the two really do run at once, each skipping what the other holds.</summary>
    [Fact]
    public Task TwoDispatchersRacing_SkipLocked_DeliverEachEventExactlyOnce() => TwoDispatchersRacing_DeliverEachEventExactlyOnce();
}
