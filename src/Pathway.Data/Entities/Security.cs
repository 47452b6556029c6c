using Pathway.Domain.Auditing;

namespace Pathway.Data.Entities;

/// <summary>
/// One append-only audit row, chained to the one before by <see cref="Hash"/>. Never updated or deleted;
/// <see cref="PathwayDbContext"/> assigns <see cref="Sequence"/> and the hashes under a lock when it saves.
/// </summary>
public sealed class AuditEvent
{
    public long Sequence { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public Guid? UserId { get; set; }
    public string? Role { get; set; }
    public required string Action { get; set; }
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public Guid? CaseId { get; set; }
    public AuditOutcome Outcome { get; set; }
    public string? Reason { get; set; }
    public string? RequestId { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    /// <summary>The audit key (in the key folder or configuration, never the database) whose HMAC <see cref="Hash"/> is.</summary>
    public string KeyId { get; set; } = "";

    public AuditFields Fields() =>
        new(Sequence, OccurredAt, UserId, Role, Action, EntityType, EntityId, CaseId, Outcome, Reason, RequestId);
}

/// <summary>A personal API token. Only its SHA-256 hash is stored; the token itself is shown once.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public StaffUser? User { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }
    public required string Prefix { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>How the token was made, which decides whether it stands in for a two-factor sign-in.</summary>
    public ApiTokenIssuance IssuedVia { get; set; }

    /// <summary>True when the token was made after the owner proved a second factor, or by an operator on the server.</summary>
    public bool CarriesTwoFactor => IssuedVia is ApiTokenIssuance.TwoFactorSession or ApiTokenIssuance.OperatorCli;

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}

/// <summary>How an API token was made. Stored as text.</summary>
public enum ApiTokenIssuance
{
    /// <summary>Made before Pathway recorded how tokens were made: it may have come from a password-only session, so it is not trusted as two-factor.</summary>
    Unverified = 0,
    /// <summary>Made on the tokens page in a session that used the second factor.</summary>
    TwoFactorSession = 1,
    /// <summary>Made by an operator with the <c>pathway tokens create</c> command on the server.</summary>
    OperatorCli = 2,
    /// <summary>Made in a demo account's session with two-factor waived; honoured in Development only.</summary>
    WaivedDemoSession = 3,
}

/// <summary>Time-limited emergency access to a case outside someone's scope, with a mandatory reason.</summary>
public sealed class BreakGlassGrant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public CaseRecord? Case { get; set; }
    public Guid UserId { get; set; }
    public StaffUser? User { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public Guid? ReviewedById { get; set; }
    public string? ReviewNote { get; set; }
}
