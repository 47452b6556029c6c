using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Cases;

public sealed class CaseTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Search_AsOffenderManager_FindsTheInScopeCaseOnly_AndOpensItsCasePage()
    {
        var inScope = app.World.InScope;
        var page = await app.NewPageAsync(StaffRole.OffenderManager);
        await page.GotoAsync("/cases");
        await page.AssertAccessibleAsync(output);

        // Every test case's family name starts "Person", so the out-of-scope one matches the words too: if it is
        // missing, access scoping removed it, not the search.
        await page.GetByLabel("Search by name or CRN").FillAsync("Person");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/cases\?.*q=Person"));

        var table = page.GetByTestId("case-table");
        await Expect(table).ToContainTextAsync(inScope.Crn);
        await Expect(table).Not.ToContainTextAsync(app.World.OutOfScope.Crn);
        await page.AssertAccessibleAsync(output, "case search results");
        await Screenshot(page, "case-list.png");

        await table.GetByRole(AriaRole.Link, new() { Name = inScope.FamilyName }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/cases/{inScope.Id}$"));
        // Visible, not merely present: the identity bar once rendered everything but the name at font-size 0.
        var header = page.GetByTestId("case-header");
        await Expect(header.GetByTestId("case-name")).ToContainTextAsync(inScope.FamilyName);
        await Expect(header.GetByTestId("case-crn")).ToHaveTextAsync(inScope.Crn);
        await Expect(header.GetByTestId("case-rosh")).ToHaveTextAsync("RoSH: High");
        await Expect(header.GetByTestId("case-mappa")).ToHaveTextAsync("MAPPA: CAT 2 / LEVEL 1");
        foreach (var part in new[] { "case-name", "case-crn", "case-rosh", "case-mappa" })
            await Expect(header.GetByTestId(part)).ToBeVisibleAsync();
        var sections = page.GetByRole(AriaRole.Navigation, new() { Name = "Case sections" });
        await Expect(sections.GetByRole(AriaRole.Link, new() { Name = "Overview" })).ToHaveAttributeAsync("aria-current", "page");
        // The timeline is the first page of the "Record" group.
        await Expect(sections.GetByRole(AriaRole.Link, new() { Name = "Record" })).ToHaveAttributeAsync("href", $"/cases/{inScope.Id}/timeline");
        await page.AssertAccessibleAsync(output, "case overview");
        await Screenshot(page, "case-overview.png");
    }

    [Fact]
    public async Task Edit_WithGivenNameEmptied_ShowsTheErrorSummaryLinkedToTheField_ThenSaves()
    {
        var c = app.World.InScope;
        var page = await app.NewPageAsync(StaffRole.OffenderManager);
        await page.GotoAsync($"/cases/{c.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change details" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/cases/{c.Id}/edit$"));
        await page.AssertAccessibleAsync(output);

        await page.GetByLabel("Given name").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Link)).ToHaveCountAsync(1);
        var link = summary.GetByRole(AriaRole.Link, new() { Name = "Enter the person's given name" });
        await Expect(link).ToHaveAttributeAsync("href", "#Input_GivenName");
        await Expect(page.Locator("#Input_GivenName-error")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync(output, "case edit with an error");
        await link.ClickAsync();
        await Expect(page.GetByLabel("Given name")).ToBeFocusedAsync();

        await page.GetByLabel("Given name").FillAsync("Tessa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/cases/{c.Id}$"));
        await Expect(page.GetByTestId("case-name")).ToHaveTextAsync($"Tessa {c.FamilyName}");
        // Only the name changed: the allocation the form carried must survive the save.
        // (The row whose key is exactly "Offender manager": the training row mentions offender managers too.)
        await Expect(page.Locator(".govuk-summary-list__row", new() { Has = page.Locator("dt", new() { HasTextRegex = new Regex("^\\s*Offender manager\\s*$") }) }))
            .ToContainTextAsync(app.World.Users[StaffRole.OffenderManager].DisplayName);
    }

    /// <summary>
    /// GOV.UK services must work without JavaScript: this context has it switched off. axe cannot run here (it is
    /// JavaScript too, and hangs); the same pages are scanned with scripts on.
    /// </summary>
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

    private async Task Screenshot(IPage page, string name)
    {
        Directory.CreateDirectory(BrowserApp.ScreenshotFolder);
        var path = Path.Combine(BrowserApp.ScreenshotFolder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
