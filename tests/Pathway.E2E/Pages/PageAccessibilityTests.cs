using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Pages;

/// <summary>Every page a person reaches, opened in Chromium and checked with axe for WCAG 2.2 AA.</summary>
public sealed class PageAccessibilityTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    /// <summary>{case} is the case in the offender manager's and the clinical lead's scope.</summary>
    [Theory]
    [InlineData(StaffRole.OffenderManager, "/", 200)]
    [InlineData(StaffRole.OffenderManager, "/cases?view=mine", 200)]
    [InlineData(StaffRole.OffenderManager, "/cases?view=team", 200)]
    [InlineData(StaffRole.OffenderManager, "/cases?view=all", 200)]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}", 200)]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/timeline", 200)]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/edit", 200)]
    [InlineData(StaffRole.ClinicalLead, "/cases/{case}/access-log", 200)]
    [InlineData(StaffRole.OffenderManager, "/account", 200)]
    [InlineData(StaffRole.OffenderManager, "/account/tokens", 200)]
    [InlineData(StaffRole.OffenderManager, "/no-such-page", 404)]
    [InlineData(StaffRole.OffenderManager, "/accessibility", 200)]
    public async Task SignedInPage_HasNoAxeViolations(StaffRole role, string path, int status)
    {
        var page = await app.NewPageAsync(role);
        var response = await page.GotoAsync(path.Replace("{case}", app.World.InScope.Id.ToString(), StringComparison.Ordinal));
        Assert.Equal(status, response!.Status);
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(app.World.Users[role].DisplayName);
        await page.AssertAccessibleAsync(output, path);
    }

    [Theory]
    [InlineData("/account/sign-in", 200)]
    [InlineData("/accessibility", 200)]
    [InlineData("/error/404", 200)]
    public async Task AnonymousPage_HasNoAxeViolations(string path, int status)
    {
        var page = await app.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.Equal(status, response!.Status);
        await page.AssertAccessibleAsync(output, path);
    }

    [Fact]
    public async Task SignInPage_WithEmptyFields_ShowsAnAccessibleErrorSummary()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter your email address");
        await page.AssertAccessibleAsync(output, "sign-in page with errors");
    }
}
