using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;

namespace Pathway.Cli.Commands;

public static class UsersCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "Sign-in email address", Required = true };
        var name = new Option<string>("--name") { Description = "Display name", Required = true };
        var role = new Option<string>("--role") { Description = "One of: " + string.Join(", ", Enum.GetNames<StaffRole>()), Required = true };
        var team = new Option<string?>("--team") { Description = "Team name or id" };
        var password = new Option<string?>("--password") { Description = "Initial password; one is generated and printed if omitted" };
        var add = new Command("add", "Add a member of staff.") { email, name, role, team, password };
        add.SetAction(async (pr, ct) =>
        {
            if (!Enum.TryParse<StaffRole>(pr.GetValue(role), ignoreCase: true, out var r) || !Enum.IsDefined(r))
                return CliHost.Fail($"--role must be one of: {string.Join(", ", Enum.GetNames<StaffRole>())}.");
            await using var sp = CliHost.Build();
            await using var scope = sp.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            Team? t = null;
            if (pr.GetValue(team) is { } teamArg)
            {
                t = Guid.TryParse(teamArg, out var tid)
                    ? await db.Teams.FirstOrDefaultAsync(x => x.Id == tid, ct)
                    : await db.Teams.FirstOrDefaultAsync(x => x.Name == teamArg, ct);
                if (t is null) return CliHost.Fail($"No team '{teamArg}'. See: pathway teams list");
            }
            else if (StaffTeamRules.RequiredTeamKind(r) is not null)
            {
                return CliHost.Fail($"A {StaffRoles.DisplayName(r).ToLowerInvariant()} needs --team: their access depends on it.");
            }
            var generated = pr.GetValue(password) is null;
            var pw = pr.GetValue(password) ?? GeneratePassword();
            var user = new StaffUser
            {
                UserName = pr.GetValue(email)!.Trim(), Email = pr.GetValue(email)!.Trim(), EmailConfirmed = true,
                DisplayName = pr.GetValue(name)!.Trim(), TeamId = t?.Id, CreatedAt = DateTimeOffset.UtcNow,
            };
            var created = await users.CreateAsync(user, pw);
            if (!created.Succeeded) return CliHost.Fail(string.Join(Environment.NewLine, created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, r.ToString());
            db.AuditEvents.Add(CliHost.Audit(AuditActions.Cli.UsersCreate, "User", user.Id));
            await db.SaveChangesAsync(ct);
            CliConsole.Out.WriteLine($"Added {user.Email} ({user.Id}) as {StaffRoles.DisplayName(r)}.");
            if (generated) CliConsole.Out.WriteLine($"Initial password: {pw}");
            if (StaffRoles.SeesCaseData(r)) CliConsole.Out.WriteLine("They will set up an authenticator app when they first sign in.");
            return 0;
        });

        var list = new Command("list", "List staff with role, team and status.");
        list.SetAction(async (_, ct) =>
        {
            await using var sp = CliHost.Build();
            await using var scope = sp.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
            var rows = await db.Users.AsNoTracking().OrderBy(u => u.Email)
                .Select(u => new
                {
                    u.Id, u.Email, u.DisplayName, Team = u.Team != null ? u.Team.Name : "",
                    Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, ro => ro.Id, (_, ro) => ro.Name).ToList(),
                    u.DisabledAt, u.TwoFactorEnabled,
                })
                .ToListAsync(ct);
            foreach (var u in rows)
                CliConsole.Out.WriteLine($"{u.Email}\t{u.DisplayName}\t{string.Join(",", u.Roles)}\t{u.Team}\t{(u.DisabledAt is null ? "active" : "disabled")}\t2FA:{(u.TwoFactorEnabled ? "on" : "off")}");
            return 0;
        });

        var disableEmail = new Option<string>("--email") { Description = "The user to disable", Required = true };
        var disable = new Command("disable", "Disable a user: they cannot sign in and their API tokens stop working.") { disableEmail };
        disable.SetAction(async (pr, ct) =>
        {
            await using var sp = CliHost.Build();
            await using var scope = sp.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByEmailAsync(pr.GetValue(disableEmail)!);
            if (user is null) return CliHost.Fail($"No user with email {pr.GetValue(disableEmail)}.");
            user.DisabledAt ??= DateTimeOffset.UtcNow;
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user);
            db.AuditEvents.Add(CliHost.Audit(AuditActions.Cli.UsersDisable, "User", user.Id));
            await db.SaveChangesAsync(ct);
            CliConsole.Out.WriteLine($"Disabled {user.Email}.");
            return 0;
        });
        return new Command("users", "Manage staff accounts.") { add, AddService(), list, disable };
    }

    private static string GeneratePassword()
    {
        const string chars = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var body = new string(Enumerable.Range(0, 16).Select(_ => chars[RandomNumberGenerator.GetInt32(chars.Length)]).ToArray());
        return $"{body}-7a!";
    }

    /// <summary>A service account: another system that calls Pathway with a token, holding one service role and no staff
    /// role, with no password (it cannot sign in to the pages).</summary>
    private static Command AddService()
    {
        var email = new Option<string>("--email") { Description = "An address naming the service account", Required = true };
        var name = new Option<string>("--name") { Description = "Display name, shown in the audit log", Required = true };
        var role = new Option<string>("--role") { Description = "One of: " + string.Join(", ", ServiceRoles.All), Required = true };
        var add = new Command("add-service", "Add a service account for another system (then: pathway tokens create --email ...).") { email, name, role };
        add.SetAction(async (pr, ct) =>
        {
            var r = ServiceRoles.All.FirstOrDefault(x => string.Equals(x, pr.GetValue(role), StringComparison.OrdinalIgnoreCase));
            if (r is null) return CliHost.Fail($"--role must be one of: {string.Join(", ", ServiceRoles.All)}.");
            await using var sp = CliHost.Build();
            await using var scope = sp.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = new StaffUser
            {
                UserName = pr.GetValue(email)!.Trim(), Email = pr.GetValue(email)!.Trim(), EmailConfirmed = true,
                DisplayName = pr.GetValue(name)!.Trim(), CreatedAt = DateTimeOffset.UtcNow,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) return CliHost.Fail(string.Join(Environment.NewLine, created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, r);
            db.AuditEvents.Add(CliHost.Audit(AuditActions.Cli.UsersCreate, "User", user.Id));
            await db.SaveChangesAsync(ct);
            CliConsole.Out.WriteLine($"Added service account {user.Email} ({user.Id}) with role {r}. Make its token with: pathway tokens create --email {user.Email}");
            return 0;
        });
        return add;
    }
}
