using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Security;
using Pathway.Data.Security.Keys;

namespace Pathway.Cli;

/// <summary>The CLI's services: the same database and Identity settings as the web app.</summary>
public static class CliHost
{
    public static ServiceProvider Build()
    {
        var config = new ConfigurationBuilder().AddEnvironmentVariables()
            .AddInMemoryCollection(CliConsole.Settings?.Select(s => KeyValuePair.Create(s.Key.Replace("__", ":", StringComparison.Ordinal), (string?)s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddPathwayDatabase(DatabaseOptions.From(config));
        services.AddPathwayKeys(config);
        services.AddPathwayIdentityCore();
        // Identity's token providers need data protection; share the web app's keys so tokens made here work there.
        services.AddPathwayDataProtection(config);
        return services.BuildServiceProvider();
    }

    /// <summary>An audit row for something done at the command line (no signed-in user; the role is "Cli").</summary>
    public static AuditEvent Audit(string action, string? entityType = null, object? entityId = null, Guid? caseId = null) =>
        AuditEntries.Create(DateTimeOffset.UtcNow, null, "Cli", action, entityType, entityId?.ToString(), caseId);

    public static int Fail(string message)
    {
        CliConsole.Error.WriteLine(message);
        return 1;
    }
}
