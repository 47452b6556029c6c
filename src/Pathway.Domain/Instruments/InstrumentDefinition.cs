using System.Text.Json.Serialization;

namespace Pathway.Domain.Instruments;

/// <summary>A questionnaire the assessor asks, or a rating sheet a trained assessor fills in.</summary>
public enum InstrumentKind
{
    Questionnaire,
    RatingSheet,
}

/// <summary>Whose case an instrument is meant for; a case of another gender is not offered it.</summary>
public enum InstrumentAudience
{
    Anyone,
    Men,
    Women,
}

/// <summary>How an instrument's gates combine: every gate must hold, or at least one.</summary>
public enum GateMode
{
    All,
    Any,
}

/// <summary>Facts held on the case that can answer a gate, so the assessor confirms rather than retypes them.</summary>
public enum CaseFact
{
    RoshHighOrVeryHigh,
    MappaEligible,
    CustodialSentence,
}

/// <summary>One answer an item or a rating scale allows. <see cref="Code"/> is stable across versions (FHIR coding).</summary>
public sealed record ResponseOption(string Code, string Display, int Value);

/// <summary>
/// An eligibility gate: a yes/no question that must be answered "yes" for the instrument to apply. It may name the
/// case fact that answers it; the answer recorded is always the assessor's.
/// </summary>
public sealed record Gate(string LinkId, string Text, CaseFact? Fact = null);

/// <summary>A rating a rating-sheet item carries (HCR-20: presence, relevance). Answered as <c>{item}.{key}</c>.</summary>
public sealed record RatingScale(string Key, string Text, IReadOnlyList<ResponseOption> Options);

/// <summary>
/// One item. A questionnaire item has its own <see cref="Options"/>; a rating-sheet item is rated on the sheet's
/// <see cref="InstrumentDefinition.RatingScales"/>. A reversed item scores (highest + lowest option value − value).
/// An item in no subscale scores nothing; a screening rule can still name its answer (a route in, or a requirement).
/// With <see cref="ReasonRequired"/> the assessor writes why they answered as they did, whatever the answer.
/// </summary>
public sealed record InstrumentItem(
    string LinkId,
    string Text,
    bool Required = true,
    bool Reverse = false,
    IReadOnlyList<string>? Subscales = null,
    IReadOnlyList<ResponseOption>? Options = null,
    string? Section = null,
    bool ReasonRequired = false,
    string? Hint = null)
{
    [JsonIgnore] public IReadOnlyList<string> SubscaleKeys => Subscales ?? [];
    [JsonIgnore] public IReadOnlyList<ResponseOption> OptionList => Options ?? [];
}

public sealed record Subscale(string Key, string Title);

/// <summary>An interpretation band on one subscale's score, inclusive at both ends.</summary>
public sealed record Band(string Subscale, int Min, int Max, string Label, string? Interpretation = null);

/// <summary>
/// A condition of a screening rule: either a subscale score at or above <see cref="AtLeast"/>, or an item given the
/// answer <see cref="Answer"/> (a route in such as "serving a life or IPP sentence", or a requirement such as a clinical link).
/// </summary>
public sealed record Threshold(string? Subscale = null, int? AtLeast = null, string? Item = null, string? Answer = null)
{
    [JsonIgnore] public bool IsItem => Item is not null;
}

/// <summary>
/// Screened in if any condition in <see cref="AnyOf"/> holds, or (when allowed) by a clinical override with a reason —
/// and only then if every condition in <see cref="Requires"/> holds too. A way in met with a requirement unmet is
/// <see cref="InstrumentOutcome.RequirementNotMet"/>, never "screened in".
/// </summary>
public sealed record ScreeningRule(IReadOnlyList<Threshold> AnyOf, bool AllowOverride = false, IReadOnlyList<Threshold>? Requires = null)
{
    [JsonIgnore] public IReadOnlyList<Threshold> RequiresList => Requires ?? [];
}

/// <summary>
/// A versioned instrument definition: what is asked, how answers score, and what the score means. Loaded from the
/// JSON files in the repository or uploaded by an administrator (<see cref="InstrumentJson"/>); checked by
/// <see cref="DefinitionValidator"/>; scored by <see cref="InstrumentEngine"/>.
/// </summary>
public sealed record InstrumentDefinition
{
    public required string Key { get; init; }
    public required int Version { get; init; }
    public required string Title { get; init; }
    public InstrumentKind Kind { get; init; }
    public string? Description { get; init; }
    /// <summary>Where the instrument comes from; shown with every result.</summary>
    public required string Citation { get; init; }
    /// <summary>Copyright and licence terms; shown with every result.</summary>
    public required string Licence { get; init; }
    /// <summary>Local notes: uncertain wording, local configuration, what to check.</summary>
    public string? Notes { get; init; }
    public InstrumentAudience Audience { get; init; }
    /// <summary>A licensed tool: store item names and entered ratings only; never compute a score or band.</summary>
    public bool NoAutomaticScore { get; init; }
    public GateMode GateMode { get; init; }
    public IReadOnlyList<Gate> Gates { get; init; } = [];
    public IReadOnlyList<RatingScale> RatingScales { get; init; } = [];
    public IReadOnlyList<InstrumentItem> Items { get; init; } = [];
    public IReadOnlyList<Subscale> Subscales { get; init; } = [];
    public IReadOnlyList<Band> Bands { get; init; } = [];
    public ScreeningRule? ScreenedIn { get; init; }
    /// <summary>
    /// Not scored in Pathway: the definition is shown as <see cref="Guidance"/> and no response can be started or
    /// completed with it. An instrument whose newest version is guidance only is switched off for scoring until a
    /// scored version is published.
    /// </summary>
    public bool GuidanceOnly { get; init; }
    /// <summary>Criteria or advice shown to the assessor as written (each a sentence); never scored.</summary>
    public IReadOnlyList<string> Guidance { get; init; } = [];

    /// <summary>
    /// Every answerable question in order: a questionnaire item is one question; a rating-sheet item is one question
    /// per rating scale, linked <c>{item}.{scale}</c>.
    /// </summary>
    public IEnumerable<Question> Questions()
    {
        foreach (var item in Items)
        {
            if (Kind == InstrumentKind.RatingSheet)
            {
                foreach (var scale in RatingScales)
                    yield return new Question($"{item.LinkId}.{scale.Key}", item, scale.Text, scale.Options);
            }
            else
            {
                yield return new Question(item.LinkId, item, null, item.OptionList);
            }
        }
    }

    /// <summary>How the item is named to a person: "3. Trusts other people" or "H1 Violence – presence".</summary>
    public static string NameOf(Question q) => q.ScaleText is null ? q.Item.Text : $"{q.Item.Text} – {q.ScaleText.ToLowerInvariant()}";
}

/// <summary>One answerable question: an item, or an item's rating on one scale.</summary>
public sealed record Question(string LinkId, InstrumentItem Item, string? ScaleText, IReadOnlyList<ResponseOption> Options);
