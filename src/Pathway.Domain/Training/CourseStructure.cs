namespace Pathway.Domain.Training;

/// <summary>
/// Structural edits to a draft's content: modules, lessons and questions added, removed and reordered; the pass mark;
/// the attitudes questionnaire's subscales and statements. Each returns new content (the draft's document is replaced
/// whole) or a message saying why the edit is refused. Keys, once given, never change, so answers already stored
/// against an older version still name the same thing.
/// </summary>
public static class CourseStructure
{
    public sealed record Edit(CourseContent? Content, string? Error, string? NewKey = null)
    {
        public static Edit Refused(string why) => new(null, why);
    }

    public const int MaxAttitudeText = 500;
    public const int MaxSubscaleDescription = 1000;

    // Modules

    public static Edit AddModule(CourseContent c)
    {
        var key = FreshKey("new-module", k => c.Module(k) is not null);
        return new(c with { Modules = c.Modules.Append(new CourseModule(key, "New module", [], [])).ToList() }, null, key);
    }

    public static Edit RenameModule(CourseContent c, string moduleKey, string title) =>
        c.Module(moduleKey) is null ? Edit.Refused("That module is not in the draft")
        : new(c with { Modules = c.Modules.Select(m => m.Key == moduleKey ? m with { Title = title.Trim() } : m).ToList() }, null);

    public static Edit RemoveModule(CourseContent c, string moduleKey)
    {
        if (c.Module(moduleKey) is null) return Edit.Refused("That module is not in the draft");
        if (c.Modules.Count == 1) return Edit.Refused("A course needs at least one module: add another before removing this one");
        return new(c with { Modules = c.Modules.Where(m => m.Key != moduleKey).ToList() }, null);
    }

    public static Edit MoveModule(CourseContent c, string moduleKey, int by)
    {
        var moved = Move(c.Modules, m => m.Key == moduleKey, by);
        return moved is null ? Edit.Refused("That module cannot move further") : new(c with { Modules = moved }, null);
    }

