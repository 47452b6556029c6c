using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Pathway.Data.Entities;
using Pathway.E2E.Infrastructure;
using Pathway.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Tasks;

/// <summary>
/// How a journey test moves, as a new member of staff would: each person signs in through the sign-in page (the only page
/// ever opened by address), and from there every step is a click on what the home page's "Waiting for you", the task list
/// or the notifications page offers, or on the page that click led to.
/// </summary>
public sealed class Journey(BrowserApp app, ITestOutputHelper output)
{
    private readonly Dictionary<Guid, IPage> _signedIn = [];

    /// <summary>The person's browser, signed in through the pages the first time (with the code for now) and on their home page.</summary>
    public async Task<IPage> AsAsync(StaffUser person)
    {
        if (_signedIn.TryGetValue(person.Id, out var open)) return open;
        var page = await app.NewPageAsync();
        // The same shared authenticator key signs several people in within 30 seconds: forget the last code accepted so
        // that this one is not refused as a replay.
        await TestWorld.ForgetLastAuthenticatorCodeAsync(app.Services, person.Email!);
        await BrowserApp.SignInAsync(page, person.Email!);
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(person.DisplayName);
        _signedIn[person.Id] = page;
        return page;
    }

    /// <summary>The service navigation's link of that name.</summary>
    public static Task NavAsync(IPage page, string text) =>
        page.Locator("#navigation").GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^{Regex.Escape(text)}\\b") }).ClickAsync();

