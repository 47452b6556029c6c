using Microsoft.Playwright;
using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Home;

/// <summary>The service navigation fits one row at 1280 px for every role; the Manage and Reports pages pass axe.</summary>
public sealed class NavigationTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task EveryRole_SeesTheServiceNavigationInOneRow_At1280()
    {
        var failures = new List<string>();
        foreach (var role in Enum.GetValues<StaffRole>())
        {
            var page = await app.NewPageAsync(role);
            await page.GotoAsync("/");
            var tops = await page.Locator(".govuk-service-navigation__item").EvaluateAllAsync<double[]>(
                "items => items.map(i => Math.round(i.getBoundingClientRect().top))");
            if (tops.Length == 0 || tops.Distinct().Count() != 1) failures.Add($"{role}: {tops.Length} links on rows at {string.Join(", ", tops.Distinct())}");
            output.WriteLine($"{role}: {tops.Length} links");
            if (role == StaffRole.ClinicalLead) await Screenshot(page, "navigation-clinical-lead-1280.png");
            await page.Context.CloseAsync();
        }
        Assert.True(failures.Count == 0, "Navigation wraps: " + string.Join("; ", failures));
    }

    [Theory]
    [InlineData(StaffRole.ClinicalLead, "/manage")]
    [InlineData(StaffRole.Administrator, "/manage")]
    [InlineData(StaffRole.ClinicalLead, "/reports")]
    public async Task HubPage_HasNoAxeViolations_AndFitsAPhone(StaffRole role, string path)
    {
        var page = await app.NewPageAsync(role);
        await page.GotoAsync(path);
        await Expect(page.GetByTestId("hub-links").GetByRole(AriaRole.Link).First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = path == "/manage" ? "Manage" : "Reports", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        await page.AssertAccessibleAsync(output, path);
        await Screenshot(page, $"hub{path.Replace('/', '-')}-{role}-1280.png");
        await page.SetViewportSizeAsync(390, 844);
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Assert.False(overflow, $"{path} scrolls sideways at 390 px");
        await Screenshot(page, $"hub{path.Replace('/', '-')}-{role}-390.png");
    }

    private async Task Screenshot(IPage page, string name)
    {
        Directory.CreateDirectory(BrowserApp.ScreenshotFolder);
        var path = Path.Combine(BrowserApp.ScreenshotFolder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
