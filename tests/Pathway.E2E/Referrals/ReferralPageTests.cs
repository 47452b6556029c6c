using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Referrals;

/// <summary>The referral, queue, pathway and consultation pages, checked with axe for WCAG 2.2 AA.</summary>
public sealed class ReferralPageTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(StaffRole.OffenderManager, "/")]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/referral/new")]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/pathway")]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/pathway/move")]
    [InlineData(StaffRole.Psychologist, "/referrals?view=all")]
    [InlineData(StaffRole.Psychologist, "/cases/{case}/pathway/move")]
    [InlineData(StaffRole.ClinicalLead, "/cases/{case}/referral/allocate")]
    [InlineData(StaffRole.Psychologist, "/cases/{case}/consultations")]
    [InlineData(StaffRole.Psychologist, "/cases/{case}/consultations/new")]
    [InlineData(StaffRole.Psychologist, "/cases/{case}/consultations/{consultation}")]
    [InlineData(StaffRole.Psychologist, "/cases/{case}/consultations/{consultation}/edit")]
    public async Task Page_HasNoAxeViolations(StaffRole role, string template)
    {
        var w = app.World;
        var path = template
            .Replace("{case}", w.InScope.Id.ToString(), StringComparison.Ordinal)
            .Replace("{consultation}", w.InScopeConsultation.Id.ToString(), StringComparison.Ordinal);
        var page = await app.NewPageAsync(role);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(w.Users[role].DisplayName);
        await page.AssertAccessibleAsync(output, template);
    }

    [Fact]
    public async Task NewConsultation_WithNothingFilledIn_ShowsAnAccessibleErrorSummary()
    {
        var page = await app.NewPageAsync(StaffRole.Psychologist);
        await page.GotoAsync($"/cases/{app.World.InScope.Id}/consultations/new");
        await page.Locator("#Input_Advice").FillAsync("");
        await page.Locator("#Input_HeldOn").FillAsync("");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Save consultation" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the psychologist's advice");
        await page.AssertAccessibleAsync(output, "new consultation with errors");
    }
}
