using Pathway.Data.Entities;
using Pathway.Domain.Auditing;

namespace Pathway.Data;

/// <summary>Builds audit rows. Actions are stable dotted codes such as <c>case.read</c>; docs/audit.md lists them.</summary>
public static class AuditEntries
{
    public static AuditEvent Create(
        DateTimeOffset now, Guid? userId, string? role, string action,
        string? entityType = null, string? entityId = null, Guid? caseId = null,
        AuditOutcome outcome = AuditOutcome.Allowed, string? reason = null, string? requestId = null) =>
        new()
        {
            OccurredAt = now,
            UserId = userId,
            Role = role,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            CaseId = caseId,
            Outcome = outcome,
            Reason = reason,
            RequestId = requestId,
        };
}
