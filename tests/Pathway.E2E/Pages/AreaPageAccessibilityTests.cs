using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Pages;

/// <summary>The licence, sharing, emergency-access and administration pages, checked with axe for WCAG 2.2 AA.</summary>
public sealed class AreaPageAccessibilityTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/licences")]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/licences/new")]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/licences/{licence}")]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/licences/{licence}/edit")]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/licences/{licence}/conditions/new")]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/licences/{licence}/conditions/{condition}/remove")]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/licences/{licence}/recalls/new")]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/sharing")]
    [InlineData(StaffRole.OffenderManager, "/cases/new")]
    [InlineData(StaffRole.OffenderManager, "/break-glass")]
    [InlineData(StaffRole.ClinicalLead, "/break-glass/review")]
    [InlineData(StaffRole.Administrator, "/")]
    [InlineData(StaffRole.Administrator, "/admin/users")]
    [InlineData(StaffRole.Administrator, "/admin/users/new")]
    [InlineData(StaffRole.Administrator, "/admin/users/{user}")]
    [InlineData(StaffRole.Administrator, "/admin/teams")]
    [InlineData(StaffRole.Administrator, "/admin/teams/new")]
    [InlineData(StaffRole.Administrator, "/admin/teams/{team}/edit")]
    [InlineData(StaffRole.Administrator, "/admin/reference-data")]
    [InlineData(StaffRole.ServiceManager, "/")]
    public async Task Page_HasNoAxeViolations(StaffRole role, string template)
    {
        var w = app.World;
        var path = template
            .Replace("{case}", w.InScope.Id.ToString(), StringComparison.Ordinal)
            .Replace("{licence}", w.InScopeLicence.Id.ToString(), StringComparison.Ordinal)
            .Replace("{condition}", w.InScopeCondition.Id.ToString(), StringComparison.Ordinal)
            .Replace("{user}", w.Users[StaffRole.Psychologist].Id.ToString(), StringComparison.Ordinal)
            .Replace("{team}", w.TeamB.Id.ToString(), StringComparison.Ordinal);
        var page = await app.NewPageAsync(role);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(w.Users[role].DisplayName);
        await page.AssertAccessibleAsync(output, template);
    }

    [Fact]
    public async Task NewLicence_WithImpossibleDates_ShowsAnAccessibleErrorSummary()
    {
        var page = await app.NewPageAsync(StaffRole.OffenderManager);
        await page.GotoAsync($"/cases/{app.World.InScope.Id}/licences/new");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Save" }).First.ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync(output, "new licence with errors");
    }
}
