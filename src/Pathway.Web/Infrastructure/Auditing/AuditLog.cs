using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Infrastructure.Auditing;

/// <summary>
/// Writes audit rows for the current request. <see cref="Add"/> stages a row on the request's DbContext so it is
/// saved in the same transaction as the change it records; <see cref="WriteAsync"/> saves a row on its own (reads,
/// denials). The action defaults to the one the endpoint declares with <see cref="AuditedAttribute"/>.
/// </summary>
public sealed class AuditLog(PathwayDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public string DeclaredAction =>
        http.HttpContext?.GetEndpoint()?.Metadata.GetMetadata<AuditedAttribute>()?.Action
        ?? throw new InvalidOperationException("This endpoint does not declare an audit action.");

    private readonly HashSet<Guid> _cases = [];

    /// <summary>The cases this request has written a row about so far (<see cref="CaseReadAudit"/> reads it).</summary>
    public IReadOnlySet<Guid> CasesRecorded => _cases;

    public void Add(string? action, string? entityType, object? entityId, Guid? caseId,
        AuditOutcome outcome = AuditOutcome.Allowed, string? reason = null, ClaimsPrincipal? asUser = null)
    {
        if (caseId is { } recorded) _cases.Add(recorded);
        var ctx = http.HttpContext;
        var user = asUser ?? ctx?.User;
        var staff = user?.ToStaffContext();
        db.AuditEvents.Add(AuditEntries.Create(
            clock.GetUtcNow(),
            staff is { UserId: var u } && u != Guid.Empty ? u : null,
            user?.PrimaryRole(),
            action ?? DeclaredAction,
            entityType,
            entityId?.ToString(),
            caseId,
            outcome,
            reason,
            Activity.Current?.TraceId.ToString() ?? ctx?.TraceIdentifier));
    }

    public async Task WriteAsync(string? action, string? entityType, object? entityId, Guid? caseId,
        AuditOutcome outcome = AuditOutcome.Allowed, string? reason = null, ClaimsPrincipal? asUser = null, CancellationToken ct = default)
    {
        Add(action, entityType, entityId, caseId, outcome, reason, asUser);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records a read of case data (or a list of it) on its own.</summary>
    public Task ReadAsync(string entityType, object? entityId, Guid? caseId, CancellationToken ct = default) =>
        WriteAsync(null, entityType, entityId, caseId, AuditOutcome.Allowed, null, null, ct);

    /// <summary>Records a refused attempt; the caller then answers 404.</summary>
    public Task DeniedAsync(string entityType, object? entityId, Guid? caseId, CancellationToken ct = default) =>
        WriteAsync(null, entityType, entityId, caseId, AuditOutcome.Denied, null, null, ct);
}
