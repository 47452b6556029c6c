using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Training;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Manage;

/// <summary>
/// Publishes a course's draft: freezes it and makes it current for new enrolments only (anyone already enrolled stays
/// on the version they started). Refused while it has problems, or when it moved on since the page was shown.
/// </summary>
public sealed class PublishCourseDraft(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<CourseVersion>> HandleAsync(string slug, int version, Guid publishedBy, CancellationToken ct)
    {
        if (await CourseDraft.LoadAsync(db, slug, ct) is not { } d) return Outcome.NotFound<CourseVersion>();
        if (d.Draft is not { } draft || d.Content is not { } content) return TrainingErrors.Refused<CourseVersion>("There is no draft to publish");
        var errors = new List<FieldError>();
        if (version != draft.Version) errors.Add(new("", CourseDraft.ConflictMessage));
        errors.AddRange(CourseEditing.PublishProblems(content).Select(p => new FieldError("", p)));
        if (errors.Count > 0) return Outcome.Invalid<CourseVersion>(errors);

        draft.Status = CourseVersionStatus.Published;
        draft.PublishedAt = clock.GetUtcNow();
        draft.PublishedById = publishedBy;
        db.Entry(draft).Property(v => v.Version).OriginalValue = version;
        d.Course.CurrentVersionId = draft.Id;
        d.Course.Title = content.Title;
        audit.Add(null, "CourseVersion", draft.Id, null, reason: $"version {draft.Number} of {slug}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict(await db.CourseVersions.AsNoTracking().FirstAsync(v => v.Id == draft.Id, ct));
        }
        return draft;
    }
}
