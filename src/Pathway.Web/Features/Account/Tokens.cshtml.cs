using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Security;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Account;

/// <summary>Personal API tokens: made here, shown once, stored hashed, revocable.</summary>
[Audited("account.tokens")]
public sealed class TokensModel(PathwayDbContext db, AuditLog audit, TimeProvider clock, TwoFactorWaiver waiver) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Days { get; set; } = "90";
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];
    public string? NewToken { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var me = User.ToStaffContext().UserId;
        if (string.IsNullOrWhiteSpace(Name)) ModelState.AddModelError(nameof(Name), "Enter a name for the token, such as the tool that will use it");
        else if (Name.Trim().Length > 100) ModelState.AddModelError(nameof(Name), "The name must be 100 characters or fewer");
        if (!int.TryParse(Days, out var days) || days is < 1 or > 365) ModelState.AddModelError(nameof(Days), "Enter a number of days between 1 and 365");
        // A token outlives the session, so it may only come from one that proved the second factor; the record says
        // which, and the API trusts it as two-factor only if it did.
        ApiTokenIssuance? issuedVia = User.HasMfa() ? ApiTokenIssuance.TwoFactorSession
            : waiver.IsWaived(User) ? ApiTokenIssuance.WaivedDemoSession
            : null;
        if (issuedVia is null)
            ModelState.AddModelError(nameof(Name), "Set up two-factor sign-in and sign in with your authenticator app before you create an API token");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var record = ApiTokens.Issue(db, me, Name!.Trim(), clock.GetUtcNow(), days, issuedVia!.Value, out var plain);
        audit.Add("account.tokens.create", "ApiToken", record.Id, null);
        await db.SaveChangesAsync(ct);
        NewToken = plain;
        Name = null;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var me = User.ToStaffContext().UserId;
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == me, ct);
        if (token is null) return NotFound();
        token.RevokedAt ??= clock.GetUtcNow();
        audit.Add("account.tokens.revoke", "ApiToken", token.Id, null);
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var me = User.ToStaffContext().UserId;
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == me).OrderByDescending(t => t.CreatedAt).ToListAsync(ct);
    }
}
