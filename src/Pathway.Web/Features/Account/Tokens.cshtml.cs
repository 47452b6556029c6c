using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Account;

/// <summary>Personal API tokens: made here (<see cref="CreateApiToken"/>), shown once, stored hashed, revocable (<see cref="RevokeApiToken"/>).</summary>
[Audited(AuditActions.Account.TokensList)]
public sealed class TokensModel(PathwayDbContext db, CreateApiToken create, RevokeApiToken revoke) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Days { get; set; } = "90";
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];
    public string? NewToken { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var outcome = await create.HandleAsync(User, Name, Days, ct);
        await LoadAsync(ct);
        return await this.PresentAsync(outcome, created =>
        {
            NewToken = created.Plain;
            Name = null;
            return Page();
        }, prefix: "");
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct) =>
        await this.PresentAsync(await revoke.HandleAsync(User.ToStaffContext().UserId, id, ct), _ => RedirectToPage(), prefix: "");

    private async Task LoadAsync(CancellationToken ct)
    {
        var me = User.ToStaffContext().UserId;
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == me).OrderByDescending(t => t.CreatedAt).ToListAsync(ct);
    }
}
