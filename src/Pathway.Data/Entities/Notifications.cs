using Pathway.Domain.Events;

namespace Pathway.Data.Entities;

/// <summary>An in-app notice to one person that work now waits for them, from one outbox event. Generic text and a link only.</summary>
public sealed class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RecipientId { get; set; }
    public Guid EventId { get; set; }
    public required string EventType { get; set; }
    public NotificationKind Kind { get; set; }
    /// <summary>The catalogue's sentence for the event type: no names, CRNs or clinical content.</summary>
    public required string Text { get; set; }
    public required string Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    /// <summary>When a daily digest email counted it, so the next digest does not repeat it.</summary>
    public DateTimeOffset? DigestedAt { get; set; }
}

/// <summary>How a person hears about one kind of work beyond the in-app notice.</summary>
public enum NotificationMode
{
    Immediately,
    DailyDigest,
    InAppOnly,
}

/// <summary>A person's choice for one <see cref="NotificationKind"/>; without a row the choice is <see cref="NotificationMode.Immediately"/>.</summary>
public sealed class NotificationPreference
{
    public Guid UserId { get; set; }
    public NotificationKind Kind { get; set; }
    public NotificationMode Mode { get; set; }
}

/// <summary>
/// An email the local sender kept instead of sending (no GOV.UK Notify key configured: development, the demo and tests).
/// Holds what Notify would have been sent: address, template, personalisation and reference (the event id, or the digest's).
/// </summary>
public sealed class SentEmail
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Recipient { get; set; }
    public required string TemplateId { get; set; }
    public required string Personalisation { get; set; }
    public required string Reference { get; set; }
    public Guid? EventId { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

/// <summary>A lease on a scheduled job, so that one app instance runs it at a time and it runs once a day.</summary>
public sealed class JobLease
{
    public required string Name { get; set; }
    public string? Holder { get; set; }
    public DateTimeOffset LeasedUntil { get; set; }
    /// <summary>The last day (UTC) the job finished, so a second instance does not run it again that day.</summary>
    public DateOnly? LastRunOn { get; set; }
}
