using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data;
using Pathway.Data.Auditing;
using Pathway.Data.Security.Keys;
using Pathway.Domain.Auditing;

namespace Pathway.Cli.Commands;

public static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command("verify",
            "Check the audit trail against the audit key (Security:KeyDirectory or Security:AuditKeys) and the latest signed checkpoint. " +
            "Exits 0 if intact, 1 at the first broken or missing row.");
        verify.SetAction(async (_, ct) =>
        {
            await using var sp = CliHost.Build();
            await using var scope = sp.CreateAsyncScope();
            var keys = sp.GetRequiredService<PathwayKeys>();
            if (keys.ExistingAuditRing() is not { } ring)
                return CliHost.Fail($"No audit key: none in Security:AuditKeys and no {PathwayKeys.AuditKeyFile} in {keys.KeyDirectory}. " +
                    "Set Security__KeyDirectory to the folder the app uses.");
            var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
            var result = await VerifyAsync(db, ring, sp.GetRequiredService<IAuditCheckpointStore>(), ct);
            if (result.Intact)
            {
                CliConsole.Out.WriteLine($"Audit trail intact: {result.RowsChecked} rows checked.");
                return 0;
            }
            CliConsole.Error.WriteLine($"Audit trail broken at row {result.FirstBrokenSequence}: {result.Problem}.");
            return 1;
        });

        var rotate = new Command("rotate-key",
            "Make a new current audit key in the key file, keeping the old ones so earlier rows still verify. Restart the app to sign with it.");
        rotate.SetAction((_, _) =>
        {
            using var sp = CliHost.Build();
            var ring = sp.GetRequiredService<PathwayKeys>().Rotate(PathwayKeys.AuditPurpose);
            CliConsole.Out.WriteLine($"Current audit key is now {ring.CurrentId} ({ring.Keys.Count} keys in the ring).");
            return Task.FromResult(0);
        });
        return new Command("audit", "Audit trail tools.") { verify, rotate };
    }

    public static Task<AuditChain.VerifyResult> VerifyAsync(PathwayDbContext db, KeyRing ring, IAuditCheckpointStore checkpoints, CancellationToken ct) =>
        AuditAnchor.VerifyAsync(db, ring, checkpoints, ct);
}
