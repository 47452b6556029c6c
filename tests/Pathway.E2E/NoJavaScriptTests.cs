using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E;

/// <summary>GOV.UK services must work without JavaScript: these run in a browser context with it switched off.</summary>
public sealed class NoJavaScriptTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task SearchAndOpenACase_WithJavaScriptOff_Works()
    {
        var c = app.World.InScope;
        var page = await app.NewPageAsync(StaffRole.OffenderManager, javaScript: false);
        await page.GotoAsync("/cases");
        // pathway.mjs marks <body> when it runs; with scripts off it must not have.
        await Expect(page.Locator("body")).Not.ToHaveClassAsync(new Regex("js-enabled"));

        await page.GetByLabel("Search by name or CRN").FillAsync(c.Crn);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/cases\?.*q={c.Crn}"));
        var table = page.GetByTestId("case-table");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);

        await table.GetByRole(AriaRole.Link, new() { Name = c.FamilyName }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/cases/{c.Id}$"));
        await Expect(page.GetByTestId("case-crn")).ToHaveTextAsync(c.Crn);
    }
}
