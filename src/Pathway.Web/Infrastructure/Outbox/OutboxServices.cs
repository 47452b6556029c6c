namespace Pathway.Web.Infrastructure.Outbox;

public static class OutboxServices
{
    /// <summary>The outbox: <see cref="DomainEvents"/> for handlers.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<DomainEvents>();
        return services;
    }
}
