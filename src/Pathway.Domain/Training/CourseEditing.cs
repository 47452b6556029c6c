namespace Pathway.Domain.Training;

/// <summary>Edits to a draft course version's content, and the checks a draft must pass before it is published.</summary>
public static class CourseEditing
{
    public const int MaxTitle = 200;
    public const int MaxMarkdown = 30000;
    public const int MaxQuestionText = 1000;

    public static CourseContent ReplaceLesson(CourseContent c, Lesson lesson) => c with
    {
        Modules = c.Modules.Select(m => m with { Lessons = m.Lessons.Select(l => l.Key == lesson.Key ? lesson : l).ToList() }).ToList(),
    };

    public static CourseContent ReplaceQuestion(CourseContent c, Question q) => c with
    {
        Modules = c.Modules.Select(m => m with { KnowledgeCheck = m.KnowledgeCheck.Select(x => x.Key == q.Key ? q : x).ToList() }).ToList(),
        ItemBank = c.ItemBank.Select(x => x.Key == q.Key ? q : x).ToList(),
    };

    /// <summary>Adds an empty lesson at the end of a module, with a key no other lesson in the course has.</summary>
    public static (CourseContent Content, string LessonKey) AddLesson(CourseContent c, string moduleKey)
    {
        var n = 1;
        while (c.Lesson($"new-lesson-{n}") is not null) n++;
        var key = $"new-lesson-{n}";
        var content = c with
        {
            Modules = c.Modules.Select(m => m.Key != moduleKey ? m
                : m with { Lessons = m.Lessons.Append(new Lesson(key, "New lesson", 10, "")).ToList() }).ToList(),
        };
        return (content, key);
    }

    /// <summary>Problems with a lesson as a coordinator typed it, keyed by field.</summary>
    public static Dictionary<string, string> CheckLesson(string? title, string? markdown, int minutes)
    {
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(title)) problems["Title"] = "Enter a lesson title";
        else if (title.Trim().Length > MaxTitle) problems["Title"] = $"Lesson title must be {MaxTitle} characters or fewer";
        if (string.IsNullOrWhiteSpace(markdown)) problems["Markdown"] = "Enter the lesson text";
        else if (markdown.Length > MaxMarkdown) problems["Markdown"] = $"Lesson text must be {MaxMarkdown:N0} characters or fewer";
        if (minutes is < 1 or > 240) problems["Minutes"] = "Minutes must be a whole number between 1 and 240";
        return problems;
    }

    /// <summary>Problems with a question as a coordinator typed it: options are the non-blank ones, in order a, b, c, d.</summary>
    public static Dictionary<string, string> CheckQuestion(string? text, IReadOnlyList<string?> options, string? correct, string? feedback)
    {
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(text)) problems["Text"] = "Enter the question";
        else if (text.Trim().Length > MaxQuestionText) problems["Text"] = $"The question must be {MaxQuestionText:N0} characters or fewer";
        var offered = options.Select((o, i) => (o, Key: OptionKey(i))).Where(x => !string.IsNullOrWhiteSpace(x.o)).ToList();
        if (offered.Count < 2) problems["Options"] = "Enter at least two answers";
        else if (offered.Any(x => x.o!.Trim().Length > 500)) problems["Options"] = "Each answer must be 500 characters or fewer";
        if (string.IsNullOrWhiteSpace(correct)) problems["Correct"] = "Select the correct answer";
        else if (offered.All(x => x.Key != correct)) problems["Correct"] = "The correct answer must be one of the answers you entered";
        if (string.IsNullOrWhiteSpace(feedback)) problems["Feedback"] = "Enter the feedback learners see after answering";
        else if (feedback.Trim().Length > MaxQuestionText) problems["Feedback"] = $"Feedback must be {MaxQuestionText:N0} characters or fewer";
        return problems;
    }

    public static string OptionKey(int index) => ((char)('a' + index)).ToString();

    /// <summary>What stops a draft being published; empty when it may be.</summary>
    public static IReadOnlyList<string> PublishProblems(CourseContent c)
    {
        var problems = new List<string>();
        if (c.PassMarkPercent is < 1 or > 100) problems.Add("The pass mark must be between 1% and 100%");
        if (!c.Lessons.Any()) problems.Add("The course needs at least one lesson");
        foreach (var l in c.Lessons.Where(l => string.IsNullOrWhiteSpace(l.Markdown)))
            problems.Add($"The lesson ‘{l.Title}’ has no text");
        if (c.ItemBank.Count == 0) problems.Add("The knowledge test needs at least one question");
        foreach (var q in c.CheckQuestions.Concat(c.ItemBank).Where(q => q.Options.Count < 2 || !q.Offers(q.CorrectOption)))
            problems.Add($"The question ‘{q.Text}’ needs at least two answers, one of them marked correct");
        if (c.Attitudes.Items.Any(i => c.Attitudes.Subscales.All(s => s.Key != i.Subscale)))
            problems.Add("Every attitude statement must belong to a subscale");
        problems.AddRange(CourseStructure.Problems(c));
        return problems;
    }
}