    public static Dictionary<string, string> CheckModuleTitle(string? title)
    {
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(title)) problems["Title"] = "Enter a module title";
        else if (title.Trim().Length > CourseEditing.MaxTitle) problems["Title"] = $"Module title must be {CourseEditing.MaxTitle} characters or fewer";
        return problems;
    }

    // Lessons

    public static Edit RemoveLesson(CourseContent c, string lessonKey) =>
        c.ModuleOf(lessonKey) is null ? Edit.Refused("That lesson is not in the draft")
        : new(c with { Modules = c.Modules.Select(m => m with { Lessons = m.Lessons.Where(l => l.Key != lessonKey).ToList() }).ToList() }, null);

    /// <summary>Moves a lesson up or down within its module.</summary>
    public static Edit MoveLesson(CourseContent c, string lessonKey, int by)
    {
        if (c.ModuleOf(lessonKey) is not { } module) return Edit.Refused("That lesson is not in the draft");
        var moved = Move(module.Lessons, l => l.Key == lessonKey, by);
        return moved is null ? Edit.Refused("That lesson cannot move further")
            : new(c with { Modules = c.Modules.Select(m => m.Key == module.Key ? m with { Lessons = moved } : m).ToList() }, null);
    }

    // Questions

    /// <summary>Adds a blank question to a module's knowledge check, or to the knowledge-test item bank when <paramref name="moduleKey"/> is null.</summary>
    public static Edit AddQuestion(CourseContent c, string? moduleKey)
    {
        if (moduleKey is not null && c.Module(moduleKey) is null) return Edit.Refused("That module is not in the draft");
        var key = FreshKey("new-question", k => c.Question(k) is not null);
        var blank = new Question(key, "", [new("a", ""), new("b", "")], "a", "");
        return moduleKey is null
            ? new(c with { ItemBank = c.ItemBank.Append(blank).ToList() }, null, key)
            : new(c with { Modules = c.Modules.Select(m => m.Key == moduleKey ? m with { KnowledgeCheck = m.KnowledgeCheck.Append(blank).ToList() } : m).ToList() }, null, key);
    }

    public static Edit RemoveQuestion(CourseContent c, string questionKey)
    {
        if (c.Question(questionKey) is null) return Edit.Refused("That question is not in the draft");
        if (c.ItemBank.Count == 1 && c.ItemBank[0].Key == questionKey)
            return Edit.Refused("The knowledge test needs at least one question: add another before removing this one");
        return new(c with
        {
            Modules = c.Modules.Select(m => m with { KnowledgeCheck = m.KnowledgeCheck.Where(q => q.Key != questionKey).ToList() }).ToList(),
            ItemBank = c.ItemBank.Where(q => q.Key != questionKey).ToList(),
        }, null);
    }

    // Pass mark

    /// <summary>The pass mark as typed: a whole percentage from 1 to 100.</summary>
    public static (int? Percent, string? Error) ParsePassMark(string? typed)
    {
        var t = typed?.Trim().TrimEnd('%').Trim();
        if (string.IsNullOrEmpty(t)) return (null, "Enter the pass mark");
        if (!int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            return (null, "Enter the pass mark as a whole number, for example 70");
        return n is < 1 or > 100 ? (null, "The pass mark must be between 1% and 100%") : (n, null);
    }

    public static CourseContent SetPassMark(CourseContent c, int percent) => c with { PassMarkPercent = percent };

    // Attitudes

    public static Edit AddSubscale(CourseContent c)
    {
        var key = FreshKey("new-subscale", k => c.Attitudes.Subscales.Any(s => s.Key == k));
        return new(c with { Attitudes = c.Attitudes with { Subscales = c.Attitudes.Subscales.Append(new AttitudeSubscale(key, "New subscale", "")).ToList() } }, null, key);
    }

    public static Edit ReplaceSubscale(CourseContent c, AttitudeSubscale s) =>
        c.Attitudes.Subscales.All(x => x.Key != s.Key) ? Edit.Refused("That subscale is not in the draft")
        : new(c with { Attitudes = c.Attitudes with { Subscales = c.Attitudes.Subscales.Select(x => x.Key == s.Key ? s : x).ToList() } }, null);

    public static Edit RemoveSubscale(CourseContent c, string key)
    {
        if (c.Attitudes.Subscales.All(x => x.Key != key)) return Edit.Refused("That subscale is not in the draft");
        var used = c.Attitudes.Items.Count(i => i.Subscale == key);
        if (used > 0) return Edit.Refused($"{used} {(used == 1 ? "statement belongs" : "statements belong")} to this subscale: move or remove {(used == 1 ? "it" : "them")} first");
        return new(c with { Attitudes = c.Attitudes with { Subscales = c.Attitudes.Subscales.Where(x => x.Key != key).ToList() } }, null);
    }

    public static Dictionary<string, string> CheckSubscale(string? name, string? description)
    {
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(name)) problems["Name"] = "Enter the subscale's name";
        else if (name.Trim().Length > CourseEditing.MaxTitle) problems["Name"] = $"The name must be {CourseEditing.MaxTitle} characters or fewer";
        if (description?.Trim().Length > MaxSubscaleDescription) problems["Description"] = $"The description must be {MaxSubscaleDescription:N0} characters or fewer";
        return problems;
    }

    /// <summary>Adds a blank statement to the first subscale; refused when there is no subscale to put it in.</summary>
    public static Edit AddAttitudeItem(CourseContent c)
    {
        if (c.Attitudes.Subscales.Count == 0) return Edit.Refused("Add a subscale before adding statements");
        var key = FreshKey("new-statement", k => c.Attitudes.Items.Any(i => i.Key == k));
        var item = new AttitudeItem(key, "", c.Attitudes.Subscales[0].Key, false);
        return new(c with { Attitudes = c.Attitudes with { Items = c.Attitudes.Items.Append(item).ToList() } }, null, key);
    }

    public static Edit ReplaceAttitudeItem(CourseContent c, AttitudeItem item) =>
        c.Attitudes.Items.All(x => x.Key != item.Key) ? Edit.Refused("That statement is not in the draft")
        : new(c with { Attitudes = c.Attitudes with { Items = c.Attitudes.Items.Select(x => x.Key == item.Key ? item : x).ToList() } }, null);

    public static Edit RemoveAttitudeItem(CourseContent c, string key) =>
        c.Attitudes.Items.All(x => x.Key != key) ? Edit.Refused("That statement is not in the draft")
        : new(c with { Attitudes = c.Attitudes with { Items = c.Attitudes.Items.Where(x => x.Key != key).ToList() } }, null);

    public static Edit MoveAttitudeItem(CourseContent c, string key, int by)
    {
        var moved = Move(c.Attitudes.Items, i => i.Key == key, by);
        return moved is null ? Edit.Refused("That statement cannot move further") : new(c with { Attitudes = c.Attitudes with { Items = moved } }, null);
    }

    public static Dictionary<string, string> CheckAttitudeItem(CourseContent c, string? text, string? subscale)
    {
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(text)) problems["Text"] = "Enter the statement";
        else if (text.Trim().Length > MaxAttitudeText) problems["Text"] = $"The statement must be {MaxAttitudeText} characters or fewer";
        if (string.IsNullOrWhiteSpace(subscale)) problems["Subscale"] = "Select the subscale the statement belongs to";
        else if (c.Attitudes.Subscales.All(s => s.Key != subscale)) problems["Subscale"] = "Select one of the subscales listed";
        return problems;
    }

    /// <summary>Structural problems that stop publishing, in addition to <see cref="CourseEditing.PublishProblems"/>.</summary>
    public static IEnumerable<string> Problems(CourseContent c)
    {
        foreach (var m in c.Modules.Where(m => m.Lessons.Count == 0)) yield return $"The module ‘{m.Title}’ has no lessons";
        foreach (var q in c.CheckQuestions.Concat(c.ItemBank).Where(q => string.IsNullOrWhiteSpace(q.Text))) yield return "A question has no text";
        foreach (var q in c.CheckQuestions.Concat(c.ItemBank).Where(q => !string.IsNullOrWhiteSpace(q.Text) && string.IsNullOrWhiteSpace(q.Feedback)))
            yield return $"The question ‘{q.Text}’ has no feedback";
        if (c.Attitudes.Items.Any(i => string.IsNullOrWhiteSpace(i.Text))) yield return "An attitude statement has no text";
        foreach (var s in c.Attitudes.Subscales.Where(s => c.Attitudes.Items.All(i => i.Subscale != s.Key)))
            yield return $"The subscale ‘{s.Name}’ has no statements";
    }

    private static List<T>? Move<T>(IReadOnlyList<T> list, Func<T, bool> which, int by)
    {
        var from = list.ToList().FindIndex(x => which(x));
        var to = from + by;
        if (from < 0 || to < 0 || to >= list.Count || by == 0) return null;
        var result = list.ToList();
        var item = result[from];
        result.RemoveAt(from);
        result.Insert(to, item);
        return result;
    }

    private static string FreshKey(string stem, Func<string, bool> taken)
    {
        var n = 1;
        while (taken($"{stem}-{n}")) n++;
        return $"{stem}-{n}";
    }
}
