namespace Pathway.Domain.Training;

/// <summary>What a learner has done on their enrolment's course version.</summary>
public sealed record LearnerProgress(
    IReadOnlySet<string> CompletedLessons,
    IReadOnlySet<string> AnsweredCheckQuestions,
    bool AttitudesBefore,
    bool PreTestTaken,
    TestScore? BestPostTest,
    bool AttitudesAfter,
    bool SessionRequired = false,
    bool AttendedSession = false);

/// <summary>The order of a course and the rule for completing it. Completion is refused with a list of what is missing.</summary>
public static class CompletionRules
{
    public static IReadOnlyList<string> Missing(CourseContent course, LearnerProgress p)
    {
        var missing = new List<string>();
        if (!p.AttitudesBefore) missing.Add("Answer the attitudes questionnaire at the start of the course");
        if (!p.PreTestTaken) missing.Add("Take the knowledge test at the start of the course");
        foreach (var m in course.Modules)
        {
            var lessons = m.Lessons.Where(l => !p.CompletedLessons.Contains(l.Key)).ToList();
            if (lessons.Count > 0)
                missing.Add($"{m.Title}: complete {(lessons.Count == 1 ? "the lesson" : $"{lessons.Count} lessons")} " +
                    string.Join(", ", lessons.Select(l => $"‘{l.Title}’")));
            if (m.KnowledgeCheck.Any(q => !p.AnsweredCheckQuestions.Contains(q.Key)))
                missing.Add($"{m.Title}: answer the knowledge check");
        }
        if (p.BestPostTest is null) missing.Add($"Pass the knowledge test at the end of the course (pass mark {course.PassMarkPercent}%)");
        else if (!p.BestPostTest.Passed)
            missing.Add($"Pass the knowledge test at the end of the course: your best score is {p.BestPostTest.Percent}% and the pass mark is {course.PassMarkPercent}%");
        if (!p.AttitudesAfter) missing.Add("Answer the attitudes questionnaire at the end of the course");
        if (p.SessionRequired && !p.AttendedSession)
            missing.Add("Attend a face-to-face session: this is a blended course, so the e-learning alone does not complete it");
        return missing;
    }

    /// <summary>The post-course test opens once the pre-test is taken and every lesson and knowledge check is done.</summary>
    public static bool PostTestOpen(CourseContent course, LearnerProgress p) =>
        p.PreTestTaken && course.Lessons.All(l => p.CompletedLessons.Contains(l.Key))
        && course.CheckQuestions.All(q => p.AnsweredCheckQuestions.Contains(q.Key));

    /// <summary>The first lesson not yet completed, for "resume"; null when every lesson is done.</summary>
    public static Lesson? NextLesson(CourseContent course, LearnerProgress p) =>
        course.Lessons.FirstOrDefault(l => !p.CompletedLessons.Contains(l.Key));

    public static int PercentDone(CourseContent course, LearnerProgress p)
    {
        var steps = 2 + course.Lessons.Count() + course.Modules.Count(m => m.KnowledgeCheck.Count > 0) + 2 + (p.SessionRequired ? 1 : 0);
        var done = (p.AttitudesBefore ? 1 : 0) + (p.PreTestTaken ? 1 : 0)
            + course.Lessons.Count(l => p.CompletedLessons.Contains(l.Key))
            + course.Modules.Count(m => m.KnowledgeCheck.Count > 0 && m.KnowledgeCheck.All(q => p.AnsweredCheckQuestions.Contains(q.Key)))
            + (p.BestPostTest?.Passed == true ? 1 : 0) + (p.AttitudesAfter ? 1 : 0) + (p.SessionRequired && p.AttendedSession ? 1 : 0);
        return done * 100 / steps;
    }
}

/// <summary>When a completed course must be taken again.</summary>
public static class Refresher
{
    public static DateOnly? DueOn(DateOnly? completedOn, int? intervalMonths) =>
        completedOn is { } d && intervalMonths is > 0 ? d.AddMonths(intervalMonths.Value) : null;

    public static bool IsDue(DateOnly? completedOn, int? intervalMonths, DateOnly today) =>
        completedOn is null || (DueOn(completedOn, intervalMonths) is { } due && due <= today);
}
