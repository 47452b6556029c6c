using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Recall;

/// <summary>
/// What every change to a recall consideration shares: finding the record under the case, the version the person read,
/// the read-only rule once decided, and saving the change with its audit row in one <c>SaveChanges</c> (both commit or
/// neither does). A change that loses a race is a conflict with the record as saved now.
/// </summary>
internal static class RecallChange
{
    public const int TextMax = 4000;
    public const int ReasonMax = 2000;
    public const string SendVersion = "Send the version of the recall consideration you read";

    public static Outcome<RecallConsideration> Invalid(string field, string message) => Outcome.Invalid<RecallConsideration>([new(field, message)]);

    /// <summary>The record, tracked for a change; null (with a denied audit row) when the case has no such record.</summary>
    public static Task<RecallConsideration?> FindAsync(PathwayDbContext db, AuditLog audit, Guid caseId, Guid considerationId, CancellationToken ct) =>
        CaseRecordLookup.FindAsync(db.RecallConsiderations, audit, caseId, considerationId, ct);

    public static Task<RecallConsideration> CurrentAsync(PathwayDbContext db, Guid considerationId, CancellationToken ct) =>
        db.RecallConsiderations.AsNoTracking().FirstAsync(x => x.Id == considerationId, ct);

    /// <summary>A step may change only while the record is undecided, and only from the version the person read.</summary>
    public static async Task<Outcome<RecallConsideration>?> GuardAsync(PathwayDbContext db, RecallConsideration r, int? version, CancellationToken ct)
    {
        if (version is null) return Invalid("Version", SendVersion);
        if (r.Status is RecallConsiderationStatus.AwaitingCountersignature or RecallConsiderationStatus.Decided)
            return Invalid("Status", "A decision has been recorded; the record is read-only");
        return version != r.Version ? Outcome.Conflict(await CurrentAsync(db, r.Id, ct)) : null;
    }

    public static void Text(string? value, string field, string missing, int max, List<FieldError> errors)
    {
        var v = value?.Trim() ?? "";
        if (v.Length == 0) errors.Add(new(field, missing));
        else if (v.Length > max) errors.Add(new(field, $"This must be {max} characters or fewer"));
    }

    /// <summary>Saves the change from the version read, with its audit row when <paramref name="action"/> is given (one may already be staged).</summary>
    public static async Task<Outcome<RecallConsideration>> SaveAsync(PathwayDbContext db, AuditLog audit, RecallConsideration r, int version,
        string? action, string? reason, CancellationToken ct)
    {
        var entry = db.Entry(r);
        entry.Property(x => x.Version).OriginalValue = version;
        // Owned rows alone would not mark the record modified, and the version must move on every change.
        entry.Property(x => x.UpdatedAt).IsModified = true;
        if (action is not null) audit.Add(action, nameof(RecallConsideration), r.Id, r.CaseId, reason: reason);
        try
        {
            await db.SaveChangesAsync(ct);
            return r;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict(await CurrentAsync(db, r.Id, ct));
        }
    }
}
