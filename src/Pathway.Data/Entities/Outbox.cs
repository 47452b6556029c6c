namespace Pathway.Data.Entities;

/// <summary>
/// A change that matters to someone else, written in the same transaction as the change (the transactional outbox), in
/// the HMPPS domain-event shape. Its id is also the reference an email carries (GOV.UK Notify's <c>reference</c>), so a
/// delivery repeated after a crash can be recognised. Carries ids only: never names or clinical text.
/// </summary>
public sealed class OutboxEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>From <c>Pathway.Domain.Events.DomainEventTypes</c>, for example <c>pathway.referral.allocated</c>.</summary>
    public required string EventType { get; set; }
    /// <summary>The version of the event's shape (not a row version).</summary>
    public int SchemaVersion { get; set; } = 1;
    public DateTimeOffset OccurredAt { get; set; }
    /// <summary>The case the event is about, if any; <see cref="Crn"/> is its CRN as the event's person reference.</summary>
    public Guid? CaseId { get; set; }
    public string? Crn { get; set; }
    /// <summary>Where in Pathway the work is, as a path (for example <c>/cases/{id}/referral</c>).</summary>
    public required string DetailPath { get; set; }
    /// <summary>Who made the change; null for the scheduled job's reminders.</summary>
    public Guid? ActorId { get; set; }
    /// <summary>The event's <c>additionalInformation</c> as a JSON object: ids of records and people, nothing else.</summary>
    public string AdditionalInformation { get; set; } = "{}";
}

public enum DeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>
/// One channel's delivery of an <see cref="OutboxEvent"/>, written with the event and worked by the dispatcher: claimed
/// when due, delivered at least once, retried with exponential back-off, and failed after the last attempt (an
/// administrator may retry it).
/// </summary>
public sealed class OutboxDelivery
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public OutboxEvent? Event { get; set; }
    /// <summary><c>in-app</c> or <c>email</c> (<c>Pathway.Web.Infrastructure.Outbox.Channels</c>).</summary>
    public required string Channel { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>The last failure's exception type and message, cut short; never case data.</summary>
    public string? LastError { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}
