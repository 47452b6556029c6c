using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Assessments;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Assessments;

/// <summary>
/// What the assessment handlers share: the lifecycle's refusal, copying a locked version to a new draft, and saving with
/// the version check. A handler's outcome is the version it saved (a different id from the one asked about when a new
/// version was started), invalid (field errors, or a refusal from <see cref="AssessmentLifecycle"/> under
/// <see cref="NotAllowedField"/>), or a conflict with the version as saved now.
/// </summary>
public static class AssessmentChanges
{
    /// <summary>The field a lifecycle refusal is reported under: the assessment's status (and who you are) does not allow it now.</summary>
    public const string NotAllowedField = "Status";

    public static Outcome<Assessment> NotAllowed(string reason) => Outcome.Invalid<Assessment>([new FieldError(NotAllowedField, reason)]);

    /// <summary>The refusal, when the outcome is one (the page shows it above the form, the API answers 409).</summary>
    public static string? Refusal(this Outcome<Assessment> outcome) =>
        outcome is Outcome<Assessment>.Invalid { Errors: [{ Field: NotAllowedField } only] } ? only.Message : null;

    /// <summary>The version to change, tracked, with its content; null (and a denied row) when it is not on the case.</summary>
    public static Task<Assessment?> FindAsync(PathwayDbContext db, Infrastructure.Auditing.AuditLog audit, Guid caseId, Guid assessmentId, CancellationToken ct) =>
        AssessmentLookup.FindAsync(db.Assessments.WithContent(), audit, caseId, assessmentId, ct);

    /// <summary>
    /// The version a lifecycle step (submit, return, countersign, start a new version) works on: done with the version,
    /// tracked, when it is on the case and was read at the version it is now; otherwise the outcome the step ends with —
    /// not found (with a denied row), invalid (unreadable input), or a conflict with the version as saved now.
    /// </summary>
    public static async Task<Outcome<Assessment>> FindForStepAsync(
        PathwayDbContext db, Infrastructure.Auditing.AuditLog audit, CaseContext c, Guid assessmentId, int version, IReadOnlyList<FieldError> unreadable,
        CancellationToken ct)
    {
        var a = await FindAsync(db, audit, c.Id, assessmentId, ct);
        if (a is null) return Outcome.NotFound<Assessment>();
        if (unreadable.Count > 0) return Outcome.Invalid<Assessment>(unreadable);
        if (version != a.Version) return Outcome.Conflict(a);
        return a;
    }

    public static Task<bool> HasNewerAsync(PathwayDbContext db, Assessment a, CancellationToken ct) =>
        db.Assessments.AnyAsync(x => x.SeriesId == a.SeriesId && x.VersionNumber > a.VersionNumber, ct);

    /// <summary>Saves the staged change and its audit row; a concurrent save of this version, or a concurrent new version of the same series (unique number), is a conflict.</summary>
    public static async Task<Outcome<Assessment>> SaveAsync(PathwayDbContext db, Assessment target, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return target;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Assessments.AsNoTracking()
                .Where(x => x.Id == target.Id || (x.SeriesId == target.SeriesId && x.VersionNumber == target.VersionNumber - 1))
                .OrderByDescending(x => x.VersionNumber).FirstOrDefaultAsync(ct);
            return current is null ? Outcome.NotFound<Assessment>() : Outcome.Conflict(current);
        }
    }

    /// <summary>Stages a new draft version copied from a locked one (fields, needs, OGRS3 and withheld information), authored by <paramref name="who"/>.</summary>
    public static async Task<Assessment> CopyToNewVersionAsync(PathwayDbContext db, Assessment locked, StaffContext who, DateTimeOffset now, CancellationToken ct)
    {
        var next = new Assessment
        {
            CaseId = locked.CaseId, SeriesId = locked.SeriesId, VersionNumber = locked.VersionNumber + 1, Status = AssessmentStatus.Draft,
            AssessmentDate = locked.AssessmentDate, AuthorId = who.UserId, Ogrs3ScoreId = locked.Ogrs3ScoreId, CreatedAt = now,
        };
        next.Fields.AddRange(locked.Fields.Select(f => new AssessmentField { AssessmentId = next.Id, Key = f.Key, Text = f.Text }));
        next.Needs.AddRange(locked.Needs.Select(n => new AssessmentNeed { AssessmentId = next.Id, Area = n.Area, Priority = n.Priority, Detail = n.Detail }));
        db.Assessments.Add(next);
        var withheld = await AssessmentLookup.WithheldAsync(db, locked.Id, ct);
        if (withheld is not null) db.AssessmentWithheldInformation.Add(new AssessmentWithheldInformation { AssessmentId = next.Id, Text = withheld });
        return next;
    }
}
