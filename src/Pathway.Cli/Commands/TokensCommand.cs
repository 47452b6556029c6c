using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Security;
using Pathway.Domain.Auditing;

namespace Pathway.Cli.Commands;

public static class TokensCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The user the token acts as", Required = true };
        var days = new Option<int>("--days") { Description = "Days until it expires (1–365)", DefaultValueFactory = _ => 90 };
        var name = new Option<string>("--name") { Description = "What the token is for", DefaultValueFactory = _ => "Created with the CLI" };
        var create = new Command("create", "Create a personal API token and print it (only the token, once).") { email, days, name };
        create.SetAction(async (pr, ct) =>
        {
            var d = pr.GetValue(days);
            if (d is < 1 or > 365) return CliHost.Fail("--days must be between 1 and 365.");
            await using var sp = CliHost.Build();
            await using var scope = sp.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByEmailAsync(pr.GetValue(email)!);
            if (user is null || user.DisabledAt is not null) return CliHost.Fail($"No active user with email {pr.GetValue(email)}.");
            var record = ApiTokens.Issue(db, user.Id, pr.GetValue(name)!, DateTimeOffset.UtcNow, d, ApiTokenIssuance.OperatorCli, out var plain);
            db.AuditEvents.Add(CliHost.Audit(AuditActions.Cli.TokensCreate, "ApiToken", record.Id));
            await db.SaveChangesAsync(ct);
            CliConsole.Out.WriteLine(plain);
            return 0;
        });
        return new Command("tokens", "Manage API tokens.") { create };
    }
}
