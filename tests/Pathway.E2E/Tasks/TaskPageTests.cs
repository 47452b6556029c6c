using Microsoft.Playwright;
using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Tasks;

/// <summary>"Waiting for you" on the home page and the full task list pass axe, and both fit a phone.</summary>
public sealed class TaskPageTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("/", "home")]
    [InlineData("/tasks?view=team", "tasks-team")]
    public async Task TheTaskLists_HaveNoAxeViolations_AndFitAPhone(string path, string name)
    {
        var page = await app.NewPageAsync(StaffRole.SeniorProbationOfficer);
        await page.GotoAsync(path);
        await Expect(page.GetByTestId("task").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("task-count-tag")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync(output, path);
        await Screenshot(page, $"tasks-{name}-1280.png");
        await page.SetViewportSizeAsync(390, 844);
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth");
        await Screenshot(page, $"tasks-{name}-390.png");
        Assert.False(overflow, $"{path} scrolls sideways at 390 px");
    }

    private async Task Screenshot(IPage page, string name)
    {
        Directory.CreateDirectory(BrowserApp.ScreenshotFolder);
        var path = Path.Combine(BrowserApp.ScreenshotFolder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
