using Microsoft.Playwright;
using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Training;

/// <summary>Face-to-face sessions, the training record, the dashboard and the public verification page, each scanned with axe.</summary>
public sealed class TrainingSessionPageTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task ACoordinatorSchedulesASession_ALearnerBooksIt_AndTheNewPagesAreAccessible()
    {
        var coordinator = await app.NewPageAsync(StaffRole.TrainingCoordinator);
        await coordinator.GotoAsync("/training/manage/sessions");
        await coordinator.AssertAccessibleAsync(output, "schedule sessions");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Schedule the session" }).ClickAsync();
        await Expect(coordinator.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await coordinator.AssertAccessibleAsync(output, "schedule sessions with errors");
        await coordinator.GetByLabel("Course").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await coordinator.GetByLabel("Trainer").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await coordinator.GetByLabel("Venue").FillAsync("Browser test room");
        var day = DateTime.UtcNow.AddDays(21);
        await coordinator.GetByLabel("Day").FillAsync(day.Day.ToString());
        await coordinator.GetByLabel("Month").FillAsync(day.Month.ToString());
        await coordinator.GetByLabel("Year").FillAsync(day.Year.ToString());
        await coordinator.GetByLabel("Start time").FillAsync("09:30");
        await coordinator.GetByLabel("End time").FillAsync("16:00");
        await coordinator.GetByLabel("Number of places").FillAsync("1");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Schedule the session" }).ClickAsync();
        await Expect(coordinator.GetByTestId("places")).ToHaveTextAsync("1 of 1 left");
        await coordinator.AssertAccessibleAsync(output, "session (coordinator, with register)");
        var sessionUrl = coordinator.Url;

        await coordinator.GotoAsync("/training/dashboard");
        await Expect(coordinator.GetByTestId("coverage-group")).ToBeVisibleAsync();
        await coordinator.AssertAccessibleAsync(output, "training dashboard");

        var learner = await app.NewPageAsync(StaffRole.Learner);
        await learner.GotoAsync("/training/sessions");
        await learner.AssertAccessibleAsync(output, "sessions list");
        await learner.GotoAsync(sessionUrl);
        await learner.GetByRole(AriaRole.Button, new() { Name = "Book a place" }).ClickAsync();
        await Expect(learner.GetByTestId("my-status")).ToHaveTextAsync("You have a place");
        await learner.AssertAccessibleAsync(output, "session (booked)");
        await learner.GotoAsync("/training/record");
        await learner.AssertAccessibleAsync(output, "training record");

        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync("/verify");
        await visitor.AssertAccessibleAsync(output, "verify a certificate");
        await visitor.GetByLabel("Certificate number").FillAsync("PWT-0000-0000-0000-0000-0000");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Check certificate" }).ClickAsync();
        await Expect(visitor.GetByTestId("not-found")).ToHaveTextAsync("Certificate not found.");
        await visitor.AssertAccessibleAsync(output, "certificate not found");
    }
}
