using System.Text.Json;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Events;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Infrastructure.Outbox;

/// <summary>The channels an event is delivered on; each event gets one delivery row per channel.</summary>
public static class Channels
{
    public const string InApp = "in-app";
    public const string Email = "email";
    public static readonly IReadOnlyList<string> All = [InApp, Email];
}

/// <summary>
/// Raises domain events into the outbox. <see cref="Raise"/> stages the event and its deliveries on the request's
/// DbContext, like <c>AuditLog.Add</c>, so they commit with the handler's one <c>SaveChangesAsync</c> or not at all.
/// The acting person is the signed-in user. <paramref name="additional"/> carries ids only (records and people).
/// </summary>
public sealed class DomainEvents(PathwayDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public OutboxEvent Raise(string eventType, CaseRecord? about, string detailPath, object? additional = null) =>
        Raise(eventType, about?.Id, about?.Crn, detailPath, additional);

    public OutboxEvent Raise(string eventType, Guid? caseId, string? crn, string detailPath, object? additional = null)
    {
        DomainEventTypes.Get(eventType); // an undeclared type is a bug, found on the first run
        var actor = http.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user.ToStaffContext().UserId : (Guid?)null;
        var now = clock.GetUtcNow();
        var e = new OutboxEvent
        {
            EventType = eventType,
            OccurredAt = now,
            CaseId = caseId,
            // The person reference: the CRN of a case this request has loaded, when the caller did not pass it.
            Crn = crn ?? (caseId is { } id ? db.Cases.Local.FirstOrDefault(c => c.Id == id)?.Crn : null),
            DetailPath = detailPath,
            ActorId = actor is { } a && a != Guid.Empty ? a : null,
            AdditionalInformation = JsonSerializer.Serialize(additional ?? new { }, JsonOptions),
        };
        Stage(db, e, now);
        return e;
    }

    /// <summary>Adds an event and a pending delivery per channel to the context, unsaved.</summary>
    public static void Stage(PathwayDbContext db, OutboxEvent e, DateTimeOffset now)
    {
        db.OutboxEvents.Add(e);
        foreach (var channel in Channels.All)
            db.OutboxDeliveries.Add(new OutboxDelivery { EventId = e.Id, Channel = channel, Status = DeliveryStatus.Pending, NextAttemptAt = now });
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
