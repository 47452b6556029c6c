using Microsoft.Playwright;
using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Assessments;

/// <summary>The OGRS3 and specialist-assessment pages, checked with axe; a section written and the assessment submitted in the browser.</summary>
public sealed class AssessmentPageTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(StaffRole.Psychologist, "/cases/{case}/assessments")]
    [InlineData(StaffRole.Psychologist, "/cases/{case}/assessments/new")]
    [InlineData(StaffRole.Psychologist, "/cases/{case}/assessments/{assessment}")]
    [InlineData(StaffRole.Psychologist, "/cases/{case}/assessments/{assessment}/sections/formulation")]
    [InlineData(StaffRole.Psychologist, "/cases/{case}/assessments/{assessment}/sections/risk")]
    [InlineData(StaffRole.Psychologist, "/cases/{case}/assessments/{assessment}/sections/needs")]
    [InlineData(StaffRole.Psychologist, "/cases/{case}/assessments/{assessment}/changes")]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/assessments/{assessment}/print")]
    [InlineData(StaffRole.Psychologist, "/cases/{case}/ogrs3")]
    public async Task Page_HasNoAxeViolations(StaffRole role, string template)
    {
        var w = app.World;
        var path = template
            .Replace("{case}", w.InScope.Id.ToString(), StringComparison.Ordinal)
            .Replace("{assessment}", w.InScopeAssessment.Id.ToString(), StringComparison.Ordinal);
        var page = await app.NewPageAsync(role);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await page.AssertAccessibleAsync(output, template);
    }

    [Fact]
    public async Task SubmittingWithEmptySections_IsRefusedNamingThem_AndTheErrorPageIsAccessible()
    {
        var page = await app.NewPageAsync(StaffRole.Psychologist);
        await page.GotoAsync($"/cases/{app.World.InScope.Id}/assessments/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start assessment" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit for countersigning" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for countersigning" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Formulation");
        await page.AssertAccessibleAsync(output, "assessment submit refused");
    }
}
