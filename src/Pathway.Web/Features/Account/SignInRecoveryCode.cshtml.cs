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
[Audited(AuditActions.Account.RecoveryCodeSignIn)]
[EnableRateLimiting(SignInThrottle.Policy)]
public sealed class SignInRecoveryCodeModel(SignInManager<StaffUser> signIn, AuditLog audit) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Account/SignIn");
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "Enter one of your recovery codes");
            return Page();
        }
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Code.Replace(" ", "", StringComparison.Ordinal));
        await audit.WriteAsync(null, "User", user.Id, null, result.Succeeded ? AuditOutcome.Allowed : AuditOutcome.Denied, ct: ct);
        if (result.Succeeded) return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
        ModelState.AddModelError(nameof(Code), result.IsLockedOut ? "Your account is locked. Try again in 15 minutes" : "That recovery code is not correct or has been used");
        return Page();
    }
}
