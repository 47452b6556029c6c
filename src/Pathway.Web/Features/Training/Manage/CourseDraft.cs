using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Training;
using Pathway.Domain.Auditing;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Manage;

/// <summary>A course and its draft version (tracked, for editing), if it has one. Only a draft is ever edited.</summary>
public sealed class CourseDraft
{
    public required Data.Entities.Course Course { get; init; }
    public CourseVersion? Draft { get; init; }
    public CourseContent? Content { get; init; }
    public CourseVersion? Current { get; init; }

    public string Href(string rest = "") => $"/training/manage/courses/{Course.Slug}/draft{rest}";

    public static async Task<CourseDraft?> LoadAsync(PathwayDbContext db, string slug, CancellationToken ct)
    {
        var course = await db.Courses.FirstOrDefaultAsync(c => c.Slug == slug, ct);
        if (course is null) return null;
        var draft = await db.CourseVersions.FirstOrDefaultAsync(v => v.CourseId == course.Id && v.Status == CourseVersionStatus.Draft, ct);
        var current = course.CurrentVersionId is { } id ? await db.CourseVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct) : null;
        return new CourseDraft
        {
            Course = course, Draft = draft, Current = current,
            Content = draft is null ? null : CourseDocument.Deserialize(draft.ContentJson),
        };
    }

    /// <summary>
    /// Saves new content into the draft if the draft is still at <paramref name="readVersion"/>, staging the audit row in
    /// the same save. False when someone else saved first: nothing is written, and the caller says so.
    /// </summary>
    public async Task<bool> TrySaveAsync(PathwayDbContext db, AuditLog audit, int readVersion, CourseContent content, string reason, CancellationToken ct)
    {
        if (Draft is null || Draft.Version != readVersion) return false;
        Draft.ContentJson = CourseDocument.Serialize(content);
        db.Entry(Draft).Property(v => v.Version).OriginalValue = readVersion;
        audit.Add(AuditActions.Training.CourseUpdate, "CourseVersion", Draft.Id, null, reason: reason);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>
    /// Saves <paramref name="content"/> as <see cref="TrySaveAsync"/> does, answering the draft as saved, or as it now
    /// stands (a conflict) when someone else saved first.
    /// </summary>
    public async Task<Outcome<CourseDraft>> SaveAsync(PathwayDbContext db, AuditLog audit, int readVersion, CourseContent content, string reason, CancellationToken ct)
    {
        if (await TrySaveAsync(db, audit, readVersion, content, reason, ct)) return this;
        return Outcome.Conflict((await LoadAsync(db, Course.Slug, ct))!);
    }

    public const string ConflictMessage =
        "Someone else changed this draft while you were editing. Nothing has been saved. Check their changes, then make yours again.";
}
