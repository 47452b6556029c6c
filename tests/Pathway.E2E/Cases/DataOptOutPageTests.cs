using Microsoft.Playwright;
using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Cases;

/// <summary>The national data opt-out form, reached from the case overview by the clinical lead: axe, and screenshots at 1280 and 390 px.</summary>
public sealed class DataOptOutPageTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task ClinicalLead_OpensTheFormFromTheOverview_AndItIsAccessible()
    {
        var page = await app.NewPageAsync(StaffRole.ClinicalLead);
        await page.GotoAsync($"/cases/{app.World.InScope.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Change national data opt-out" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("National data opt-out");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "No" })).ToBeCheckedAsync();
        await page.AssertAccessibleAsync(output, "data opt-out form");
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            Directory.CreateDirectory(BrowserApp.ScreenshotFolder);
            var file = Path.Combine(BrowserApp.ScreenshotFolder, $"data-opt-out-{width}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            output.WriteLine($"screenshot: {file}");
        }
    }
}
