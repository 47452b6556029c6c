using Pathway.Domain.CarePlans;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;

namespace Pathway.Domain.Incidents;

public enum IncidentType
{
    SelfHarm,
    SuicideAttempt,
    AngryOutburst,
    Threats,
    Violence,
    SubstanceUse,
    Absconding,
    FailureToComply,
    Other,
}

public enum IncidentSeverity
{
    Low,
    Moderate,
    Serious,
    Critical,
}

/// <summary>What a link in a behaviour chain is (DBT chain analysis, DOMAIN.md section 7).</summary>
public enum ChainLinkKind
{
    Thought,
    Emotion,
    BodySensation,
    Urge,
    Action,
    /// <summary>What someone else did or said: staff's own actions are often links in the chain.</summary>
    OthersAction,
}

/// <summary>One link in the chain, with the skill that could have helped at that point, if any.</summary>
public sealed record ChainLink(ChainLinkKind Kind, string Text, string? SkillCode = null);

/// <summary>
/// The links of a behaviour chain, in order. Immutable: each edit returns a new chain, so a page or an API call
/// applies one change to the version it read.
/// </summary>
public sealed record Chain(IReadOnlyList<ChainLink> Links)
{
    public const int MaxLinks = 40;
    public const int MaxLinkLength = 500;

    public static readonly Chain Empty = new([]);

    public (Chain Chain, FieldError? Error) Insert(int position, ChainLink link)
    {
        if (Links.Count >= MaxLinks) return (this, new("Links", $"A chain can have at most {MaxLinks} links: split the analysis or combine links"));
        if (position < 0 || position > Links.Count) return (this, new("Position", $"Choose a position from 1 to {Links.Count + 1}"));
        if (CheckLink(link) is { } error) return (this, error);
        var list = Links.ToList();
        list.Insert(position, link with { Text = link.Text.Trim() });
        return (new Chain(list), null);
    }

    public (Chain Chain, FieldError? Error) Remove(int index) =>
        index < 0 || index >= Links.Count ? (this, new("Link", "That link is not in the chain")) : (new Chain(Links.Where((_, i) => i != index).ToList()), null);

    /// <summary>Moves the link at <paramref name="index"/> to position <paramref name="to"/> (zero-based): up or down one, or anywhere.</summary>
    public (Chain Chain, FieldError? Error) Move(int index, int to)
    {
        if (index < 0 || index >= Links.Count) return (this, new("Link", "That link is not in the chain"));
        if (to < 0 || to >= Links.Count) return (this, new("Position", $"Choose a position from 1 to {Links.Count}"));
        var list = Links.ToList();
        var link = list[index];
        list.RemoveAt(index);
        list.Insert(to, link);
        return (new Chain(list), null);
    }

    public static FieldError? CheckLink(ChainLink link)
    {
        if (!Enum.IsDefined(link.Kind)) return new("Kind", "Choose whether the link is a thought, emotion, body sensation, urge, action, or what someone else did");
        if (string.IsNullOrWhiteSpace(link.Text)) return new("Text", "Describe the link");
        if (link.Text.Length > MaxLinkLength) return new("Text", $"A link must be {MaxLinkLength} characters or fewer");
        if (link.SkillCode is not null && DbtSkills.Find(link.SkillCode) is null) return new("SkillCode", $"'{link.SkillCode}' is not a DBT skill Pathway knows");
        return null;
    }
}

/// <summary>The parts of a chain analysis that must be filled in to complete it.</summary>
public sealed record ChainAnalysisFacts(
    string? ProblemBehaviour, string? VulnerabilityFactors, string? PromptingEvent, Chain Chain,
    string? ShortTermConsequences, string? LongTermConsequences, string? Function, string? PreventionAndRepair);

public static class ChainAnalysisRules
{
    /// <summary>
    /// A draft can be saved at any point; completing it needs each DBT step, reported in the order they are taught:
    /// a chain with at least one link, and its solution analysis (a skill that could have helped at one link at least).
    /// </summary>
    public static IReadOnlyList<FieldError> CanComplete(ChainAnalysisFacts a)
    {
        var errors = new List<FieldError>();
        void Need(string? value, string field, string message)
        {
            if (string.IsNullOrWhiteSpace(value)) errors.Add(new(field, message));
        }
        Need(a.ProblemBehaviour, nameof(a.ProblemBehaviour), "Define the problem behaviour precisely: what was done, how, for how long");
        Need(a.VulnerabilityFactors, nameof(a.VulnerabilityFactors), "Describe the vulnerability factors (tiredness, substance use, a recent loss…) or write 'none identified'");
        Need(a.PromptingEvent, nameof(a.PromptingEvent), "Describe the prompting event that started the chain");
        if (a.Chain.Links.Count == 0) errors.Add(new("Links", "Add the links in the chain between the prompting event and the behaviour"));
        else if (a.Chain.Links.All(l => l.SkillCode is null))
            errors.Add(new("Links", "Add the solution analysis: for at least one link, choose the skill that could have helped there"));
        Need(a.ShortTermConsequences, nameof(a.ShortTermConsequences), "Describe the short-term consequences");
        Need(a.LongTermConsequences, nameof(a.LongTermConsequences), "Describe the long-term consequences");
        Need(a.Function, nameof(a.Function), "Say what function the behaviour served");
        Need(a.PreventionAndRepair, nameof(a.PreventionAndRepair), "Describe prevention and repair");
        return errors;
    }
}
