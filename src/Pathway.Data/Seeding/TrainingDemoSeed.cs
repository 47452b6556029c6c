using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Data.Training;
using Pathway.Domain.Training;

namespace Pathway.Data.Seeding;

/// <summary>
/// Demo learners at different stages of the first course: the AP worker part-way (pre-test done, a lesson in progress),
/// two staff who completed it, one not started. Also used by the synthetic generator to build test results quickly.
/// </summary>
public static class TrainingDemoSeed
{
    public static async Task AddAsync(PathwayDbContext db, IReadOnlyDictionary<string, StaffUser> staff, DateTimeOffset now, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == CourseContentFiles.FirstCourseSlug, ct);
        if (course?.CurrentVersionId is not { } versionId) return;
        var content = CourseDocument.Deserialize((await db.CourseVersions.AsNoTracking().FirstAsync(v => v.Id == versionId, ct)).ContentJson);
        var lessons = content.Lessons.ToList();

        // Jo (approved premises): views and pre-test done, first lesson complete, reading the second.
        var ap = Enrol(db, staff["ap@pathway.example"].Id, course.Id, versionId, now.AddDays(-3));
        ap.LastLessonKey = lessons[1].Key;
        Attitudes(db, content, ap.Id, TestPhase.Before, 2, now.AddDays(-3));
        Test(db, content, ap.Id, TestPhase.Before, 5, now.AddDays(-3));
        db.LessonProgress.Add(new LessonProgress { EnrolmentId = ap.Id, LessonKey = lessons[0].Key, CompletedAt = now.AddDays(-2) });

        // Grace (offender manager) and Sam (PPU): completed, with different gains. Grace and Ben (the other offender
        // manager) trained early, within the refresher period still, so the evaluation can compare their cases' licences
        // with those of the untrained offender manager.
        Completed(db, content, staff["om.north@pathway.example"].Id, course.Id, versionId, now.AddDays(-700), pre: 6, post: 11, before: 3, after: 4);
        Completed(db, content, staff["ap2@pathway.example"].Id, course.Id, versionId, now.AddDays(-35), pre: 5, post: 11, before: 2, after: 4);
        Completed(db, content, staff["ppu@pathway.example"].Id, course.Id, versionId, now.AddDays(-20), pre: 4, post: 9, before: 2, after: 4);

        // Five more colleagues completed it, so the dashboard has enough learners (five or more) to show knowledge gain.
        Completed(db, content, staff["om.south@pathway.example"].Id, course.Id, versionId, now.AddDays(-540), pre: 5, post: 10, before: 2, after: 3);
        Completed(db, content, staff["spo.north@pathway.example"].Id, course.Id, versionId, now.AddDays(-75), pre: 7, post: 10, before: 3, after: 4);
        Completed(db, content, staff["psychologist@pathway.example"].Id, course.Id, versionId, now.AddDays(-60), pre: 9, post: 11, before: 4, after: 5);
        Completed(db, content, staff["clinical.lead@pathway.example"].Id, course.Id, versionId, now.AddDays(-50), pre: 8, post: 12, before: 4, after: 4);
        Completed(db, content, staff["partner@pathway.example"].Id, course.Id, versionId, now.AddDays(-30), pre: 3, post: 9, before: 2, after: 4);
        // Chris (training coordinator) took it when it was first offered, three years ago: the refresher is due in a fortnight.
        Completed(db, content, staff["training@pathway.example"].Id, course.Id, versionId, now.AddMonths(-36).AddDays(14), pre: 7, post: 12, before: 3, after: 5);

