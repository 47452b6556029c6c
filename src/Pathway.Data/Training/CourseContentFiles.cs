using System.Text.Json;
using Pathway.Domain.Training;

namespace Pathway.Data.Training;

/// <summary>
/// Reads the courses shipped with Pathway from <c>Training/Content/&lt;slug&gt;/</c>: a <c>course.json</c> with the structure,
/// questions and questionnaire, and one Markdown file per lesson in <c>lessons/</c>.
/// </summary>
public static class CourseContentFiles
{
    public sealed record ShippedCourse(string Slug, int? RefresherMonths, CourseContent Content);

    public const string FirstCourseSlug = "understanding-personality-disorder";

    private sealed record FileOption(string Key, string Text);
    private sealed record FileQuestion(string Key, string Text, List<FileOption> Options, string Correct, string Feedback);
    private sealed record FileLesson(string Key, string Title, int Minutes);
    private sealed record FileModule(string Key, string Title, List<FileLesson> Lessons, List<FileQuestion> KnowledgeCheck);
    private sealed record FileCourse(string Slug, string Title, string Summary, decimal CpdHours, int PassMarkPercent, int? RefresherMonths,
        List<FileModule> Modules, List<FileQuestion> ItemBank, AttitudeQuestionnaire Attitudes);

    public static ShippedCourse Load(string slug)
    {
        var f = JsonSerializer.Deserialize<FileCourse>(Read($"content/{slug}/course.json"), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"Course {slug} has no course.json.");
        static Question Q(FileQuestion q) => new(q.Key, q.Text, q.Options.Select(o => new QuestionOption(o.Key, o.Text)).ToList(), q.Correct, q.Feedback);
        var content = new CourseContent(f.Title, f.Summary, f.CpdHours, f.PassMarkPercent,
            f.Modules.Select(m => new CourseModule(m.Key, m.Title,
                m.Lessons.Select(l => new Lesson(l.Key, l.Title, l.Minutes, Read($"content/{slug}/lessons/{l.Key}.md"))).ToList(),
                m.KnowledgeCheck.Select(Q).ToList())).ToList(),
            f.ItemBank.Select(Q).ToList(),
            f.Attitudes);
        return new ShippedCourse(f.Slug, f.RefresherMonths, content);
    }

    private static string Read(string name)
    {
        using var stream = typeof(CourseContentFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing embedded course file {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
