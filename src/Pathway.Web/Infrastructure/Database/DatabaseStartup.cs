using Microsoft.AspNetCore.Identity;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Security;
using Pathway.Data.Security.Keys;
using Pathway.Data.Seeding;

namespace Pathway.Web.Infrastructure.Database;

/// <summary>Settings for the demo service, bound from <c>Demo</c>.</summary>
public sealed class DemoOptions
{
    /// <summary>Seed the demo service into an empty database at start-up (Development only).</summary>
    public bool SeedOnStartup { get; set; }
}

public static partial class DatabaseStartup
{
    /// <summary>Creates and migrates the database, adds reference data and, in Development, the demo service.</summary>
    public static async Task PreparePathwayDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
        await ReferenceData.MigrateAsync(db);
        var keying = await db.KeyLegacyAuditRowsAsync();
        var startupLog = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Pathway.Audit");
        if (keying == LegacyAuditKeying.Keyed) LogLegacyKeyed(startupLog);
        if (keying == LegacyAuditKeying.Broken) LogLegacyBroken(startupLog);
        await PathwayUserStore.ProtectStoredSecretsAsync(db, app.Services.GetRequiredService<PathwayKeys>());

        var demo = app.Configuration.GetSection("Demo").Get<DemoOptions>() ?? new DemoOptions();
        if (demo.SeedOnStartup && app.Environment.IsDevelopment())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var seeded = await DemoSeed.SeedAsync(db, users, TimeProvider.System);
            var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Pathway.Demo");
            if (seeded) LogSeeded(log);
            LogHowToSignIn(log, DemoSeed.DemoPassword);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-signed the audit trail written before keying under the current audit key, after checking it was intact (docs/adr/0005-audit-chain-keying.md).")]
    private static partial void LogLegacyKeyed(ILogger log);

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit trail written before keying is broken, so it was not re-signed; run `pathway audit verify` to find the row.")]
    private static partial void LogLegacyBroken(ILogger log);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo service (synthetic data only).")]
    private static partial void LogSeeded(ILogger log);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo service: sign in as clinical.lead@pathway.example, psychologist@pathway.example, om.north@pathway.example, spo.north@pathway.example, ppu@pathway.example, ap@pathway.example or admin@pathway.example with the password {Password} (README lists every demo account). Two-factor sign-in is waived for demo accounts in Development only.")]
    private static partial void LogHowToSignIn(ILogger log, string password);
}
