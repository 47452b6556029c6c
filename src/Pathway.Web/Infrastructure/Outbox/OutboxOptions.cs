namespace Pathway.Web.Infrastructure.Outbox;

/// <summary>The outbox dispatcher's settings (<c>Outbox:*</c>). Tests turn the background loop off and dispatch by hand.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Whether the background dispatcher runs in this instance.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How long the dispatcher waits when it found nothing to deliver.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Deliveries claimed at a time.</summary>
    public int BatchSize { get; set; } = 20;
    /// <summary>Attempts before a delivery is marked failed (an administrator may retry it).</summary>
    public int MaxAttempts { get; set; } = 6;
    /// <summary>The wait after the first failure; each later failure doubles it.</summary>
    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromSeconds(30);
}
