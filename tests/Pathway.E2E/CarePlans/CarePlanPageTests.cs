using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.CarePlans;

/// <summary>The care-plan and incident pages, checked with axe for WCAG 2.2 AA.</summary>
public sealed class CarePlanPageTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(StaffRole.Psychologist, "/cases/{case}/care-plan")]
    [InlineData(StaffRole.Psychologist, "/cases/{case}/care-plans/{plan}")]
    [InlineData(StaffRole.Psychologist, "/cases/{case}/care-plans/{plan}/sections/persons-involvement")]
    [InlineData(StaffRole.Psychologist, "/cases/{case}/care-plans/{plan}/changes")]
    [InlineData(StaffRole.Psychologist, "/cases/{case}/care-plans/{plan}/review")]
    [InlineData(StaffRole.ApprovedPremisesStaff, "/cases/{case}/care-plans/{plan}/summary")]
    [InlineData(StaffRole.ApprovedPremisesStaff, "/cases/{case}/incidents")]
    [InlineData(StaffRole.ApprovedPremisesStaff, "/cases/{case}/incidents/new")]
    [InlineData(StaffRole.ApprovedPremisesStaff, "/cases/{case}/incidents/{incident}")]
    [InlineData(StaffRole.Psychologist, "/cases/{case}/incidents/{incident}/chain-analysis")]
    public async Task Page_HasNoAxeViolations(StaffRole role, string template)
    {
        var w = app.World;
        var path = template
            .Replace("{case}", w.InScope.Id.ToString(), StringComparison.Ordinal)
            .Replace("{plan}", w.Plans[w.InScope.Id].Id.ToString(), StringComparison.Ordinal)
            .Replace("{incident}", w.Incidents[w.InScope.Id].Id.ToString(), StringComparison.Ordinal);
        var page = await app.NewPageAsync(role);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(w.Users[role].DisplayName);
        await page.AssertAccessibleAsync(output, template);
    }
}
