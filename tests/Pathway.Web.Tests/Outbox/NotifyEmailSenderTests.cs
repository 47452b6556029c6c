using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pathway.Data.Entities;
using Pathway.Domain.Events;
using Pathway.Domain.Staff;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Outbox;

/// <summary>
/// <see cref="NotifyEmailSender"/> (the real GovukNotify client) through the real dispatcher and email channel, against
/// <see cref="FakeNotify"/>: a good token, the body Notify expects with the event id as the reference, one email however
/// often the delivery is repeated, and Notify's refusals (400, 403, 429, 500) recorded as failures retried with back-off.
/// </summary>
public sealed class NotifyEmailSenderTests(SqliteApp app) : IClassFixture<SqliteApp>, IAsyncLifetime
{
    private const string NotificationTemplate = "f33517ff-2a88-4f6e-b855-c550268ce08a";
    private FakeNotify _notify = null!;

    public async Task InitializeAsync() => _notify = await FakeNotify.StartAsync();

    public async Task DisposeAsync() => await _notify.DisposeAsync();

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private IOptions<NotifyOptions> Notify(string apiKey = FakeNotify.ApiKey) => Options.Create(new NotifyOptions
    {
        ApiKey = apiKey, ApiUrl = _notify.BaseUrl, BaseUrl = "https://pathway.example.org",
        Templates = new(StringComparer.Ordinal) { ["Notification"] = NotificationTemplate, ["Digest"] = "0b1a4bb4-2b36-4a8a-9d7d-4c6a2c3f7a11" },
    });

    private OutboxDispatcher Dispatcher(TimeProvider clock, IOptions<NotifyOptions> notify) =>
        new(app.Factory.Services.GetRequiredService<IServiceScopeFactory>(), [new InAppChannel(), new EmailChannel(new NotifyEmailSender(notify), notify)],
            Options.Create(new OutboxOptions { MaxAttempts = 3, FirstRetryAfter = TimeSpan.FromMinutes(1) }), clock, NullLogger<OutboxDispatcher>.Instance);

    /// <summary>A referral allocated to a new psychologist (who hears of everything immediately), raised at a time of its own.</summary>
    private async Task<(OutboxEvent Event, StaffUser To, DateTimeOffset At)> AllocationAsync()
    {
        var to = await app.NewStaffAsync(StaffRole.Psychologist, app.World.TeamA.Id);
        var at = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddYears(3).AddDays(Random.Shared.Next(3000)).ToUnixTimeSeconds());
        var e = new OutboxEvent
        {
            EventType = DomainEventTypes.ReferralAllocated, OccurredAt = at, DetailPath = "/referrals",
            AdditionalInformation = $$"""{"psychologistId":"{{to.Id}}"}""",
        };
        await app.Factory.WithDbAsync(db =>
        {
            DomainEvents.Stage(db, e, at);
            return db.SaveChangesAsync();
        });
        return (e, to, at);
    }

    private Task<OutboxDelivery> EmailDeliveryAsync(Guid eventId) =>
        app.Factory.WithDbAsync(db => db.OutboxDeliveries.AsNoTracking().SingleAsync(d => d.EventId == eventId && d.Channel == Channels.Email));

    private static async Task DrainAsync(OutboxDispatcher d)
    {
        while (await d.DispatchOnceAsync() > 0) { }
    }

    [Fact]
    public async Task AnEmail_GoesToNotify_SignedAndShapedAsNotifyExpects_OnceHoweverOftenDelivered()
    {
        var (e, to, at) = await AllocationAsync();
        var dispatcher = Dispatcher(new Clock(at), Notify());
        await DrainAsync(dispatcher);

        var delivery = await EmailDeliveryAsync(e.Id);
        Assert.True(delivery.Status == DeliveryStatus.Delivered, delivery.LastError);
        var sent = Assert.Single(_notify.Sent, s => s.Reference == e.Id.ToString());
        Assert.Equal((to.Email, NotificationTemplate), (sent.EmailAddress, sent.TemplateId));
        Assert.Equal(new Dictionary<string, string>
        {
            ["message"] = DomainEventTypes.Get(DomainEventTypes.ReferralAllocated).Notice, ["link"] = "https://pathway.example.org/notifications",
        }, sent.Personalisation);
        // It asked Notify for an email with this reference first (the fake's check passed: the token was good).
        Assert.Contains(_notify.Requests, r => r is { Method: "GET", Status: 200 } && r.Path.Contains($"reference={e.Id}", StringComparison.Ordinal));

        // Delivered again, as after a crash between sending and committing: Notify already has it, so no second email.
        await app.Factory.WithDbAsync(db => db.OutboxDeliveries.Where(d => d.EventId == e.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Pending)));
        await DrainAsync(dispatcher);
        Assert.Single(_notify.Sent, s => s.Reference == e.Id.ToString());
        Assert.Equal(DeliveryStatus.Delivered, (await EmailDeliveryAsync(e.Id)).Status);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task ARefusal_IsRecordedAsAFailure_AndRetriedAfterTheWait(HttpStatusCode status)
    {
        var (e, to, at) = await AllocationAsync();
        _notify.FailWith(status, 1, e.Id.ToString());
        var clock = new Clock(at);
        var dispatcher = Dispatcher(clock, Notify());
        await DrainAsync(dispatcher);

        var failed = await EmailDeliveryAsync(e.Id);
        Assert.Equal((DeliveryStatus.Pending, 1, at.AddMinutes(1)), (failed.Status, failed.Attempts, failed.NextAttemptAt));
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), failed.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(_notify.Sent, s => s.Reference == e.Id.ToString());
        Assert.Contains(_notify.Requests, r => r.Method == "POST" && r.Status == (int)status);

        clock.Now = at.AddSeconds(59);
        await DrainAsync(dispatcher); // not yet due
        Assert.Equal(1, (await EmailDeliveryAsync(e.Id)).Attempts);

        clock.Now = at.AddMinutes(1);
        await DrainAsync(dispatcher);
        var delivered = await EmailDeliveryAsync(e.Id);
        Assert.Equal((DeliveryStatus.Delivered, 2, (string?)null), (delivered.Status, delivered.Attempts, delivered.LastError));
        Assert.Equal(to.Email, Assert.Single(_notify.Sent, s => s.Reference == e.Id.ToString()).EmailAddress);
    }

    [Fact]
    public async Task AKeyWithTheWrongSecret_IsRefusedByNotifysTokenCheck()
    {
        var (e, _, at) = await AllocationAsync();
        var wrong = FakeNotify.ApiKey[..^36] + Guid.NewGuid();
        await DrainAsync(Dispatcher(new Clock(at), Notify(wrong)));

        var failed = await EmailDeliveryAsync(e.Id);
        Assert.Equal((DeliveryStatus.Pending, 1), (failed.Status, failed.Attempts));
        Assert.Contains("403", failed.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(_notify.Sent, s => s.Reference == e.Id.ToString());
    }

    [Fact]
    public void WithAKey_NotifysFormsAreCheckedAtStartUp()
    {
        Assert.True(Notify().Value.IsUsable());
        Assert.True(new NotifyOptions().IsUsable()); // no key: the local sender, template names are fine
        Assert.False(Notify("not-a-notify-key").Value.IsUsable());
        Assert.False(Notify(FakeNotify.ServiceId + "-" + FakeNotify.Secret).Value.IsUsable()); // no key name
        var o = Notify().Value;
        o.Templates["Digest"] = "pathway-daily-digest";
        Assert.False(o.IsUsable());
    }
}
