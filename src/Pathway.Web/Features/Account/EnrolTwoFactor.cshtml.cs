using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using QRCoder;

namespace Pathway.Web.Features.Account;

/// <summary>Sets up an authenticator app. Required on first sign-in for every role that can see case data.</summary>
[Audited(AuditActions.Account.TwoFactorEnrol)]
public sealed class EnrolTwoFactorModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, AuditLog audit) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    public string SharedKey { get; private set; } = "";
    public string QrSvg { get; private set; } = "";
    public bool AlreadyEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/SignIn");
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/SignIn");
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length == 0) ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            ModelState.AddModelError(nameof(Code), "The code is not correct. Check the time on your phone is right and enter the code it shows now");
        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await audit.WriteAsync(null, "User", user.Id, null, AuditOutcome.Allowed, ct: ct);
        // Re-issue the session as a two-factor one, so the person can carry on without signing in again.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        TempData["RecoveryCodes"] = string.Join(' ', codes!);
        return RedirectToPage("/Account/RecoveryCodes");
    }

    private async Task LoadKeyAsync(StaffUser user)
    {
        AlreadyEnabled = user.TwoFactorEnabled;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            // A new key renews the security stamp, which would end this very session; re-issue it.
            await signIn.RefreshSignInAsync(user);
        }
        SharedKey = string.Join(' ', Enumerable.Range(0, (key!.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLower(CultureInfo.InvariantCulture);
        var uri = $"otpauth://totp/{Uri.EscapeDataString("Pathway:" + user.Email)}?secret={key}&issuer=Pathway&digits=6";
        using var gen = new QRCodeGenerator();
        using var data = gen.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
    }
}
