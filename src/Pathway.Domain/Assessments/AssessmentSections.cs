namespace Pathway.Domain.Assessments;

public enum FieldKind
{
    Text,
    /// <summary>One of <see cref="AssessmentSections.Ratings"/> (low, medium, high).</summary>
    Rating,
}

public sealed record FieldDefinition(string Key, string Label, FieldKind Kind = FieldKind.Text, string? Hint = null);

/// <summary>A section of the specialist assessment.</summary>
/// <param name="Key">Stable key used in URLs and the API (kebab-case).</param>
/// <param name="IsStructured">Needs and the withheld information are not plain text fields; their pages and storage differ.</param>
public sealed record SectionDefinition(string Key, string Title, IReadOnlyList<FieldDefinition> Fields, bool IsStructured = false);

/// <summary>
/// The shape of the specialist psychological assessment, in the order it is written and printed. Text fields are
/// stored as key/value rows, so adding a field is a change here, not a migration. Needs are a table of their own
/// (signposting matches against them) and the information not to be disclosed to the person is held separately.
/// </summary>
public static class AssessmentSections
{
    public const string Needs = "needs";
    public const string Withheld = "withheld";
    public static readonly IReadOnlyList<string> Ratings = ["low", "medium", "high"];

    /// <summary>Risk scenarios (Hart; Logan): what could happen next, in four shapes.</summary>
    public static readonly IReadOnlyList<(string Key, string Title)> Scenarios =
        [("repeat", "Repeat"), ("twist", "Twist"), ("escalation", "Escalation"), ("improvement", "Improvement")];

    private static IEnumerable<FieldDefinition> ScenarioFields() =>
        Scenarios.SelectMany(s => new[]
        {
            new FieldDefinition($"risk.scenario.{s.Key}.nature", $"{s.Title} scenario: nature", Hint: "What might happen, to whom, and why"),
            new FieldDefinition($"risk.scenario.{s.Key}.severity", $"{s.Title} scenario: severity", FieldKind.Rating),
            new FieldDefinition($"risk.scenario.{s.Key}.imminence", $"{s.Title} scenario: imminence", FieldKind.Rating),
            new FieldDefinition($"risk.scenario.{s.Key}.likelihood", $"{s.Title} scenario: likelihood", FieldKind.Rating),
            new FieldDefinition($"risk.scenario.{s.Key}.victims", $"{s.Title} scenario: likely victims"),
        });

    public static readonly IReadOnlyList<SectionDefinition> All =
    [
        new("sources", "Sources of information",
        [
            new("sources.interviews", "Interviews and contacts", Hint: "Who was seen, when, and for how long"),
            new("sources.records", "Records reviewed"),
            new("sources.limitations", "Limitations of this assessment"),
        ]),
        new("history", "Developmental and personal history",
        [
            new("history.development", "Childhood and development"),
            new("history.education", "Education and employment"),
            new("history.relationships", "Family and relationships"),
        ]),
        new("offending", "Offending history and pattern",
        [
            new("offending.history", "Offending history"),
            new("offending.index", "Current offence"),
            new("offending.pattern", "Pattern and function of offending"),
        ]),
        new("health", "Mental health, substance use, self-harm and suicide",
        [
            new("health.mental", "Mental health history"),
            new("health.substance", "Substance use"),
            new("health.self-harm", "Self-harm and suicide history"),
        ]),
        new("presentation", "How difficulties show",
        [
            new("presentation.behaviour", "Behaviour"),
            new("presentation.emotions", "Emotions"),
            new("presentation.thinking", "Thinking"),
            new("presentation.relationships", "Relationships"),
        ]),
        new("risk", "Risk assessment",
        [
            new("risk.actuarial", "Other actuarial scores", Hint: "Scores entered from other tools, with the tool and date. OGRS3 is chosen separately."),
            new("risk.spj", "Structured professional judgement ratings", Hint: "Ratings entered by a trained user, e.g. HCR-20 V3 item presence and relevance"),
            .. ScenarioFields(),
            new("risk.protective", "Protective factors"),
        ]),
        new("formulation", "Formulation",
        [
            new("formulation.presenting", "Presenting"),
            new("formulation.predisposing", "Predisposing"),
            new("formulation.precipitating", "Precipitating"),
            new("formulation.perpetuating", "Perpetuating"),
            new("formulation.protective", "Protective"),
            new("formulation.narrative", "Narrative formulation"),
        ]),
        new(Needs, "Needs", [.. Enum.GetValues<NeedArea>().Select(a => new FieldDefinition(NeedKey(a), AssessmentNames.DisplayName(a)))], IsStructured: true),
        new("recommendations", "Recommendations to probation",
        [
            new("recommendations.probation", "Recommendations"),
            new("recommendations.alternatives", "Alternatives to recall suited to this person", Hint: "For example warning letter, increased reporting, referral to approved premises or partnership agencies"),
        ]),
        new(Withheld, "Information not to be disclosed to the person", [new("withheld.text", "Information not to be disclosed")], IsStructured: true),
    ];

    public static string NeedKey(NeedArea area) => "needs." + area;

    public static SectionDefinition? Find(string? key) => All.FirstOrDefault(s => s.Key == key);

    /// <summary>Sections that must have something in them before an assessment can be submitted.</summary>
    public static IEnumerable<SectionDefinition> RequiredForSubmission => All.Where(s => s.Key is not Needs and not Withheld);

    public static FieldDefinition? Field(string key) => All.SelectMany(s => s.Fields).FirstOrDefault(f => f.Key == key);

    /// <summary>Not started, in progress or completed, from how many of a section's fields have text.</summary>
    public static SectionProgress Progress(SectionDefinition section, IReadOnlyDictionary<string, string> content)
    {
        var filled = section.Fields.Count(f => content.TryGetValue(f.Key, out var v) && !string.IsNullOrWhiteSpace(v));
        return filled == 0 ? SectionProgress.NotStarted : filled == section.Fields.Count || section.IsStructured ? SectionProgress.Completed : SectionProgress.InProgress;
    }
}

public enum SectionProgress
{
    NotStarted,
    InProgress,
    Completed,
}
