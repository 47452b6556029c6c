using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Cases;

/// <summary>The case's groups of pages fit one row at 1280 px and wrap at 390 px, where no page scrolls sideways; "Now" heads the overview; both pass axe.</summary>
public sealed class CaseStatusPageTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(StaffRole.ClinicalLead, "/timeline", "Record", "Timeline")]
    [InlineData(StaffRole.OffenderManager, "/compliance", "Compliance and recall", "Compliance")]
    [InlineData(StaffRole.Psychologist, "/assessments", "Assessment", "Assessments")]
    public async Task CaseGroups_AreOneRowAt1280_AndWrapWithoutSidewaysScrollAt390(StaffRole role, string path, string group, string current)
    {
        var c = app.World.InScope;
        var page = await app.NewPageAsync(role);
        await page.GotoAsync($"/cases/{c.Id}{path}");
        var groups = page.GetByRole(AriaRole.Navigation, new() { Name = "Case sections" });
        await Expect(groups.GetByRole(AriaRole.Link, new() { Name = group, Exact = true })).ToHaveAttributeAsync("aria-current", "true");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = group, Exact = true })
            .GetByRole(AriaRole.Link, new() { Name = current, Exact = true })).ToHaveAttributeAsync("aria-current", "page");

        var links = groups.GetByRole(AriaRole.Link);
        var first = await links.First.BoundingBoxAsync();
        var last = await links.Last.BoundingBoxAsync();
        Assert.NotNull(first);
        Assert.NotNull(last);
        Assert.Equal(first.Y, last.Y);
        await page.AssertAccessibleAsync(output, $"{path} as {role}");
        var name = $"case-groups-{role}{path.Replace('/', '-')}";
        await Screenshot(page, $"{name}-1280.png");

        // At 390 px the rows stack (MoJ's sub-navigation on a phone); no link may reach past the screen's edge, and the
        // page does not scroll sideways (a wide table scrolls inside its own region).
        await page.SetViewportSizeAsync(390, 844);
        var widest = await page.Locator(".app-case-groups a, .app-case-pages a").EvaluateAllAsync<double>(
            "links => Math.max(...links.map(a => a.getBoundingClientRect().right))");
        Assert.InRange(widest, 1, 390);
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth"), $"{path} scrolls sideways at 390 px");
        await page.AssertAccessibleAsync(output, $"{path} as {role} at 390 px");
        await Screenshot(page, $"{name}-390.png");
    }

    [Fact]
    public async Task Overview_StartsWithNow_AndEveryLineLinksToItsPage()
    {
        var c = app.World.InScope;
        var page = await app.NewPageAsync(StaffRole.OffenderManager);
        await page.GotoAsync($"/cases/{c.Id}");
        var status = page.GetByTestId("case-status");
        await Expect(status).ToBeVisibleAsync();
        await Expect(status.GetByTestId("status-licence-standing")).ToHaveTextAsync("On licence");
        await Expect(status.GetByTestId("status-care-plan")).ToContainTextAsync("is active");
        await page.AssertAccessibleAsync(output, "case overview with its status");
        await Screenshot(page, "case-status-1280.png");

        await page.SetViewportSizeAsync(390, 844);
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth"), "the overview scrolls sideways at 390 px");
        await Screenshot(page, "case-status-390.png");

        await status.GetByTestId("status-care-plan").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/cases/{c.Id}/care-plan$"));
    }

    private async Task Screenshot(IPage page, string name)
    {
        Directory.CreateDirectory(BrowserApp.ScreenshotFolder);
        var path = Path.Combine(BrowserApp.ScreenshotFolder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
