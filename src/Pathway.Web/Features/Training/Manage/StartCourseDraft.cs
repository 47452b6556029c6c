using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Manage;

/// <summary>
/// Starts a draft of a course's next version as a copy of the current one. There is one draft at a time: asking again,
/// or at the same moment as someone else, answers the draft there is.
/// </summary>
public sealed class StartCourseDraft(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<CourseDraft>> HandleAsync(string slug, Guid startedBy, CancellationToken ct)
    {
        var d = await CourseDraft.LoadAsync(db, slug, ct);
        if (d is null) return Outcome.NotFound<CourseDraft>();
        if (d.Draft is not null) return d;
        if (d.Current is null) return Outcome.NotFound<CourseDraft>();
        var next = await db.CourseVersions.Where(v => v.CourseId == d.Course.Id).MaxAsync(v => v.Number, ct) + 1;
        var draft = new CourseVersion
        {
            CourseId = d.Course.Id, Number = next, Status = CourseVersionStatus.Draft, ContentJson = d.Current.ContentJson,
            CreatedAt = clock.GetUtcNow(), CreatedById = startedBy,
        };
        db.CourseVersions.Add(draft);
        audit.Add(null, "CourseVersion", draft.Id, null, reason: $"version {next} of {slug}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // someone else started the same draft a moment ago: theirs is the draft
        }
        return d;
    }
}
