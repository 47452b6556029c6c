using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data;
using Pathway.Data.Security;
using Pathway.Data.Security.Keys;
using Pathway.Data.Seeding;

namespace Pathway.Cli.Commands;

public static class MigrateCommand
{
    public static Command Create()
    {
        var cmd = new Command("migrate", "Create or upgrade the database and add reference data.");
        cmd.SetAction(async (_, ct) =>
        {
            await using var sp = CliHost.Build();
            await using var scope = sp.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
            await ReferenceData.MigrateAsync(db, ct);
            if (await db.KeyLegacyAuditRowsAsync(ct) == LegacyAuditKeying.Broken)
                return CliHost.Fail("The audit trail written before keying is broken, so it was not re-signed: run `pathway audit verify`.");
            await PathwayUserStore.ProtectStoredSecretsAsync(db, sp.GetRequiredService<PathwayKeys>(), ct);
            CliConsole.Out.WriteLine("Database is up to date.");
            return 0;
        });
        return cmd;
    }
}
