using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Account;

/// <summary>
/// Return from the OpenID Connect provider. Only people who already have a Pathway account (matched by email) can sign
/// in this way: single sign-on proves who someone is, Pathway still decides what they may see.
/// </summary>
[AllowAnonymous]
[Audited(AuditActions.Account.OidcSignIn)]
public sealed class ExternalCallbackModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit, IOptions<PathwayAuthOptions> auth) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? returnUrl, CancellationToken ct)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null) return RedirectToPage("/Account/SignIn");
        var email = info.Principal.FindFirstValue("email") ?? info.Principal.FindFirstValue(ClaimTypes.Email);
        var user = email is null ? null : await users.FindByEmailAsync(email);
        if (user is null || user.DisabledAt is not null || await users.IsLockedOutAsync(user))
        {
            await audit.WriteAsync(null, "User", user?.Id, null, AuditOutcome.Denied, "no active Pathway account for this identity", ct: ct);
            return RedirectToPage("/Account/AccessDenied");
        }
        var providerMfa = auth.Value.Oidc.TrustProviderMfa && info.Principal.FindAll("amr").Any(c => c.Value is "mfa" or "otp" or "hwk");
        var claims = new List<Claim> { new("amr", providerMfa ? "mfa" : "external") };
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, claims);
        await audit.WriteAsync(null, "User", user.Id, null, AuditOutcome.Allowed, ct: ct);
        return LocalRedirect(SignInModel.SafeReturnUrl(returnUrl));
    }
}
