using Microsoft.Playwright;
using Pathway.Data.Entities;
using Pathway.Domain.Events;
using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;

namespace Pathway.E2E.Notifications;

/// <summary>The notification and outbox pages, checked with axe for WCAG 2.2 AA, with screenshots at 1280 and 390 px.</summary>
public sealed class NotificationPageTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(StaffRole.Psychologist, "/notifications")]
    [InlineData(StaffRole.Psychologist, "/account/notifications")]
    [InlineData(StaffRole.Administrator, "/manage/outbox")]
    [InlineData(StaffRole.Administrator, "/manage/sent-emails")]
    public async Task Page_HasNoAxeViolations(StaffRole role, string path)
    {
        await SeedAsync();
        var page = await app.NewPageAsync(role);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await page.AssertAccessibleAsync(output, path);
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            Directory.CreateDirectory(BrowserApp.ScreenshotFolder);
            var file = Path.Combine(BrowserApp.ScreenshotFolder, $"notifications{path.Replace('/', '-')}-{width}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            output.WriteLine($"screenshot: {file}");
        }
    }

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _seeded;

    /// <summary>An unread notice for the psychologist, a failed and a delivered delivery, and a kept email.</summary>
    private async Task SeedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_seeded) return;
            await app.WithDbAsync(async db =>
            {
                var now = DateTimeOffset.UtcNow;
                var e = new OutboxEvent { EventType = DomainEventTypes.ConsultationActionAssigned, OccurredAt = now, DetailPath = "/" };
                db.OutboxEvents.Add(e);
                db.OutboxDeliveries.Add(new OutboxDelivery { EventId = e.Id, Channel = "in-app", Status = DeliveryStatus.Delivered, Attempts = 1, NextAttemptAt = now, DeliveredAt = now });
                db.OutboxDeliveries.Add(new OutboxDelivery
                {
                    EventId = e.Id, Channel = "email", Status = DeliveryStatus.Failed, Attempts = 6, NextAttemptAt = now, LastError = "HttpRequestException: the service is unavailable",
                });
                db.Notifications.Add(new Notification
                {
                    RecipientId = app.World.Users[StaffRole.Psychologist].Id, EventId = e.Id, EventType = e.EventType, Kind = NotificationKind.Consultations,
                    Text = DomainEventTypes.Get(e.EventType).Notice, Link = "/", CreatedAt = now,
                });
                db.SentEmails.Add(new SentEmail
                {
                    Recipient = app.World.Users[StaffRole.Psychologist].Email!, TemplateId = "pathway-notification",
                    Personalisation = """{"message":"An action from a consultation has been given to you.","link":"http://localhost:5000/notifications"}""",
                    Reference = e.Id.ToString(), EventId = e.Id, SentAt = now,
                });
                await db.SaveChangesAsync();
            });
            _seeded = true;
        }
        finally
        {
            Once.Release();
        }
    }
}
