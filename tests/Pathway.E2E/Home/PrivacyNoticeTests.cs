using Microsoft.Playwright;
using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Home;

/// <summary>The privacy notice: open to anyone, reached from every page's footer, checked with axe, with screenshots at 1280 and 390 px.</summary>
public sealed class PrivacyNoticeTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Anonymous_FollowsTheFooterLink_ToAnAccessibleNotice()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Privacy notice", Exact = true }).ClickAsync();

        Assert.EndsWith("/privacy", page.Url, StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("How we use your information");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How long we keep it" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync(output, "/privacy (anonymous)");
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            Directory.CreateDirectory(BrowserApp.ScreenshotFolder);
            var file = Path.Combine(BrowserApp.ScreenshotFolder, $"privacy-notice-{width}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            output.WriteLine($"screenshot: {file}");
        }
    }

    [Fact]
    public async Task SignedIn_TheNoticeIsAccessible()
    {
        var page = await app.NewPageAsync(StaffRole.OffenderManager);
        var response = await page.GotoAsync("/privacy");
        Assert.Equal(200, response!.Status);
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(app.World.Users[StaffRole.OffenderManager].DisplayName);
        await page.AssertAccessibleAsync(output, "/privacy (signed in)");
    }
}
