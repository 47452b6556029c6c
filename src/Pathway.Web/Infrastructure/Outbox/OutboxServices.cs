namespace Pathway.Web.Infrastructure.Outbox;

public static class OutboxServices
{
    /// <summary>The outbox: <see cref="DomainEvents"/> for handlers, the dispatcher and its background loop, the channels.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<OutboxOptions>().Bind(config.GetSection(OutboxOptions.Section))
            .Validate(o => o.BatchSize > 0 && o.MaxAttempts > 0 && o.Interval > TimeSpan.Zero && o.FirstRetryAfter > TimeSpan.Zero,
                "Outbox: BatchSize and MaxAttempts must be positive, Interval and FirstRetryAfter longer than zero")
            .ValidateOnStart();
        services.AddScoped<DomainEvents>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDispatcherService>();
        services.AddSingleton<DailyReminders>();
        services.AddHostedService<DailyRemindersService>();
        services.AddScoped<Features.Admin.Outbox.RetryDelivery>();
        // Channels: in-app notices, and email through GOV.UK Notify (or kept locally when no key is configured).
        services.AddOptions<NotifyOptions>().Bind(config.GetSection(NotifyOptions.Section))
            .Validate(o => o.IsUsable(), "Notify: with ApiKey set, the key must be a GOV.UK Notify API key (name-serviceId-secret), "
                + "Templates:Notification and Templates:Digest Notify template ids (UUIDs), and ApiUrl an http(s) address")
            .ValidateOnStart();
        if (string.IsNullOrWhiteSpace(config[$"{NotifyOptions.Section}:ApiKey"])) services.AddSingleton<IEmailSender, LocalEmailSender>();
        else services.AddSingleton<IEmailSender, NotifyEmailSender>();
        services.AddSingleton<IDeliveryChannel, InAppChannel>();
        services.AddSingleton<IDeliveryChannel, EmailChannel>();
        services.AddScoped<Features.Notifications.MarkNotificationsRead>();
        services.AddScoped<Features.Notifications.SaveNotificationPreferences>();
        return services;
    }
}
