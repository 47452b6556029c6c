using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Signposting;

/// <summary>The service directory's and signposting's pages, checked with axe for WCAG 2.2 AA, and a refused contradictory entry.</summary>
public sealed class SignpostingPageTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(StaffRole.Psychologist, "/signposting/reports")]
    [InlineData(StaffRole.ServiceManager, "/signposting/reports")]
    [InlineData(StaffRole.OffenderManager, "/directory")]
    [InlineData(StaffRole.Psychologist, "/directory")]
    [InlineData(StaffRole.OffenderManager, "/directory/services/{service}")]
    [InlineData(StaffRole.Psychologist, "/directory/services/new")]
    [InlineData(StaffRole.Psychologist, "/directory/services/{service}/edit")]
    [InlineData(StaffRole.ClinicalLead, "/directory/organisations/new")]
    [InlineData(StaffRole.ClinicalLead, "/directory/organisations/{organisation}/edit")]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/signposting")]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/signposting/match?Needs=EmotionalRegulation&Needs=Other")]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/signposting/refer/{service}?need=EmotionalRegulation")]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/signposting/{signposting}")]
    [InlineData(StaffRole.PartnerAgency, "/partner/referrals")]
    [InlineData(StaffRole.PartnerAgency, "/partner/referrals/{signposting}")]
    public async Task Page_HasNoAxeViolations(StaffRole role, string template)
    {
        var w = app.World;
        var path = template
            .Replace("{service}", w.DirectoryService.Id.ToString(), StringComparison.Ordinal)
            .Replace("{organisation}", w.DirectoryOrganisation.Id.ToString(), StringComparison.Ordinal)
            .Replace("{case}", w.InScope.Id.ToString(), StringComparison.Ordinal)
            .Replace("{signposting}", w.RecordIds["signpostingId"].InScope.ToString(), StringComparison.Ordinal);
        var page = await app.NewPageAsync(role);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await page.AssertAccessibleAsync(output, template);
    }

    [Fact]
    public async Task AContradictoryAgeRange_IsRefused_InAnAccessibleErrorSummary()
    {
        var page = await app.NewPageAsync(StaffRole.Psychologist);
        await page.GotoAsync($"/directory/services/new?organisationId={app.World.DirectoryOrganisation.Id}");
        await page.GetByLabel("Service name").FillAsync("Browser service");
        await page.GetByLabel("Accommodation").CheckAsync();
        await page.GetByLabel("Minimum age (optional)").FillAsync("60");
        await page.GetByLabel("Maximum age (optional)").FillAsync("50");
        await page.GetByLabel("How to refer").FillAsync("Phone the team");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("cannot be lower than the minimum age (60)");
        await page.AssertAccessibleAsync(output, "directory service with errors");
    }
}
