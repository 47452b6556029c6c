using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Events;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Security;

/// <summary>
/// The outbox's background work logs the type of what went wrong, never its message: a database error's message can
/// quote the row it failed on (a name, a CRN, an email address). A failing delivery, a dispatcher that cannot work a
/// batch and a daily job that cannot run each log an exception whose message holds a marker; the marker never reaches
/// the logs.
/// </summary>
public sealed class OutboxLogPrivacyTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Marker = "Quillfeather-Private-Text";

    private sealed class FailingChannel(string name) : IDeliveryChannel
    {
        public string Name => name;
        public Task DeliverAsync(PathwayDbContext db, OutboxEvent e, CancellationToken ct) =>
            throw new InvalidOperationException($"duplicate key value violates unique constraint: Key (email)=({Marker}@example.org)");
    }

    /// <summary>A scope whose database cannot be opened, with a message that quotes a value (as a database error can).</summary>
    private sealed class BrokenDatabase : IServiceScopeFactory, IServiceScope, IServiceProvider
    {
        public IServiceScope CreateScope() => this;
        public IServiceProvider ServiceProvider => this;
        public object? GetService(Type serviceType) =>
            serviceType == typeof(PathwayDbContext) ? throw new InvalidOperationException($"Failing row contains ({Marker}, X123456).") : null;
        public void Dispose() { }
    }

    private static (LogSink Sink, ILoggerFactory Factory) Logs()
    {
        var sink = new LogSink();
        return (sink, LoggerFactory.Create(b => b.AddProvider(sink).SetMinimumLevel(LogLevel.Trace)));
    }

    [Fact]
    public async Task AFailingDelivery_LogsTheExceptionType_NotItsMessage()
    {
        var (sink, loggers) = Logs();
        var at = DateTimeOffset.UtcNow.AddYears(20).AddDays(Random.Shared.Next(1000));
        await app.Factory.WithDbAsync(db =>
        {
            DomainEvents.Stage(db, new OutboxEvent { EventType = DomainEventTypes.TrainingExpiring, OccurredAt = at, DetailPath = "/training" }, at);
            return db.SaveChangesAsync();
        });
        var dispatcher = new OutboxDispatcher(app.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
            [new FailingChannel(Channels.InApp), new FailingChannel(Channels.Email)], Options.Create(new OutboxOptions()), new FixedClock(at),
            loggers.CreateLogger<OutboxDispatcher>());
        await dispatcher.DispatchOnceAsync();

        Assert.Contains(sink.Messages, m => m.Contains("failed", StringComparison.Ordinal) && m.Contains(nameof(InvalidOperationException), StringComparison.Ordinal));
        Assert.DoesNotContain(sink.Messages, m => m.Contains(Marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDispatcherAndTheDailyJob_WhenTheyCannotRun_LogTheExceptionType_NotItsMessage()
    {
        var (sink, loggers) = Logs();
        var broken = new BrokenDatabase();
        var options = Options.Create(new OutboxOptions { Enabled = true, Interval = TimeSpan.FromMilliseconds(50) });
        var dispatcher = new OutboxDispatcher(broken, [], options, TimeProvider.System, loggers.CreateLogger<OutboxDispatcher>());
        var job = new DailyReminders(broken, new LocalEmailSender(TimeProvider.System), Options.Create(new NotifyOptions()),
            Options.Create(new Pathway.Web.Features.Signposting.SignpostingOptions()), TimeProvider.System);
        using var dispatching = new OutboxDispatcherService(dispatcher, options, TimeProvider.System, loggers.CreateLogger<OutboxDispatcherService>());
        using var reminding = new DailyRemindersService(job, options, TimeProvider.System, loggers.CreateLogger<DailyRemindersService>());

        await dispatching.StartAsync(default);
        await reminding.StartAsync(default);
        for (var i = 0; i < 100 && sink.Messages.Count(m => m.Contains(nameof(InvalidOperationException), StringComparison.Ordinal)) < 2; i++)
            await Task.Delay(50);
        await dispatching.StopAsync(default);
        await reminding.StopAsync(default);

        Assert.Contains(sink.Messages, m => m.Contains("could not work a batch: InvalidOperationException", StringComparison.Ordinal));
        Assert.Contains(sink.Messages, m => m.Contains("daily reminders could not run: InvalidOperationException", StringComparison.Ordinal));
        Assert.DoesNotContain(sink.Messages, m => m.Contains(Marker, StringComparison.Ordinal));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
