using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Admin.Users.Create;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Admin.Users;

/// <summary>The account as added, with its role.</summary>
public sealed record StaffUserCreated(StaffUser User, StaffRole Role);

/// <summary>
/// Adds a member of staff with an initial password. Everything is checked before anything is written (Identity's own
/// password and user validators, so the page states exactly the policy sign-in and the CLI enforce), and the account,
/// its role and the audit row are saved in one transaction, so a refused form leaves nothing behind.
/// </summary>
public sealed class CreateStaffUser(PathwayDbContext db, UserManager<StaffUser> users, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<StaffUserCreated>> HandleAsync(NewUserForm request, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var name = request.Name?.Trim() ?? "";
        var email = request.Email?.Trim() ?? "";
        if (name.Length == 0) errors.Add(new("Name", "Enter the person's full name"));
        else if (name.Length > 200) errors.Add(new("Name", "Name must be 200 characters or fewer"));
        if (email.Length == 0) errors.Add(new("Email", "Enter an email address"));
        else if (email.Length > 256 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            errors.Add(new("Email", "Enter an email address in the correct format, like name@example.com"));
        var (role, teamId) = await RoleAndTeam.ValidateAsync(request.Role, request.TeamId, errors, db, ct);

        var user = new StaffUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, TeamId = teamId, CreatedAt = clock.GetUtcNow(),
        };
        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add(new("Password", "Enter an initial password"));
        }
        else
        {
            var problems = new List<IdentityError>();
            foreach (var v in users.PasswordValidators) problems.AddRange((await v.ValidateAsync(users, user, request.Password)).Errors);
            if (errors.All(e => e.Field != "Email"))
                foreach (var v in users.UserValidators) problems.AddRange((await v.ValidateAsync(users, user)).Errors);
            errors.AddRange(RoleAndTeam.FromIdentity(problems));
        }
        if (errors.Count > 0) return Outcome.Invalid<StaffUserCreated>(errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, request.Password!);
        if (created.Succeeded) created = await users.AddToRoleAsync(user, role!.Value.ToString());
        if (!created.Succeeded)
        {
            // A race with another administrator adding the same email: nothing is kept.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Outcome.Invalid<StaffUserCreated>(RoleAndTeam.FromIdentity(created.Errors).ToList());
        }
        audit.Add(null, "User", user.Id, null);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new StaffUserCreated(user, role!.Value);
    }
}
