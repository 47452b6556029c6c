using Pathway.Data;
using Pathway.Data.Auditing;
using Pathway.Data.Security.Keys;

namespace Pathway.Web.Infrastructure.Auditing;

/// <summary>Settings for anchoring the audit chain, bound from <c>Security:AuditCheckpoints</c>.</summary>
public sealed class AuditCheckpointOptions
{
    public const string Section = "Security:AuditCheckpoints";

    /// <summary>How often the head is signed into the checkpoint store; rows newer than the last checkpoint are not anchored yet.</summary>
    public int IntervalSeconds { get; set; } = 60;
}

/// <summary>
/// Signs the audit chain's head into the checkpoint store periodically and once more at shutdown, so deleting the newest
/// rows is caught by <c>pathway audit verify</c> (docs/adr/0005-audit-chain-keying.md).
/// </summary>
public sealed partial class AuditCheckpointService(
    IServiceScopeFactory scopes, PathwayKeys keys, IAuditCheckpointStore store, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<AuditCheckpointOptions> options, ILogger<AuditCheckpointService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await CheckpointAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await CheckpointAsync(cancellationToken);
    }

    /// <summary>Writes a checkpoint now if the head has moved. Failures are logged, never thrown: the trail itself is in the database.</summary>
    public async Task CheckpointAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
            if (await AuditAnchor.CheckpointAsync(db, keys, store, clock, ct) is { } written) LogWritten(log, written.Sequence);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(log, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Audit checkpoint written at row {Sequence}.")]
    private static partial void LogWritten(ILogger log, long sequence);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write an audit checkpoint.")]
    private static partial void LogFailed(ILogger log, Exception e);
}

public static class AuditCheckpointServiceExtensions
{
    public static IServiceCollection AddAuditCheckpoints(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<AuditCheckpointOptions>().Bind(config.GetSection(AuditCheckpointOptions.Section))
            .Validate(o => o.IntervalSeconds is >= 1 and <= 3600, "Security:AuditCheckpoints:IntervalSeconds must be between 1 and 3600.")
            .ValidateOnStart();
        services.AddSingleton<AuditCheckpointService>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditCheckpointService>());
        return services;
    }
}
