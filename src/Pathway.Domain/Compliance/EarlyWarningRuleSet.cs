using System.Text.Json;
using System.Text.Json.Serialization;
using Pathway.Domain.Licences;
using Pathway.Domain.Rules;
using Pathway.Domain.Validation;

namespace Pathway.Domain.Compliance;

/// <summary>
/// Early-warning rules as data: a JSON array of rules, validated with a message per problem so that an administrator who
/// edits them is told exactly what is wrong. The service's starting rules are <see cref="DefaultJson"/>.
/// </summary>
public static class EarlyWarningRuleSet
{
    public const string RuleSetKey = "early-warning";

    /// <summary>
    /// The recorded versions of the service's rules as a rule set for the rules page: each version's start, why it changed
    /// and whether the clinical lead saved or confirmed it.
    /// </summary>
    public static RecordedRuleSet History(IEnumerable<(int Number, DateOnly EffectiveFrom, string Source, bool Confirmed)> versions) =>
        new(RuleSetKey, "Compliance: early-warning rules", versions.OrderBy(v => v.Number).Select(v => new RuleSetVersion(
            RuleSetKey, $"early-warning-v{v.Number}", $"Early-warning rules, version {v.Number}", v.EffectiveFrom, null,
            new RuleSource(v.Source, "Pathway early-warning rules, recorded version " + v.Number), v.Confirmed,
            v.Confirmed ? [] : ["The counts, time windows and prompts are the service's judgement, not a published source: the clinical lead confirms them (Early-warning rules page) or changes them."])).ToList());

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The starting rules, agreed with the clinical lead as a first version; change them as data, not code.</summary>
    public const string DefaultJson = """
    [
      { "code": "absences-4w", "title": "Missed appointments", "kind": "unacceptableAbsences", "count": 2, "withinWeeks": 4,
        "prompts": ["consultPsychologist", "considerAlternatives"] },
      { "code": "early-warning-sign", "title": "Early warning sign from the care plan", "kind": "earlyWarningSigns", "count": 1, "withinWeeks": 2,
        "prompts": ["reviewContingencyPlan", "consultPsychologist"] },
      { "code": "accommodation-lost", "title": "Loss of accommodation", "kind": "concerns", "count": 1, "withinWeeks": 4,
        "concernTypes": ["lossOfAccommodation"], "prompts": ["considerAlternatives", "reviewContingencyPlan"] },
      { "code": "victim-contact", "title": "Contact with a victim", "kind": "concerns", "count": 1, "withinWeeks": 4,
        "concernTypes": ["contactWithVictim"], "prompts": ["consultPsychologist", "reviewContingencyPlan"] },
      { "code": "self-harm-or-threats", "title": "Self-harm or threats", "kind": "concerns", "count": 1, "withinWeeks": 2,
        "concernTypes": ["selfHarm", "threats"], "prompts": ["consultPsychologist", "reviewContingencyPlan"] },
      { "code": "concerns-cluster", "title": "Several behaviours of concern", "kind": "concerns", "count": 3, "withinWeeks": 4,
        "prompts": ["consultPsychologist", "considerAlternatives"] },
      { "code": "final-warning", "title": "Warning letters", "kind": "warningLetters", "count": 2, "withinWeeks": 12,
        "prompts": ["considerAlternatives", "consultPsychologist"] },
      { "code": "compliance-12w", "title": "Low compliance", "kind": "complianceBelow", "count": 4, "withinWeeks": 12, "threshold": 0.75,
        "prompts": ["considerAlternatives"] }
    ]
    """;

    public static IReadOnlyList<SignalRule> Default { get; } = Parse(DefaultJson).Rules;

    public static (IReadOnlyList<SignalRule> Rules, IReadOnlyList<FieldError> Errors) Parse(string json)
    {
        List<SignalRule>? rules;
        try
        {
            rules = JsonSerializer.Deserialize<List<SignalRule>>(json, Json);
        }
        catch (JsonException e)
        {
            return ([], [new("Rules", $"The rules are not valid JSON for early-warning rules: {e.Message}")]);
        }
        if (rules is null) return ([], [new("Rules", "Enter at least one rule")]);
        var errors = Validate(rules);
        return (errors.Count == 0 ? rules : [], errors);
    }

    public static IReadOnlyList<FieldError> Validate(IReadOnlyList<SignalRule> rules)
    {
        var errors = new List<FieldError>();
        if (rules.Count == 0) errors.Add(new("Rules", "Enter at least one rule"));
        foreach (var (r, i) in rules.Select((r, i) => (r, i)))
        {
            var at = $"Rule {i + 1}{(string.IsNullOrWhiteSpace(r.Code) ? "" : $" ({r.Code})")}";
            if (string.IsNullOrWhiteSpace(r.Code)) errors.Add(new("Rules", $"{at} needs a code"));
            if (string.IsNullOrWhiteSpace(r.Title)) errors.Add(new("Rules", $"{at} needs a title"));
            if (r.Count < 1) errors.Add(new("Rules", $"{at}: count must be 1 or more"));
            if (r.WithinWeeks is < 1 or > 104) errors.Add(new("Rules", $"{at}: withinWeeks must be between 1 and 104"));
            if (r.Prompts is not { Count: > 0 }) errors.Add(new("Rules", $"{at} must prompt at least one action"));
            if (r.Kind == SignalRuleKind.ComplianceBelow && r.Threshold is not (> 0 and <= 1))
                errors.Add(new("Rules", $"{at}: a compliance rule needs a threshold between 0 and 1, such as 0.75"));
            if (r.Kind != SignalRuleKind.ComplianceBelow && r.Threshold is not null)
                errors.Add(new("Rules", $"{at}: only compliance rules have a threshold"));
            if (r.Kind != SignalRuleKind.Concerns && r.ConcernTypes is { Count: > 0 })
                errors.Add(new("Rules", $"{at}: only concern rules list concern types"));
        }
        foreach (var dup in rules.Where(r => !string.IsNullOrWhiteSpace(r.Code)).GroupBy(r => r.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            errors.Add(new("Rules", $"The code '{dup.Key}' is used by more than one rule"));
        return errors;
    }
}
