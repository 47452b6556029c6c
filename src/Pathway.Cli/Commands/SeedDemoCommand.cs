using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Seeding;

namespace Pathway.Cli.Commands;

public static class SeedDemoCommand
{
    public static Command Create()
    {
        var cmd = new Command("seed-demo", "Add the synthetic demo service to an empty database.");
        cmd.SetAction(async (_, ct) =>
        {
            await using var sp = CliHost.Build();
            await using var scope = sp.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
            await ReferenceData.MigrateAsync(db, ct);
            var seeded = await DemoSeed.SeedAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>(), TimeProvider.System, ct);
            if (!seeded) return CliHost.Fail("The database already has users or cases; the demo is only added to an empty database.");
            CliConsole.Out.WriteLine($"Demo service added. Demo accounts use the password {DemoSeed.DemoPassword}:");
            foreach (var a in DemoSeed.Accounts) CliConsole.Out.WriteLine($"  {a.Email}\t{a.Role}");
            return 0;
        });
        return cmd;
    }
}
