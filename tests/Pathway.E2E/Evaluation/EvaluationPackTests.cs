using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Evaluation;

/// <summary>The quarterly evaluation pack page, from the evaluation page's link, and its error state, checked with axe for WCAG 2.2 AA; the download is a PDF.</summary>
public sealed class EvaluationPackTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task PackPage_HasNoAxeViolations_AndDownloadsAPdf()
    {
        var page = await app.NewPageAsync(StaffRole.ServiceManager);
        await page.GotoAsync("/evaluation");
        await page.GetByTestId("pack-link").ClickAsync();
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Quarterly evaluation pack" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync(output, "/evaluation/pack");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-pack").ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);

        await page.GotoAsync("/evaluation/pack?handler=Pdf&Quarter=2019-Q5");
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose a quarter from the list");
        await page.AssertAccessibleAsync(output, "/evaluation/pack with errors");
    }
}
