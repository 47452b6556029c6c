using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Evaluation;

/// <summary>The evaluation page (KM chart, bars, tables) for an exact and a suppressed reader, and its error state, checked with axe for WCAG 2.2 AA.</summary>
public sealed class EvaluationPageTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(StaffRole.Psychologist, "/evaluation")]
    [InlineData(StaffRole.ClinicalLead, "/evaluation?Cohort=ServiceStart")]
    [InlineData(StaffRole.ServiceManager, "/evaluation")]
    public async Task Page_HasNoAxeViolations(StaffRole role, string path)
    {
        var page = await app.NewPageAsync(role);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Evaluation: recall outcomes" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=measures]")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync(output, $"{path} as {role}");
        // The charts' text is in the page's font (inline SVG outside a govuk-body class would take the serif default).
        var fonts = await page.Locator("svg.app-chart text, .app-figure svg text").EvaluateAllAsync<string[]>(
            "texts => texts.map(t => getComputedStyle(t).fontFamily)");
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.StartsWith("arial", f, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task DatesTheWrongWayRound_AreRefused_InAnAccessibleErrorSummary()
    {
        var page = await app.NewPageAsync(StaffRole.Psychologist);
        await page.GotoAsync("/evaluation?From.Day=2&From.Month=3&From.Year=2026&To.Day=1&To.Month=3&To.Year=2026");
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The end date must be the same as or after the start date");
        await page.AssertAccessibleAsync(output, "evaluation with errors");
    }
}
