using Microsoft.Playwright;
using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Training;

/// <summary>Draft authoring, session change and cancel, the AP keyworker and the per-case training view, and the 429 page, each scanned with axe.</summary>
public sealed class TrainingAuthoringPageTests(IsolatedBrowserApp app, ITestOutputHelper output) : IClassFixture<IsolatedBrowserApp>
{
    private const string Draft = "/training/manage/courses/understanding-personality-disorder/draft";

    [Fact]
    public async Task ACoordinatorEditsTheDraftsStructure_PassMarkAndAttitudes_OnAccessiblePages()
    {
        var coordinator = await app.NewPageAsync(StaffRole.TrainingCoordinator);
        await coordinator.GotoAsync(Draft);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Start a new version" }).ClickAsync();
        await coordinator.GotoAsync(Draft);
        await coordinator.AssertAccessibleAsync(output, "draft with structure actions");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Move down" }).First.ClickAsync();
        await Expect(coordinator.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Module moved");

        await coordinator.GotoAsync($"{Draft}/settings");
        await coordinator.GetByLabel("Pass mark for the knowledge test at the end (%)").FillAsync("0");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Save pass mark" }).ClickAsync();
        await Expect(coordinator.Locator(".govuk-error-summary")).ToContainTextAsync("The pass mark must be between 1% and 100%");
        await coordinator.AssertAccessibleAsync(output, "pass mark with error");

        await coordinator.GotoAsync($"{Draft}/attitudes");
        await coordinator.AssertAccessibleAsync(output, "attitudes questionnaire");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Add a statement" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Save statement" }).ClickAsync();
        await Expect(coordinator.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the statement");
        await coordinator.AssertAccessibleAsync(output, "attitude statement with errors");
        await coordinator.GotoAsync($"{Draft}/attitudes/subscales/understanding");
        await coordinator.AssertAccessibleAsync(output, "attitude subscale");
        await coordinator.GotoAsync($"{Draft}/modules/recognising");
        await coordinator.AssertAccessibleAsync(output, "rename module");
    }

    [Fact]
    public async Task SessionChange_Keyworker_PerCaseTraining_AndTooManyRequests_AreAccessible()
    {
        var coordinator = await app.NewPageAsync(StaffRole.TrainingCoordinator);
        var session = app.World.RecordIds["sessionId"].InScope;
        await coordinator.GotoAsync($"/training/manage/sessions/{session}");
        await coordinator.GetByLabel("Number of places").FillAsync("0");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(coordinator.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await coordinator.AssertAccessibleAsync(output, "change a session with errors");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Cancel this session" }).ClickAsync();
        await Expect(coordinator.GetByTestId("session-cancelled")).ToBeVisibleAsync();
        await coordinator.AssertAccessibleAsync(output, "cancelled session");

        var ap = await app.NewPageAsync(StaffRole.ApprovedPremisesStaff);
        await ap.GotoAsync($"/cases/{app.World.InScope.Id}/keyworker");
        await ap.AssertAccessibleAsync(output, "AP keyworker");
        await ap.GetByLabel(app.World.Users[StaffRole.ApprovedPremisesStaff].DisplayName).CheckAsync();
        await ap.GetByRole(AriaRole.Button, new() { Name = "Save keyworker" }).ClickAsync();
        await Expect(ap.GetByTestId("keyworker")).ToHaveTextAsync(app.World.Users[StaffRole.ApprovedPremisesStaff].DisplayName);
        await Expect(ap.GetByTestId("staff-training")).ToContainTextAsync("AP keyworker:");

        await coordinator.GotoAsync("/training/dashboard/cases");
        await Expect(coordinator.GetByTestId("practice-cases")).ToContainTextAsync(app.World.InScope.Crn);
        await coordinator.AssertAccessibleAsync(output, "training of staff per case");

        var visitor = await app.NewPageAsync();
        for (var i = 0; i < 20; i++) await visitor.GotoAsync("/verify");
        var refused = await visitor.GotoAsync("/verify");
        Assert.Equal(429, refused!.Status);
        await Expect(visitor.GetByTestId("too-many-requests")).ToBeVisibleAsync();
        await visitor.AssertAccessibleAsync(output, "too many requests");
    }
}
