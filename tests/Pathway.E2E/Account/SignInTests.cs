using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OtpNet;
using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using Pathway.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Account;

public sealed class SignInTests(IsolatedBrowserApp app, ITestOutputHelper output) : IClassFixture<IsolatedBrowserApp>
{
    [Fact]
    public async Task FirstSignIn_WithoutAuthenticator_EnrolsShowsTenRecoveryCodesAndLandsHome()
    {
        var user = await app.CreateUserWithoutTwoFactorAsync(StaffRole.Psychologist, "Nia New-Starter");
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.AssertAccessibleAsync(output);

        await BrowserApp.SubmitPasswordAsync(page, user.Email!);
        await Expect(page).ToHaveURLAsync(new Regex("/account/two-factor/enrol$"));
        await page.AssertAccessibleAsync(output);

        var key = (await page.GetByTestId("shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await page.GetByLabel("Code from your authenticator app").FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and continue" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/account/two-factor/recovery-codes$"));
        await Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await page.AssertAccessibleAsync(output);

        await page.GetByRole(AriaRole.Link, new() { Name = "Continue to Pathway" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(BrowserApp.HomePage());
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("Nia New-Starter");
        await page.AssertAccessibleAsync(output);
    }

    [Fact]
    public async Task SignIn_EnrolledUser_AsksForPasswordThenCode_AndLandsHome()
    {
        var user = app.World.Users[StaffRole.SeniorProbationOfficer];
        var page = await app.NewPageAsync();

        await BrowserApp.SubmitPasswordAsync(page, user.Email!);
        await Expect(page).ToHaveURLAsync(BrowserApp.TwoFactorPage());
        await page.AssertAccessibleAsync(output);
        await page.GetByLabel("Enter the security code from your authenticator app").FillAsync(BrowserApp.CodeNow(TestWorld.AuthenticatorKey));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(BrowserApp.HomePage());
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(user.DisplayName);
        await page.AssertAccessibleAsync(output);
    }

    [Fact]
    public async Task SignIn_WrongCode_IsRefusedWithTheErrorSummary_ThenTheRightCodeWorks()
    {
        var user = app.World.Users[StaffRole.Psychologist];
        var page = await app.NewPageAsync();
        await BrowserApp.SubmitPasswordAsync(page, user.Email!);
        await Expect(page).ToHaveURLAsync(BrowserApp.TwoFactorPage());

        await page.GetByLabel("Enter the security code from your authenticator app").FillAsync(CodeOutsideTheWindow());
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync("There is a problem");
        var link = summary.GetByRole(AriaRole.Link, new() { Name = "The code is not correct" });
        await Expect(link).ToHaveAttributeAsync("href", "#Code");
        await Expect(page.Locator("#Code-error")).ToContainTextAsync("The code is not correct");
        await Expect(page).ToHaveURLAsync(BrowserApp.TwoFactorPage());
        await page.AssertAccessibleAsync(output, "two-factor page with an error");

        await page.GetByLabel("Enter the security code from your authenticator app").FillAsync(BrowserApp.CodeNow(TestWorld.AuthenticatorKey));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(BrowserApp.HomePage());
    }

    /// <summary>Six digits that no step near now produces (the server accepts a little clock drift either way).</summary>
    private static string CodeOutsideTheWindow()
    {
        var totp = new Totp(Base32Encoding.ToBytes(TestWorld.AuthenticatorKey));
        var now = DateTime.UtcNow;
        var near = Enumerable.Range(-4, 9).Select(i => totp.ComputeTotp(now.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 20).Select(i => ((123456 + i * 111111) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture))
            .First(c => !near.Contains(c));
    }
}
