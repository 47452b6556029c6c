namespace Pathway.Web.Infrastructure.Outbox;

public static class OutboxServices
{
    /// <summary>The outbox: <see cref="DomainEvents"/> for handlers, the dispatcher and its background loop.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<OutboxOptions>().Bind(config.GetSection(OutboxOptions.Section))
            .Validate(o => o.BatchSize > 0 && o.MaxAttempts > 0 && o.Interval > TimeSpan.Zero && o.FirstRetryAfter > TimeSpan.Zero,
                "Outbox: BatchSize and MaxAttempts must be positive, Interval and FirstRetryAfter longer than zero")
            .ValidateOnStart();
        services.AddScoped<DomainEvents>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDispatcherService>();
        services.AddScoped<Features.Admin.Outbox.RetryDelivery>();
        return services;
    }
}
