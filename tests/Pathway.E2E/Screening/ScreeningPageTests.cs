using Microsoft.Playwright;
using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Screening;

/// <summary>The screening pages and instrument administration, checked with axe; a screening filled in and completed in the browser.</summary>
public sealed class ScreeningPageTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(StaffRole.Psychologist, "/cases/{case}/screening")]
    [InlineData(StaffRole.Psychologist, "/cases/{case}/screening/new")]
    [InlineData(StaffRole.Psychologist, "/cases/{case}/screening/{screening}/edit")]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/screening/{screening}")]
    [InlineData(StaffRole.Administrator, "/admin/instruments")]
    [InlineData(StaffRole.ClinicalLead, "/instruments/womens-opd-screen")]
    public async Task Page_HasNoAxeViolations(StaffRole role, string template)
    {
        var w = app.World;
        var path = template
            .Replace("{case}", w.InScope.Id.ToString(), StringComparison.Ordinal)
            .Replace("{screening}", w.InScopeScreening.Id.ToString(), StringComparison.Ordinal);
        var page = await app.NewPageAsync(role);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await page.AssertAccessibleAsync(output, template);
    }

    [Fact]
    public async Task OpdScreen_FilledInTheBrowser_RefusesAMissingItem_ThenPrintsCleanly()
    {
        var page = await app.NewPageAsync(StaffRole.Psychologist);
        await page.GotoAsync($"/cases/{app.World.InScope.Id}/screening/new");
        await page.GetByLabel("OPD pathway screen (men) (version 2)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();

        // Gates from the case are already answered; the offence gate is the assessor's.
        await Expect(page.Locator("#g_gate-rosh")).ToBeCheckedAsync();
        await page.Locator("#g_gate-offence").CheckAsync();
        for (var i = 1; i <= 7; i++) await page.Locator($"#a_p{i}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Answer item p8 'Childhood behaviour problems'");
        await page.AssertAccessibleAsync(output, "screening with a missing item");

        for (var i = 8; i <= 11; i++) await page.Locator($"#a_p{i}-1").CheckAsync();
        for (var i = 1; i <= 4; i++) await page.Locator($"#a_i{i}-1").CheckAsync();
        await page.Locator("#a_route-life-ipp-1").CheckAsync();
        await page.Locator("#a_link").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Give the reason for your answer to 'There is a clinically justifiable link");
        await page.Locator("#r_link").FillAsync("Hostility and impulsivity drive the violent offending");
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete" }).ClickAsync();

        await Expect(page.GetByTestId("screening-result")).ToContainTextAsync("Screened in");
        await Expect(page.GetByTestId("reasons")).ToContainTextAsync("Personality score 7 is at least 7");
        await Expect(page.GetByTestId("reason-link")).ToContainTextAsync("Hostility and impulsivity");
        await page.AssertAccessibleAsync(output, "completed screening result");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".govuk-service-navigation")).ToBeHiddenAsync();
        // The case's two rows of sub-navigation (its groups and the group's pages) both go.
        await Expect(page.Locator(".moj-sub-navigation")).ToHaveCountAsync(2);
        foreach (var nav in await page.Locator(".moj-sub-navigation").AllAsync()) await Expect(nav).ToBeHiddenAsync();
        await Expect(page.GetByTestId("citation")).ToBeVisibleAsync();
        var pdf = await page.PdfAsync(new() { Format = "A4" });
        Assert.True(pdf.Length > 1000);
    }
}
