using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Training;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Training.Record;

/// <summary>
/// A learner's training record: every enrolment with its version, progress, pre- and post-test scores, completion,
/// CPD hours and certificate, and the sessions attended. Learners see their own; training coordinators anyone's
/// (<c>?user=</c>), which is audited.
/// </summary>
[Audited(AuditActions.Training.RecordRead)]
public sealed class RecordModel(PathwayDbContext db, AuditLog audit) : PageModel
{
    public sealed record Row(string Slug, string Title, int Attempt, int VersionNumber, DateTimeOffset EnrolledAt, int PercentDone,
        int? PreTest, int? PostTest, DateTimeOffset? CompletedAt, decimal CpdHours, string? CertificateNumber);
    public sealed record SessionRow(string Course, DateTimeOffset StartsAt, string Venue, bool? Attended);

    public string Name { get; private set; } = "";
    public bool IsOwn { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];
    public decimal TotalCpd => Rows.Where(r => r.CompletedAt is not null).Sum(r => r.CpdHours);

    public async Task<IActionResult> OnGetAsync(Guid? user, CancellationToken ct)
    {
        var who = User.ToStaffContext();
        var userId = user ?? who.UserId;
        IsOwn = userId == who.UserId;
        if (!IsOwn && !who.IsIn(StaffRole.TrainingCoordinator)) return NotFound();
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        if (name is null) return NotFound();
        Name = name;

        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.UserId == userId)
            .Join(db.Courses, e => e.CourseId, c => c.Id, (e, c) => new { e, c.Slug })
            .Join(db.CourseVersions, x => x.e.CourseVersionId, v => v.Id, (x, v) => new { x.e, x.Slug, v.Number, v.ContentJson })
            .OrderByDescending(x => x.e.EnrolledAt).ToListAsync(ct);
        var ids = enrolments.Select(x => x.e.Id).ToList();
        var attempts = await db.KnowledgeTestAttempts.AsNoTracking().Where(a => ids.Contains(a.EnrolmentId))
            .Select(a => new { a.EnrolmentId, a.Phase, a.Percent }).ToListAsync(ct);
        var certificates = await db.TrainingCertificates.AsNoTracking().Where(c => ids.Contains(c.EnrolmentId))
            .ToDictionaryAsync(c => c.EnrolmentId, c => c.Number, ct);
        var rows = new List<Row>();
        foreach (var x in enrolments)
        {
            var content = CourseDocument.Deserialize(x.ContentJson);
            var lc = await LearnerCourse.LoadAsync(db, userId, x.Slug, ct);
            var percent = x.e.CompletedAt is not null ? 100 : lc?.Enrolment?.Id == x.e.Id ? CompletionRules.PercentDone(lc.Content, lc.Progress) : 0;
            rows.Add(new Row(x.Slug, content.Title, x.e.Attempt, x.Number, x.e.EnrolledAt, percent,
                attempts.FirstOrDefault(a => a.EnrolmentId == x.e.Id && a.Phase == TestPhase.Before)?.Percent,
                attempts.Where(a => a.EnrolmentId == x.e.Id && a.Phase == TestPhase.After).Select(a => (int?)a.Percent).Max(),
                x.e.CompletedAt, content.CpdHours, certificates.GetValueOrDefault(x.e.Id)));
        }
        Rows = rows;
        Sessions = (await db.SessionBookings.AsNoTracking().Where(b => b.UserId == userId && b.Status == BookingStatus.Booked)
            .Join(db.TrainingSessions, b => b.SessionId, s => s.Id, (b, s) => new { b.Attended, s.StartsAt, s.Venue, s.CourseId })
            .Join(db.Courses, x => x.CourseId, c => c.Id, (x, c) => new { x.Attended, x.StartsAt, x.Venue, c.Title })
            .ToListAsync(ct)).OrderByDescending(x => x.StartsAt).Select(x => new SessionRow(x.Title, x.StartsAt, x.Venue, x.Attended)).ToList();
        if (!IsOwn) await audit.ReadAsync("TrainingRecord", userId, null, ct);
        return Page();
    }
}
