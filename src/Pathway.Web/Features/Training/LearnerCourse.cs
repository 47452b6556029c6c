using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Training;
using Pathway.Domain.Training;

namespace Pathway.Web.Features.Training;

/// <summary>
/// One learner's view of one course: the version they are pinned to (or, before they start, the current published
/// version), their enrolment and what they have done. Every learner page starts here.
/// </summary>
public sealed class LearnerCourse
{
    public required Course Course { get; init; }
    public required CourseVersion CourseVersion { get; init; }
    public required CourseContent Content { get; init; }
    public Enrolment? Enrolment { get; init; }
    public IReadOnlyDictionary<string, CheckAnswer> CheckAnswers { get; init; } = new Dictionary<string, CheckAnswer>();
    public IReadOnlyList<KnowledgeTestAttempt> Attempts { get; init; } = [];
    public IReadOnlySet<TestPhase> AttitudePhases { get; init; } = new HashSet<TestPhase>();
    public bool Evaluated { get; init; }
    public LearnerProgress Progress { get; init; } = null!;

    public bool IsEnrolled => Enrolment is not null;
    public bool IsCompleted => Enrolment?.CompletedAt is not null;
    public KnowledgeTestAttempt? PreTest => Attempts.FirstOrDefault(a => a.Phase == TestPhase.Before);
    public KnowledgeTestAttempt? BestPostTest => Attempts.Where(a => a.Phase == TestPhase.After).OrderByDescending(a => a.Percent).ThenBy(a => a.TakenAt).FirstOrDefault();

    public static async Task<LearnerCourse?> LoadAsync(PathwayDbContext db, Guid userId, string slug, CancellationToken ct, bool track = false)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct);
        if (course is null) return null;
        var enrolments = track ? db.Enrolments : db.Enrolments.AsNoTracking();
        var enrolment = await enrolments.Where(e => e.UserId == userId && e.CourseId == course.Id)
            .OrderByDescending(e => e.Attempt).FirstOrDefaultAsync(ct);
        var versionId = enrolment?.CourseVersionId ?? course.CurrentVersionId;
        if (versionId is null) return null;
        var version = await db.CourseVersions.AsNoTracking().FirstAsync(v => v.Id == versionId, ct);
        var content = CourseDocument.Deserialize(version.ContentJson);

        if (enrolment is null)
            return new LearnerCourse { Course = course, CourseVersion = version, Content = content, Progress = Empty with { SessionRequired = course.RequiresSession } };

        var id = enrolment.Id;
        var lessons = await db.LessonProgress.AsNoTracking().Where(p => p.EnrolmentId == id).Select(p => p.LessonKey).ToListAsync(ct);
        var answers = await db.CheckAnswers.AsNoTracking().Where(a => a.EnrolmentId == id).ToListAsync(ct);
        var attempts = await db.KnowledgeTestAttempts.AsNoTracking().Where(a => a.EnrolmentId == id).OrderBy(a => a.TakenAt).ToListAsync(ct);
        var phases = await db.AttitudeResponses.AsNoTracking().Where(a => a.EnrolmentId == id).Select(a => a.Phase).ToListAsync(ct);
        var evaluated = await db.CourseEvaluations.AsNoTracking().AnyAsync(e => e.EnrolmentId == id, ct);
        var best = attempts.Where(a => a.Phase == TestPhase.After).OrderByDescending(a => a.Percent).FirstOrDefault();
        var attended = course.RequiresSession && await AttendedSessionAsync(db, enrolment, ct);
        return new LearnerCourse
        {
            Course = course, CourseVersion = version, Content = content, Enrolment = enrolment,
            CheckAnswers = answers.ToDictionary(a => a.QuestionKey),
            Attempts = attempts, AttitudePhases = phases.ToHashSet(), Evaluated = evaluated,
            Progress = new LearnerProgress(
                lessons.ToHashSet(), answers.Select(a => a.QuestionKey).ToHashSet(),
                phases.Contains(TestPhase.Before), attempts.Any(a => a.Phase == TestPhase.Before),
                best is null ? null : new TestScore(best.Correct, best.Total, best.Percent, best.Passed),
                phases.Contains(TestPhase.After), course.RequiresSession, attended),
        };
    }

    /// <summary>
    /// Whether the learner was marked present at a session of this course since their previous attempt was completed
    /// (so a refresher needs a new session, but a session attended before starting the e-learning counts).
    /// </summary>
    public static async Task<bool> AttendedSessionAsync(PathwayDbContext db, Enrolment enrolment, CancellationToken ct)
    {
        var since = await db.Enrolments.AsNoTracking()
            .Where(e => e.UserId == enrolment.UserId && e.CourseId == enrolment.CourseId && e.Attempt < enrolment.Attempt && e.CompletedAt != null)
            .OrderByDescending(e => e.Attempt).Select(e => e.CompletedAt).FirstOrDefaultAsync(ct);
        var sessions = db.TrainingSessions.Where(s => s.CourseId == enrolment.CourseId);
        if (since is { } after) sessions = sessions.Where(s => s.StartsAt > after);
        return await db.SessionBookings.AsNoTracking()
            .Where(b => b.UserId == enrolment.UserId && b.Attended == true)
            .Join(sessions, b => b.SessionId, s => s.Id, (b, s) => b.Id)
            .AnyAsync(ct);
    }

    private static readonly LearnerProgress Empty = new(new HashSet<string>(), new HashSet<string>(), false, false, null, false);

    public static string PhaseSlug(TestPhase phase) => phase == TestPhase.Before ? "before" : "after";

    public static TestPhase? ParsePhase(string? slug) => slug switch { "before" => TestPhase.Before, "after" => TestPhase.After, _ => null };

    public string Href(string rest = "") => $"/training/courses/{Course.Slug}{rest}";

    /// <summary>Where "Continue" takes a learner: the next thing they have not done, in course order.</summary>
    public string ResumeHref()
    {
        var p = Progress;
        if (!p.AttitudesBefore) return Href("/attitudes/before");
        if (!p.PreTestTaken) return Href("/tests/before");
        if (Enrolment?.LastLessonKey is { } last && !p.CompletedLessons.Contains(last)) return Href($"/lessons/{last}");
        foreach (var m in Content.Modules)
        {
            if (m.Lessons.FirstOrDefault(l => !p.CompletedLessons.Contains(l.Key)) is { } lesson) return Href($"/lessons/{lesson.Key}");
            if (m.KnowledgeCheck.Any(q => !p.AnsweredCheckQuestions.Contains(q.Key))) return Href($"/checks/{m.Key}");
        }
        if (p.BestPostTest?.Passed != true) return Href("/tests/after");
        if (!p.AttitudesAfter) return Href("/attitudes/after");
        if (p.SessionRequired && !p.AttendedSession) return "/training/sessions";
        return Href();
    }
}
