using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;

namespace Pathway.Web.Features.Account;

/// <summary>Shows recovery codes once, straight after they are made.</summary>
[Audited(AuditActions.Account.RecoveryCodesCreate)]
public sealed class RecoveryCodesModel(UserManager<StaffUser> users, AuditLog audit) : PageModel
{
    public IReadOnlyList<string> Codes { get; private set; } = [];

    public void OnGet()
    {
        Codes = (TempData["RecoveryCodes"] as string)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/SignIn");
        if (!user.TwoFactorEnabled) return RedirectToPage("/Account/EnrolTwoFactor");
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await audit.WriteAsync(null, "User", user.Id, null, AuditOutcome.Allowed, ct: ct);
        TempData["RecoveryCodes"] = string.Join(' ', codes!);
        return RedirectToPage();
    }
}
