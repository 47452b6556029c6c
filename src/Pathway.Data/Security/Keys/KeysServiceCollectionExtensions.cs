using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Pathway.Data.Auditing;

namespace Pathway.Data.Security.Keys;

public static class KeysServiceCollectionExtensions
{
    /// <summary>
    /// The keys kept outside the database and the audit checkpoint store, for the app and the CLI alike so both find the
    /// same files by the same settings. Register another <see cref="IAuditCheckpointStore"/> first to anchor elsewhere.
    /// </summary>
    public static IServiceCollection AddPathwayKeys(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(sp => new PathwayKeys(config, sp.GetRequiredService<ILogger<PathwayKeys>>()));
        services.TryAddSingleton<IAuditCheckpointStore, FileAuditCheckpointStore>();
        return services;
    }
}
