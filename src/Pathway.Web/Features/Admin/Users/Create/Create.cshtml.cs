using System.Net.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

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
/// Adds a member of staff with an initial password. Everything is checked before anything is written, and the account,
/// its role and the audit row are saved in one transaction, so a refused form leaves nothing behind.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[Audited("admin.users.create")]
public sealed class CreateModel(PathwayDbContext db, UserManager<StaffUser> users, AuditLog audit, TimeProvider clock) : PageModel
{
    private const string Prefix = "Input.";

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

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var name = Input.Name?.Trim() ?? "";
        var email = Input.Email?.Trim() ?? "";
        if (name.Length == 0) ModelState.AddModelError(Prefix + nameof(Input.Name), "Enter the person's full name");
        else if (name.Length > 200) ModelState.AddModelError(Prefix + nameof(Input.Name), "Name must be 200 characters or fewer");
        if (email.Length == 0) ModelState.AddModelError(Prefix + nameof(Input.Email), "Enter an email address");
        else if (email.Length > 256 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            ModelState.AddModelError(Prefix + nameof(Input.Email), "Enter an email address in the correct format, like name@example.com");
        var (role, teamId) = await RoleAndTeam.ValidateAsync(Input.Role, Input.TeamId, ModelState, Prefix, db, ct);

        var user = new StaffUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, TeamId = teamId, CreatedAt = clock.GetUtcNow(),
        };
        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError(Prefix + nameof(Input.Password), "Enter an initial password");
        }
        else
        {
            // Identity's own validators, so the page states exactly the policy that sign-in and the CLI enforce.
            var problems = new List<IdentityError>();
            foreach (var v in users.PasswordValidators) problems.AddRange((await v.ValidateAsync(users, user, Input.Password)).Errors);
            if (ModelState.GetFieldValidationState(Prefix + nameof(Input.Email)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
                foreach (var v in users.UserValidators) problems.AddRange((await v.ValidateAsync(users, user)).Errors);
            RoleAndTeam.AddIdentityErrors(problems, ModelState, Prefix);
        }
        if (!ModelState.IsValid)
        {
            Teams = await RoleAndTeam.TeamOptionsAsync(db, ct);
            return Page();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, Input.Password!);
        if (created.Succeeded) created = await users.AddToRoleAsync(user, role!.Value.ToString());
        if (!created.Succeeded)
        {
            // A race with another administrator adding the same email: nothing is kept.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            RoleAndTeam.AddIdentityErrors(created.Errors, ModelState, Prefix);
            Teams = await RoleAndTeam.TeamOptionsAsync(db, ct);
            return Page();
        }
        audit.Add(null, "User", user.Id, null);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Success"] = StaffRoles.SeesCaseData(role!.Value)
            ? $"{name} added. They will set up an authenticator app when they first sign in."
            : $"{name} added.";
        return Redirect($"/admin/users/{user.Id}");
    }
}
