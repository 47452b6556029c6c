using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Pathway.Domain.Events;

/// <summary>A person identifier in the HMPPS domain-event shape (<c>{"type": "CRN", "value": "X123456"}</c>).</summary>
public sealed record PersonIdentifier(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] string Value);

public sealed record PersonReference([property: JsonPropertyName("identifiers")] IReadOnlyList<PersonIdentifier> Identifiers);

/// <summary>
/// An outbox event as the HMPPS domain-event schema (<c>hmpps-domain-event.json</c>) lays it out: <c>eventType</c>,
/// <c>version</c>, <c>occurredAt</c>, <c>detailUrl</c>, <c>personReference.identifiers</c> (the case's CRN, when the
/// event is about a case) and <c>additionalInformation</c> (ids only: never names or clinical text).
/// </summary>
public sealed record DomainEventMessage(
    [property: JsonPropertyName("eventType")] string EventType,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("occurredAt")] DateTimeOffset OccurredAt,
    [property: JsonPropertyName("detailUrl")] string? DetailUrl,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("personReference")] PersonReference? PersonReference,
    [property: JsonPropertyName("additionalInformation")] JsonObject AdditionalInformation)
{
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static DomainEventMessage Create(string eventType, int version, DateTimeOffset occurredAt, string? crn, string? detailUrl,
        string? additionalInformationJson) =>
        new(eventType, version, occurredAt, detailUrl, DomainEventTypes.Get(eventType).Notice,
            crn is null ? null : new PersonReference([new PersonIdentifier("CRN", crn)]),
            (string.IsNullOrEmpty(additionalInformationJson) ? null : JsonNode.Parse(additionalInformationJson) as JsonObject) ?? []);

    public string ToJson() => JsonSerializer.Serialize(this, Options);
}
