using Microsoft.Playwright;
using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Compliance;

/// <summary>The compliance timeline and the concern form's care-plan signs, in Chromium with axe (WCAG 2.2 AA).</summary>
public sealed class ComplianceTimelineBrowserTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task TheTimeline_IsAccessible_AndItsFilterWorksWithoutJavaScript()
    {
        var url = $"/cases/{app.World.InScope.Id}/compliance/timeline";
        var page = await app.NewPageAsync(StaffRole.OffenderManager);
        Assert.Equal(200, (await page.GotoAsync(url))!.Status);
        await Expect(page.GetByTestId("compliance-timeline")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync(output, "compliance timeline");
        await page.GotoAsync(url + "?kind=incident&kind=concern");
        await page.AssertAccessibleAsync(output, "compliance timeline filtered");

        var noScript = await app.NewPageAsync(StaffRole.OffenderManager, javaScript: false);
        await noScript.GotoAsync(url);
        await noScript.GetByLabel("Incidents").CheckAsync();
        await noScript.GetByRole(AriaRole.Button, new() { Name = "Apply filter" }).ClickAsync();
        await Expect(noScript).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("kind=incident"));
        var items = noScript.Locator(".moj-timeline__item");
        Assert.True(await items.CountAsync() > 0);
        Assert.Equal(await items.CountAsync(), await noScript.Locator(".moj-timeline__item[data-kind='incident']").CountAsync());
    }

    [Fact]
    public async Task TheConcernForm_OffersTheCarePlansSigns_Accessibly()
    {
        var page = await app.NewPageAsync(StaffRole.ApprovedPremisesStaff);
        await page.GotoAsync($"/cases/{app.World.InScope.Id}/concerns/new");
        await Expect(page.GetByLabel("None of these")).ToBeVisibleAsync();
        await Expect(page.GetByText("Early warning sign: World text for triggers.early-warning")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync(output, "concern with care-plan signs");
    }
}
