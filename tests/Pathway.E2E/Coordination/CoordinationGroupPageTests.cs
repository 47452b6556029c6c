using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Coordination;

/// <summary>The service co-ordination group's pages, checked with axe for WCAG 2.2 AA, and a case item refused without a basis for sharing.</summary>
public sealed class CoordinationGroupPageTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(StaffRole.Psychologist, "/coordination-group")]
    [InlineData(StaffRole.PartnerAgency, "/")]
    [InlineData(StaffRole.Psychologist, "/coordination-group/meetings/{meeting}")]
    [InlineData(StaffRole.PartnerAgency, "/coordination-group/meetings/{meeting}")]
    [InlineData(StaffRole.Psychologist, "/coordination-group/actions")]
    [InlineData(StaffRole.ClinicalLead, "/coordination-group/members/new")]
    [InlineData(StaffRole.ClinicalLead, "/coordination-group/members/{member}/representatives/new")]
    [InlineData(StaffRole.ClinicalLead, "/coordination-group/meetings/{meeting}/edit")]
    [InlineData(StaffRole.Psychologist, "/coordination-group/meetings/{meeting}/items/new")]
    [InlineData(StaffRole.Psychologist, "/coordination-group/meetings/{meeting}/actions/new")]
    [InlineData(StaffRole.Psychologist, "/coordination-group/meetings/{meeting}/status")]
    [InlineData(StaffRole.Psychologist, "/coordination-group/actions/{action}/status")]
    public async Task Page_HasNoAxeViolations(StaffRole role, string template)
    {
        var ids = app.World.RecordIds;
        var path = template
            .Replace("{meeting}", ids["meetingId"].InScope.ToString(), StringComparison.Ordinal)
            .Replace("{member}", ids["memberId"].InScope.ToString(), StringComparison.Ordinal)
            .Replace("{action}", ids["groupActionId"].InScope.ToString(), StringComparison.Ordinal);
        var page = await app.NewPageAsync(role);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await page.AssertAccessibleAsync(output, template);
    }

    [Fact]
    public async Task ACaseItemWithoutABasisForSharing_IsRefused_InAnAccessibleErrorSummary()
    {
        var page = await app.NewPageAsync(StaffRole.Psychologist);
        await page.GotoAsync($"/coordination-group/meetings/{app.World.RecordIds["meetingId"].InScope}/items/new");
        await page.GetByLabel("Case discussion", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("CRN of the person (case discussions only)").FillAsync(app.World.InScope.Crn);
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Browser case item");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose whether the person agrees to their information being shared");
        await page.AssertAccessibleAsync(output, "case item with errors");
    }
}