        // Kit (training-only account from a partner charity): started, nothing done yet.
        Enrol(db, staff["learner@pathway.example"].Id, course.Id, versionId, now.AddDays(-1));
        AddSessions(db, staff, course.Id, now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Face-to-face sessions: a past one Grace and Sam attended (on the register), one next week Jo has booked, and a
    /// full one with a waiting list.
    /// </summary>
    private static void AddSessions(PathwayDbContext db, IReadOnlyDictionary<string, StaffUser> staff, Guid courseId, DateTimeOffset now)
    {
        var trainer = staff["training@pathway.example"].Id;
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        TrainingSession Session(int days, int capacity, string venue)
        {
            var s = new TrainingSession
            {
                CourseId = courseId, TrainerId = trainer, CreatedById = trainer, Venue = venue, StartsAt = day.AddDays(days).AddHours(9.5),
                EndsAt = day.AddDays(days).AddHours(16), Capacity = capacity, CreatedAt = now.AddDays(-60),
            };
            db.TrainingSessions.Add(s);
            return s;
        }
        void Book(TrainingSession s, string email, bool place, bool? attended = null)
        {
            db.SessionBookings.Add(new SessionBooking
            {
                SessionId = s.Id, UserId = staff[email].Id, Status = place ? BookingStatus.Booked : BookingStatus.Waiting,
                RequestedAt = s.CreatedAt.AddDays(s.BookedCount + 1), BookedAt = place ? s.CreatedAt.AddDays(s.BookedCount + 1) : null,
                Attended = attended, AttendanceMarkedAt = attended is null ? null : s.EndsAt, AttendanceMarkedById = attended is null ? null : trainer,
            });
            if (place) s.BookedCount++;
        }
        var past = Session(-25, 12, "Northfield Probation Office, training room 2");
        Book(past, "om.north@pathway.example", true, attended: true);
        Book(past, "ppu@pathway.example", true, attended: true);
        Book(past, "om.south@pathway.example", true, attended: false);
        var next = Session(7, 12, "Riverside Approved Premises, meeting room");
        Book(next, "ap@pathway.example", true);
        Book(next, "learner@pathway.example", true);
        var full = Session(14, 2, "Eastshire Police HQ, room 104");
        Book(full, "ppu@pathway.example", true);
        Book(full, "spo.north@pathway.example", true);
        Book(full, "om.south@pathway.example", false);
    }

    public static Enrolment Enrol(PathwayDbContext db, Guid userId, Guid courseId, Guid versionId, DateTimeOffset at)
    {
        var e = new Enrolment { UserId = userId, CourseId = courseId, CourseVersionId = versionId, EnrolledAt = at };
        db.Enrolments.Add(e);
        return e;
    }

    /// <summary>A completed enrolment: every lesson and check, both tests and both questionnaires, and an evaluation.</summary>
    public static void Completed(PathwayDbContext db, CourseContent content, Guid userId, Guid courseId, Guid versionId, DateTimeOffset start,
        int pre, int post, int before, int after)
    {
        var e = Enrol(db, userId, courseId, versionId, start);
        Attitudes(db, content, e.Id, TestPhase.Before, before, start);
        Test(db, content, e.Id, TestPhase.Before, pre, start);
        var t = start;
        foreach (var l in content.Lessons)
            db.LessonProgress.Add(new LessonProgress { EnrolmentId = e.Id, LessonKey = l.Key, CompletedAt = t = t.AddHours(2) });
        foreach (var q in content.CheckQuestions)
            db.CheckAnswers.Add(new CheckAnswer { EnrolmentId = e.Id, QuestionKey = q.Key, OptionKey = q.CorrectOption, IsCorrect = true, AnsweredAt = t });
        var end = t.AddHours(1);
        Test(db, content, e.Id, TestPhase.After, post, end);
        Attitudes(db, content, e.Id, TestPhase.After, after, end);
        e.CompletedAt = end;
        db.CourseEvaluations.Add(new CourseEvaluation { EnrolmentId = e.Id, Relevance = 5, Clarity = 4, Confidence = after, Recommend = 5, SubmittedAt = end });
    }

    /// <summary>A test sitting with the first <paramref name="correct"/> items right and the rest wrong.</summary>
    public static KnowledgeTestAttempt Test(PathwayDbContext db, CourseContent content, Guid enrolmentId, TestPhase phase, int correct, DateTimeOffset at)
    {
        var items = content.ItemBank;
        correct = Math.Clamp(correct, 0, items.Count);
        var answers = items.Select((q, i) => (q.Key, Option: i < correct ? q.CorrectOption : q.Options.First(o => o.Key != q.CorrectOption).Key))
            .ToDictionary(x => x.Key, x => (string?)x.Option);
        var score = KnowledgeTestScoring.Score(items, answers, content.PassMarkPercent);
        var a = new KnowledgeTestAttempt
        {
            EnrolmentId = enrolmentId, Phase = phase, Correct = score.Correct, Total = score.Total, Percent = score.Percent, Passed = score.Passed,
            AnswersJson = CourseDocument.SerializeAnswers(answers), TakenAt = at,
        };
        db.KnowledgeTestAttempts.Add(a);
        return a;
    }

    /// <summary>A questionnaire answered at <paramref name="level"/> (1–5) on the helpful side of every item.</summary>
    public static void Attitudes(PathwayDbContext db, CourseContent content, Guid enrolmentId, TestPhase phase, int level, DateTimeOffset at)
    {
        var answers = content.Attitudes.Items.ToDictionary(i => i.Key, i => (int?)(i.Reversed ? 6 - level : level));
        db.AttitudeResponses.Add(new AttitudeResponse
        {
            EnrolmentId = enrolmentId, Phase = phase, TakenAt = at,
            AnswersJson = CourseDocument.SerializeAnswers(answers),
            ScoresJson = CourseDocument.SerializeScores(AttitudeScoring.Score(content.Attitudes, answers)),
        });
    }
}
