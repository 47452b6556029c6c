namespace Pathway.Domain.Training;

/// <summary>
/// Everything a learner meets in one version of a course: modules of lessons with knowledge checks, the item bank the
/// pre- and post-course tests are drawn from, the attitudes questionnaire with its subscales, and the pass mark.
/// A published version's content never changes (see docs/adr/0004-training-accounts.md); it is stored as one document.
/// </summary>
public sealed record CourseContent(
    string Title,
    string Summary,
    decimal CpdHours,
    int PassMarkPercent,
    IReadOnlyList<CourseModule> Modules,
    IReadOnlyList<Question> ItemBank,
    AttitudeQuestionnaire Attitudes)
{
    public IEnumerable<Lesson> Lessons => Modules.SelectMany(m => m.Lessons);

    public IEnumerable<Question> CheckQuestions => Modules.SelectMany(m => m.KnowledgeCheck);

    public CourseModule? ModuleOf(string lessonKey) => Modules.FirstOrDefault(m => m.Lessons.Any(l => l.Key == lessonKey));

    public Lesson? Lesson(string key) => Lessons.FirstOrDefault(l => l.Key == key);

    public CourseModule? Module(string key) => Modules.FirstOrDefault(m => m.Key == key);

    /// <summary>A question wherever it lives: a knowledge check or the item bank.</summary>
    public Question? Question(string key) => CheckQuestions.Concat(ItemBank).FirstOrDefault(q => q.Key == key);
}

public sealed record CourseModule(string Key, string Title, IReadOnlyList<Lesson> Lessons, IReadOnlyList<Question> KnowledgeCheck);

/// <summary>A lesson: Markdown written for Pathway, rendered without raw HTML.</summary>
public sealed record Lesson(string Key, string Title, int Minutes, string Markdown);

/// <summary>A single-answer question with its options, the correct one and feedback shown after answering.</summary>
public sealed record Question(string Key, string Text, IReadOnlyList<QuestionOption> Options, string CorrectOption, string Feedback)
{
    public bool Offers(string? option) => option is not null && Options.Any(o => o.Key == option);
}

public sealed record QuestionOption(string Key, string Text);

/// <summary>Agreement items on a 5-point scale, grouped into subscales defined as data.</summary>
public sealed record AttitudeQuestionnaire(IReadOnlyList<AttitudeSubscale> Subscales, IReadOnlyList<AttitudeItem> Items);

public sealed record AttitudeSubscale(string Key, string Name, string Description);

/// <summary>An attitude statement. A reversed item is worded so that agreeing shows the less helpful attitude.</summary>
public sealed record AttitudeItem(string Key, string Text, string Subscale, bool Reversed);

/// <summary>The knowledge test and attitudes questionnaire are taken twice: at the start of a course and at its end.</summary>
public enum TestPhase
{
    Before,
    After,
}

/// <summary>Whether a course version can still be edited.</summary>
public enum CourseVersionStatus
{
    Draft,
    Published,
}