    /// <summary>
    /// Goes home and clicks the task <paramref name="title"/> about the person with <paramref name="crn"/> in "Waiting for
    /// you", or, when the home page shows only the first few of that kind, in the full list it links to.
    /// </summary>
    public async Task OpenTaskAsync(IPage page, string title, string crn)
    {
        await NavAsync(page, "Home");
        var onHome = Task(page, title, crn);
        if (await onHome.CountAsync() == 0)
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "All your tasks, with filters" }).ClickAsync();
            await Expect(Task(page, title, crn)).ToHaveCountAsync(1);
        }
        output.WriteLine($"task: {title} ({crn})");
        await Task(page, title, crn).ClickAsync();
    }

    private static ILocator Task(IPage page, string title, string crn) =>
        page.GetByTestId("task").Filter(new() { HasText = crn }).GetByRole(AriaRole.Link, new() { Name = title, Exact = true });

    /// <summary>Asserts the page that a form led to shows no error summary (and, if it does, says what it says).</summary>
    public static async Task ExpectNoErrorsAsync(IPage page)
    {
        await page.WaitForLoadStateAsync();
        var summary = page.Locator(".govuk-error-summary");
        if (await summary.CountAsync() > 0) Assert.Fail($"{page.Url}: {await summary.InnerTextAsync()}");
    }

    /// <summary>Asserts the home page has no task <paramref name="title"/> about <paramref name="crn"/> any more.</summary>
    public static async Task ExpectNoTaskAsync(IPage page, string title, string crn)
    {
        await NavAsync(page, "Home");
        await Expect(Task(page, title, crn)).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Opens the header's notifications link until the notice <paramref name="text"/> about the case arrives (the outbox
    /// dispatcher delivers in the background, about every second), then, when <paramref name="open"/>, follows its link.
    /// </summary>
    public async Task NotificationAsync(IPage page, string text, Guid? caseId, bool open = true)
    {
        // A notice links to the work on the case, except one about work across the service (a new referral: the queue).
        var notice = page.GetByTestId("notification").Filter(new() { HasText = text });
        var link = caseId is { } id ? notice.Locator($"a[href*='{id}']") : notice.GetByRole(AriaRole.Link);
        for (var tries = 0; ; tries++)
        {
            await page.GetByTestId("notifications-link").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notifications", Level = 1 })).ToBeVisibleAsync();
            if (await link.CountAsync() > 0) break;
            if (tries == 30) Assert.Fail($"No notification \"{text}\" about case {caseId} reached {await page.GetByTestId("signed-in-user").InnerTextAsync()}");
            await page.WaitForTimeoutAsync(1_000);
        }
        output.WriteLine($"notification: {text}");
        if (open) await link.First.ClickAsync();
    }

    /// <summary>
    /// As the administrator (Manage, then Outbox and emails, then Emails kept by Pathway): every email the journey's
    /// events sent is listed with its event, one for each event that notified someone, and no email names the person,
    /// nor gives their CRN, PNC number or date of birth.
    /// </summary>
    public async Task EmailsAreListedWithTheirEventsAndNoPersonalDataAsync(StaffUser administrator, CaseRecord person, string? screenshots = null)
    {
        var caseIds = new List<Guid?> { person.Id };
        // Wait for the dispatcher to finish with every delivery of the journey's events.
        List<Guid> events = [];
        for (var tries = 0; tries < 30; tries++)
        {
            var pending = await CountAsync(db => db.OutboxDeliveries.CountAsync(d => d.Status == DeliveryStatus.Pending
                && db.OutboxEvents.Any(e => e.Id == d.EventId && caseIds.Contains(e.CaseId))));
            if (pending == 0) break;
            await System.Threading.Tasks.Task.Delay(1_000);
        }
        List<SentEmail> emails = [];
        Dictionary<Guid, string> types = [];
        HashSet<Guid> notified = [];
        await app.WithDbAsync(async db =>
        {
            var journey = await db.OutboxEvents.AsNoTracking().Where(e => caseIds.Contains(e.CaseId)).Select(e => new { e.Id, e.EventType }).ToListAsync();
            events = journey.Select(e => e.Id).ToList();
            types = journey.ToDictionary(e => e.Id, e => e.EventType);
            emails = await db.SentEmails.AsNoTracking().Where(s => s.EventId != null && events.Contains(s.EventId.Value)).ToListAsync();
            notified = (await db.Notifications.AsNoTracking().Where(n => events.Contains(n.EventId)).Select(n => n.EventId).ToListAsync()).ToHashSet();
            Assert.Empty(await db.OutboxDeliveries.AsNoTracking().Where(d => events.Contains(d.EventId) && d.Status != DeliveryStatus.Delivered).ToListAsync());
        });
        Assert.NotEmpty(emails);
        // Everyone told in the app was emailed too (everyone here hears immediately, the default).
        Assert.Equal(notified.Order(), emails.Select(e => e.EventId!.Value).Distinct().Order());

        var page = await AsAsync(administrator);
        await NavAsync(page, "Manage");
        await page.GetByRole(AriaRole.Link, new() { Name = "Outbox and emails" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Emails kept by Pathway" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Emails kept by Pathway" })).ToBeVisibleAsync();
        foreach (var email in emails)
        {
            var card = page.GetByTestId("sent-email").Filter(new() { HasText = email.Reference }).Filter(new() { HasText = email.Recipient });
            await Expect(card).ToHaveCountAsync(1);
            await Expect(card.GetByTestId("sent-email-event")).ToHaveTextAsync(types[email.EventId!.Value]);
            var text = await card.InnerTextAsync();
            foreach (var personal in PersonalData(person))
                Assert.DoesNotContain(personal, text, StringComparison.OrdinalIgnoreCase);
        }
        if (screenshots is not null)
        {
            Directory.CreateDirectory(BrowserApp.ScreenshotFolder);
            foreach (var width in new[] { 1280, 390 })
            {
                await page.SetViewportSizeAsync(width, 900);
                var file = Path.Combine(BrowserApp.ScreenshotFolder, $"{screenshots}-{width}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                output.WriteLine($"screenshot: {file}");
            }
            await page.SetViewportSizeAsync(1280, 900);
        }
        output.WriteLine($"{emails.Count} emails for {events.Count} events, {emails.Select(e => e.EventId).Distinct().Count()} events emailed: "
            + string.Join(", ", emails.Select(e => types[e.EventId!.Value]).Distinct()));
    }

    private static IEnumerable<string> PersonalData(CaseRecord c)
    {
        var dob = c.DateOfBirth;
        IEnumerable<string?> all =
        [
            c.GivenName, c.FamilyName, c.Crn, c.PncNumber, dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            dob.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), dob.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
            dob.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        ];
        return all.OfType<string>();
    }

    private async Task<int> CountAsync(Func<Pathway.Data.PathwayDbContext, Task<int>> query)
    {
        var n = 0;
        await app.WithDbAsync(async db => n = await query(db));
        return n;
    }
}
