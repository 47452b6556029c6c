using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Admin.Users.Create;

public sealed class NewUserForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Role { get; set; }
    public string? TeamId { get; set; }
    public string? Password { get; set; }
}

/// <summary>
/// The form for <see cref="CreateStaffUser"/>: a member of staff with an initial password.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[Audited(AuditActions.Admin.UsersCreate)]
public sealed class CreateModel(PathwayDbContext db, UserManager<StaffUser> users, CreateStaffUser create) : PageModel
{
    [BindProperty] public NewUserForm Input { get; set; } = new();
    public IReadOnlyList<Govuk.Option> Teams { get; private set; } = [];

    /// <summary>The password policy in words, from the same options Identity enforces.</summary>
    public string PasswordHint
    {
        get
        {
            var p = users.Options.Password;
            var needs = new List<string>();
            if (p.RequireUppercase) needs.Add("a capital letter");
            if (p.RequireLowercase) needs.Add("a small letter");
            if (p.RequireDigit) needs.Add("a number");
            if (p.RequireNonAlphanumeric) needs.Add("a symbol");
            var with = needs.Count == 0 ? "" : $", including {string.Join(", ", needs[..^1])}{(needs.Count > 1 ? " and " : "")}{needs[^1]}";
            return $"At least {p.RequiredLength} characters{with}. Give it to them in person or by phone, not by email.";
        }
    }

    public async Task OnGetAsync(CancellationToken ct) => Teams = await RoleAndTeam.TeamOptionsAsync(db, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await this.PresentAsync(await create.HandleAsync(Input, ct), done =>
        {
            TempData["Success"] = StaffRoles.SeesCaseData(done.Role)
                ? $"{done.User.DisplayName} added. They will set up an authenticator app when they first sign in."
                : $"{done.User.DisplayName} added.";
            return Redirect($"/admin/users/{done.User.Id}");
        }, async () => Teams = await RoleAndTeam.TeamOptionsAsync(db, ct));
}
