using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;

namespace Pathway.Web.Features.Account;

[AllowAnonymous]
[Audited(AuditActions.Account.SignOut)]
public sealed class SignOutModel(SignInManager<StaffUser> signIn, AuditLog audit) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.WriteAsync(null, "User", null, null, ct: ct);
            // A new security stamp ends this session and every other one of this user's on the server, so a copied
            // or left-behind cookie is no use after signing out (ServerSideSessions checks it on every request).
            if (await signIn.UserManager.GetUserAsync(User) is { } user) await signIn.UserManager.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignedOut");
    }
}
