using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Overview;

/// <summary>The learner's enrolment: new, the one already in progress, or the one a simultaneous request made first.</summary>
public sealed record Enrolled(LearnerCourse Learner, Guid EnrolmentId, bool Created, bool AlreadyInProgress);

/// <summary>
/// Enrols the learner on a course's current version (<see cref="OverviewModel"/> "Start course" and
/// <c>POST /api/v1/training/courses/{slug}/enrolment</c>); an enrolment in progress is answered, not repeated.
/// </summary>
public sealed class EnrolOnCourse(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<Enrolled>> HandleAsync(Guid userId, string slug, CancellationToken ct)
    {
        var lc = await LearnerCourse.LoadAsync(db, userId, slug, ct);
        if (lc is null) return Outcome.NotFound<Enrolled>();
        if (lc.IsEnrolled && !lc.IsCompleted) return new Enrolled(lc, lc.Enrolment!.Id, Created: false, AlreadyInProgress: true);
        if (lc.Course.CurrentVersionId is not { } current) return Outcome.NotFound<Enrolled>();

        var enrolment = new Enrolment
        {
            UserId = userId, CourseId = lc.Course.Id, CourseVersionId = current, Attempt = (lc.Enrolment?.Attempt ?? 0) + 1,
            EnrolledAt = clock.GetUtcNow(),
        };
        db.Enrolments.Add(enrolment);
        audit.Add(AuditActions.Training.Enrol, "Enrolment", enrolment.Id, null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A simultaneous enrolment for the same attempt won: that one stands.
            db.ChangeTracker.Clear();
            var winner = await db.Enrolments.AsNoTracking().Where(e => e.UserId == userId && e.CourseId == lc.Course.Id)
                .OrderByDescending(e => e.Attempt).Select(e => e.Id).FirstAsync(ct);
            return new Enrolled(lc, winner, Created: false, AlreadyInProgress: false);
        }
        return new Enrolled(lc, enrolment.Id, Created: true, AlreadyInProgress: false);
    }
}
