using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Training;
using Pathway.Domain.Staff;
using Pathway.Domain.Statistics;
using Pathway.Domain.Training;

namespace Pathway.Web.Features.Training.Dashboard;

/// <summary>The figures behind the training dashboard: who is trained on which required course, and what the courses achieve.</summary>
public static class TrainingFigures
{
    public sealed record PersonCourse(Guid UserId, string Name, string Team, Guid? TeamId, string Group, Guid CourseId, string Course, CoverageStatus Status, DateOnly? RefresherDue);

    public sealed record Gain(string Course, StatisticsResult<PairedTResult> Knowledge, IReadOnlyList<(string Subscale, StatisticsResult<PairedTResult> Change)> Attitudes);

    public sealed record Feedback(string Course, int N, double Relevance, double Clarity, double Confidence, double Recommend, IReadOnlyList<string> Comments);

    /// <summary>Every (member of staff, course their group requires) with its status today. Disabled accounts are left out.</summary>
    public static async Task<List<PersonCourse>> CoverageAsync(PathwayDbContext db, DateOnly today, CancellationToken ct, IReadOnlyCollection<Guid>? only = null)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.DisabledAt == null).Where(u => only == null || only.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.TeamId, Team = u.Team != null ? u.Team.Name : null }).ToListAsync(ct);
        var roles = (await db.UserRoles.AsNoTracking().Where(ur => only == null || only.Contains(ur.UserId)).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct))
            .Where(x => Enum.TryParse<StaffRole>(x.Name, out _)).ToLookup(x => x.UserId, x => Enum.Parse<StaffRole>(x.Name!));
        var overrides = await db.StaffTrainingGroups.AsNoTracking().Join(db.StaffGroups, o => o.GroupId, g => g.Id, (o, g) => new { o.UserId, g.Key })
            .ToDictionaryAsync(x => x.UserId, x => x.Key, ct);
        var groups = await db.StaffGroups.AsNoTracking().ToDictionaryAsync(g => g.Key, ct);
        var requirements = (await db.StaffGroupRequirements.AsNoTracking().ToListAsync(ct)).ToLookup(r => r.GroupId, r => r.CourseId);
        var courses = await db.Courses.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var enrolments = (await db.Enrolments.AsNoTracking().Where(e => only == null || only.Contains(e.UserId)).Select(e => new { e.UserId, e.CourseId, e.CompletedAt }).ToListAsync(ct))
            .ToLookup(e => (e.UserId, e.CourseId));

        var rows = new List<PersonCourse>();
        foreach (var u in users)
        {
            var userRoles = roles[u.Id].ToList();
            if (userRoles.Count == 0 || userRoles.All(r => r == StaffRole.Administrator)) continue;
            var group = groups[StaffGroups.Resolve(userRoles, overrides.GetValueOrDefault(u.Id))];
            foreach (var courseId in requirements[group.Id])
            {
                var course = courses[courseId];
                var mine = enrolments[(u.Id, courseId)].ToList();
                var last = mine.Where(e => e.CompletedAt != null).Select(e => (DateOnly?)DateOnly.FromDateTime(e.CompletedAt!.Value.UtcDateTime)).Max();
                var open = mine.Any(e => e.CompletedAt == null);
                rows.Add(new PersonCourse(u.Id, u.DisplayName, u.Team ?? "No team", u.TeamId, group.Name, courseId, course.Title,
                    Coverage.StatusOf(last, course.RefresherMonths, open, today), Refresher.DueOn(last, course.RefresherMonths)));
            }
        }
        return rows;
    }

    /// <summary>
    /// Knowledge gain (the test at the start against the first test at the end, so retakes do not inflate it) and the
    /// change in each attitude subscale, among learners with both.
    /// </summary>
    public static async Task<List<Gain>> GainsAsync(PathwayDbContext db, CancellationToken ct)
    {
        var result = new List<Gain>();
        foreach (var course in await db.Courses.AsNoTracking().OrderBy(c => c.Title).ToListAsync(ct))
        {
            var attempts = await db.KnowledgeTestAttempts.AsNoTracking()
                .Join(db.Enrolments.Where(e => e.CourseId == course.Id), a => a.EnrolmentId, e => e.Id, (a, e) => new { a.EnrolmentId, a.Phase, a.Percent, a.TakenAt })
                .ToListAsync(ct);
            var pairs = attempts.GroupBy(a => a.EnrolmentId)
                .Select(g => (Before: g.Where(a => a.Phase == TestPhase.Before).OrderBy(a => a.TakenAt).FirstOrDefault(),
                    After: g.Where(a => a.Phase == TestPhase.After).OrderBy(a => a.TakenAt).FirstOrDefault()))
                .Where(p => p.Before is not null && p.After is not null)
                .Select(p => ((double)p.Before!.Percent, (double)p.After!.Percent)).ToList();

            var responses = await db.AttitudeResponses.AsNoTracking()
                .Join(db.Enrolments.Where(e => e.CourseId == course.Id), a => a.EnrolmentId, e => e.Id, (a, e) => new { a.EnrolmentId, a.Phase, a.ScoresJson })
                .ToListAsync(ct);
            var scores = responses.Select(r => (r.EnrolmentId, r.Phase, Scores: CourseDocument.DeserializeScores(r.ScoresJson))).ToList();
            var subscales = scores.SelectMany(s => s.Scores.Select(x => (x.Subscale, x.Name))).Distinct().ToList();
            var attitudes = subscales.Select(sub =>
            {
                var byEnrolment = scores.GroupBy(s => s.EnrolmentId).Select(g =>
                    (Before: g.FirstOrDefault(s => s.Phase == TestPhase.Before).Scores?.FirstOrDefault(x => x.Subscale == sub.Subscale),
                     After: g.FirstOrDefault(s => s.Phase == TestPhase.After).Scores?.FirstOrDefault(x => x.Subscale == sub.Subscale)))
                    .Where(p => p.Before is not null && p.After is not null)
                    .Select(p => ((double)p.Before!.Mean, (double)p.After!.Mean)).ToList();
                return (sub.Name, PairedT.Test(byEnrolment));
            }).ToList();
            result.Add(new Gain(course.Title, PairedT.Test(pairs), attitudes));
        }
        return result;
    }

    public static async Task<List<Feedback>> FeedbackAsync(PathwayDbContext db, CancellationToken ct)
    {
        var rows = await db.CourseEvaluations.AsNoTracking()
            .Join(db.Enrolments, v => v.EnrolmentId, e => e.Id, (v, e) => new { v, e.CourseId })
            .Join(db.Courses, x => x.CourseId, c => c.Id, (x, c) => new { x.v, c.Title })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.Title).OrderBy(g => g.Key).Select(g => new Feedback(g.Key, g.Count(),
            g.Average(r => r.v.Relevance), g.Average(r => r.v.Clarity), g.Average(r => r.v.Confidence), g.Average(r => r.v.Recommend),
            g.Where(r => !string.IsNullOrWhiteSpace(r.v.Comments)).OrderByDescending(r => r.v.SubmittedAt).Take(10).Select(r => r.v.Comments!).ToList())).ToList();
    }

    /// <summary>The staff in <paramref name="coverage"/> who are trained (<see cref="Domain.Training.Practice.IsTrained"/>).</summary>
    public static HashSet<Guid> Trained(IEnumerable<PersonCourse> coverage) =>
        coverage.GroupBy(r => r.UserId).Where(g => Domain.Training.Practice.IsTrained(g.Select(r => r.Status))).Select(g => g.Key).ToHashSet();

    /// <summary>Which of these staff are trained today, for a case's overview.</summary>
    public static async Task<HashSet<Guid>> TrainedAsync(PathwayDbContext db, IReadOnlyCollection<Guid> staff, DateOnly today, CancellationToken ct) =>
        staff.Count == 0 ? [] : Trained(await CoverageAsync(db, today, ct, staff));

    /// <summary>
    /// For the evaluation: the day each of these staff first held a completion of every course their group requires
    /// (the latest of their first completions). Staff missing a required course are left out; refresher lapses are not
    /// counted, so this is "had completed the training by", not "was in date on".
    /// </summary>
    public static async Task<Dictionary<Guid, DateOnly>> TrainedSinceAsync(PathwayDbContext db, IReadOnlyCollection<Guid> staff, DateOnly today, CancellationToken ct)
    {
        if (staff.Count == 0) return [];
        var required = (await CoverageAsync(db, today, ct, staff)).ToLookup(r => r.UserId, r => r.CourseId);
        var firsts = (await db.Enrolments.AsNoTracking().Where(e => staff.Contains(e.UserId) && e.CompletedAt != null)
                .Select(e => new { e.UserId, e.CourseId, e.CompletedAt }).ToListAsync(ct))
            .GroupBy(e => (e.UserId, e.CourseId)).ToDictionary(g => g.Key, g => DateOnly.FromDateTime(g.Min(e => e.CompletedAt!.Value).UtcDateTime));
        var result = new Dictionary<Guid, DateOnly>();
        foreach (var person in required)
        {
            var dates = person.Select(course => firsts.TryGetValue((person.Key, course), out var d) ? d : (DateOnly?)null).ToList();
            if (dates.Count > 0 && dates.All(d => d is not null)) result[person.Key] = dates.Max()!.Value;
        }
        return result;
    }

    /// <summary>Kirkpatrick level 3, in counts: for each case, whether its offender manager and its AP keyworker are trained.</summary>
    public static async Task<int[,]> PracticeAsync(PathwayDbContext db, IReadOnlyList<PersonCourse> coverage, CancellationToken ct)
    {
        var cases = await db.Cases.AsNoTracking().Select(c => new { c.OffenderManagerId, c.ApKeyworkerId }).ToListAsync(ct);
        return Domain.Training.Practice.Count(cases.Select(c => (c.OffenderManagerId, c.ApKeyworkerId)), Trained(coverage));
    }
}
