namespace Pathway.Data.Entities;

/// <summary>
/// The answer to an API create sent with an <c>Idempotency-Key</c>, kept for 24 hours so that a client whose answer was
/// lost can send the same request again and get the same answer instead of a second record. Keys belong to one user.
/// A row with <see cref="StatusCode"/> 0 is a request still being handled.
/// </summary>
/// <remarks>The stored body holds what the create returned (case data): it lives no longer than the retry window.</remarks>
public sealed class IdempotentRequest
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public required string Key { get; set; }
    /// <summary>Method and path, for example <c>POST /api/v1/cases</c>.</summary>
    public required string Request { get; set; }
    /// <summary>SHA-256 of the request body, hex.</summary>
    public required string BodyHash { get; set; }
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[] ResponseBody { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}
