using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Compliance;

/// <summary>The compliance pages — contacts, concerns, warning letters, breaches, signals, rules — checked with axe for WCAG 2.2 AA.</summary>
public sealed class ComplianceAccessibilityTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/compliance")]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/contacts/new")]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/contacts/{contact}")]
    [InlineData(StaffRole.ApprovedPremisesStaff, "/cases/{case}/concerns/new")]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/warnings/new")]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/warnings/{warning}/letter")]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/breaches/new")]
    [InlineData(StaffRole.SeniorProbationOfficer, "/signals")]
    [InlineData(StaffRole.ClinicalLead, "/admin/early-warning-rules")]
    [InlineData(StaffRole.ClinicalLead, "/manage/rules")]
    public async Task Page_HasNoAxeViolations(StaffRole role, string template)
    {
        var w = app.World;
        var path = template
            .Replace("{case}", w.InScope.Id.ToString(), StringComparison.Ordinal)
            .Replace("{contact}", w.RecordIds["contactId"].InScope.ToString(), StringComparison.Ordinal)
            .Replace("{warning}", w.RecordIds["warningId"].InScope.ToString(), StringComparison.Ordinal);
        var page = await app.NewPageAsync(role);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(w.Users[role].DisplayName);
        await page.AssertAccessibleAsync(output, template);
    }

    [Fact]
    public async Task AContactOutcomeInTheFuture_ShowsAnAccessibleErrorSummary()
    {
        var page = await app.NewPageAsync(StaffRole.OffenderManager);
        await page.GotoAsync($"/cases/{app.World.InScope.Id}/contacts/new");
        var tomorrow = DateTime.UtcNow.AddDays(2);
        await page.Locator("#Input_Date").FillAsync(tomorrow.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#Input_Date_Month").FillAsync(tomorrow.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#Input_Date_Year").FillAsync(tomorrow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Office appointment").CheckAsync();
        await page.GetByLabel("Attended", new() { Exact = true }).CheckAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Save contact" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("in the future");
        await page.AssertAccessibleAsync(output, "contact outcome in the future");
    }
}
