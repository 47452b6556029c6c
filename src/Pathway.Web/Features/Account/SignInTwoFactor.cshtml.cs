using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;

namespace Pathway.Web.Features.Account;

[AllowAnonymous]
[Audited(AuditActions.Account.TwoFactorSignIn)]
[EnableRateLimiting(SignInThrottle.Policy)]
public sealed class SignInTwoFactorModel(SignInManager<StaffUser> signIn, AuditLog audit) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Account/SignIn");
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
            return Page();
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.WriteAsync(null, "User", user.Id, null, AuditOutcome.Allowed, ct: ct);
            return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
        }
        await audit.WriteAsync(null, "User", user.Id, null, AuditOutcome.Denied, result.IsLockedOut ? "locked out" : "wrong code", ct: ct);
        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? "Your account is locked after too many attempts. Try again in 15 minutes"
            : "The code is not correct. Enter the code your authenticator app shows now");
        return Page();
    }
}
