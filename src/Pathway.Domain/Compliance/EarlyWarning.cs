using System.Globalization;

namespace Pathway.Domain.Compliance;

/// <summary>What a rule counts.</summary>
public enum SignalRuleKind
{
    /// <summary>Unacceptable absences from planned contacts.</summary>
    UnacceptableAbsences,
    /// <summary>Behaviours of concern of the listed types (any type when none are listed).</summary>
    Concerns,
    /// <summary>Behaviours of concern that match an early warning sign in the person's care plan.</summary>
    EarlyWarningSigns,
    /// <summary>Warning letters issued (first or final).</summary>
    WarningLetters,
    /// <summary>Compliance rate over the window below <see cref="SignalRule.Threshold"/> (needs at least <see cref="SignalRule.Count"/> expected contacts).</summary>
    ComplianceBelow,
}

/// <summary>What a firing rule asks the officer to do. Every prompt points towards help before enforcement.</summary>
public enum SignalPrompt
{
    ConsultPsychologist,
    ReviewContingencyPlan,
    ConsiderAlternatives,
}

/// <summary>
/// One early-warning rule, held as data (see <see cref="EarlyWarningRuleSet"/>): it fires when at least
/// <see cref="Count"/> matching facts fall within the last <see cref="WithinWeeks"/> weeks.
/// </summary>
public sealed record SignalRule(
    string Code, string Title, SignalRuleKind Kind, int Count, int WithinWeeks, IReadOnlyList<SignalPrompt> Prompts,
    IReadOnlyList<ConcernType>? ConcernTypes = null, double? Threshold = null);

/// <summary>A behaviour of concern as the rules see it.</summary>
/// <param name="MatchedEarlyWarningSign">The sign it matches, in the care plan's words when <paramref name="FromCarePlan"/>.</param>
/// <param name="FromCarePlan">True when the sign was chosen from the person's care plan, not typed.</param>
public sealed record ConcernFact(DateOnly Date, ConcernType Type, string? MatchedEarlyWarningSign = null, bool FromCarePlan = false);

public enum WarningLevel
{
    First,
    Final,
}

public sealed record WarningFact(DateOnly Date, WarningLevel Level);

/// <summary>Everything the rules look at for one case.</summary>
public sealed record CaseSignalFacts(IReadOnlyList<ContactFact> Contacts, IReadOnlyList<ConcernFact> Concerns, IReadOnlyList<WarningFact> Warnings);

/// <summary>A rule that fired, with the facts behind it in words an officer can check against the record.</summary>
public sealed record FiredRule(SignalRule Rule, string Explanation, IReadOnlyList<DateOnly> Dates);

/// <summary>
/// The early-warning signal: transparent, rule-based, never a score. A case has an active signal when any rule fires;
/// each fired rule says what it saw and when, and what to do next.
/// </summary>
public static class EarlyWarning
{
    public static IReadOnlyList<FiredRule> Evaluate(IEnumerable<SignalRule> rules, CaseSignalFacts facts, DateOnly today)
    {
        var fired = new List<FiredRule>();
        foreach (var rule in rules)
            if (Fire(rule, facts, today) is { } f) fired.Add(f);
        return fired;
    }

    /// <summary>The prompts of every fired rule, once each, in a fixed order.</summary>
    public static IReadOnlyList<SignalPrompt> Prompts(IEnumerable<FiredRule> fired) =>
        fired.SelectMany(f => f.Rule.Prompts).Distinct().Order().ToList();

    private static FiredRule? Fire(SignalRule rule, CaseSignalFacts facts, DateOnly today)
    {
        var from = today.AddDays(-7 * rule.WithinWeeks + 1);
        bool InWindow(DateOnly d) => d >= from && d <= today;
        var window = rule.WithinWeeks == 1 ? "in the last week" : $"in {rule.WithinWeeks} weeks";
        switch (rule.Kind)
        {
            case SignalRuleKind.UnacceptableAbsences:
            {
                var dates = facts.Contacts.Where(c => c.Outcome == ContactOutcome.UnacceptableAbsence && InWindow(c.Date)).Select(c => c.Date).Order().ToList();
                return dates.Count >= rule.Count
                    ? new(rule, $"{Plural(dates.Count, "unacceptable absence", "unacceptable absences")} {window} ({Dates(dates)})", dates)
                    : null;
            }
            case SignalRuleKind.Concerns:
            {
                var matching = facts.Concerns.Where(c => InWindow(c.Date) && (rule.ConcernTypes is not { Count: > 0 } t || t.Contains(c.Type))).OrderBy(c => c.Date).ToList();
                if (matching.Count < rule.Count) return null;
                var what = string.Join(", ", matching.Select(c => $"{ConcernTypes.DisplayName(c.Type).ToLowerInvariant()} on {Date(c.Date)}"));
                return new(rule, $"{Capitalise(what)}", matching.Select(c => c.Date).ToList());
            }
            case SignalRuleKind.EarlyWarningSigns:
            {
                var matching = facts.Concerns.Where(c => InWindow(c.Date) && !string.IsNullOrWhiteSpace(c.MatchedEarlyWarningSign)).OrderBy(c => c.Date).ToList();
                if (matching.Count < rule.Count) return null;
                var what = string.Join("; ", matching.Select(c => $"‘{c.MatchedEarlyWarningSign}’{(c.FromCarePlan ? "" : " (typed, not chosen from the plan)")} on {Date(c.Date)}"));
                return new(rule, $"An early warning sign from the care plan recorded: {what}", matching.Select(c => c.Date).ToList());
            }
            case SignalRuleKind.WarningLetters:
            {
                var matching = facts.Warnings.Where(w => InWindow(w.Date)).OrderBy(w => w.Date).ToList();
                if (matching.Count < rule.Count) return null;
                var what = string.Join(", ", matching.Select(w => $"{(w.Level == WarningLevel.Final ? "final" : "first")} warning on {Date(w.Date)}"));
                return new(rule, $"{Plural(matching.Count, "warning letter", "warning letters")} {window}: {what}", matching.Select(w => w.Date).ToList());
            }
            case SignalRuleKind.ComplianceBelow:
            {
                var w = ComplianceFigures.Window(facts.Contacts, today, rule.WithinWeeks);
                if (w.Expected < rule.Count || w.Rate is not { } rate || rate >= (rule.Threshold ?? 0)) return null;
                return new(rule, $"Kept {w.Kept} of {w.Expected} contacts {window} ({rate.ToString("P0", CultureInfo.GetCultureInfo("en-GB"))}, below {(rule.Threshold ?? 0).ToString("P0", CultureInfo.GetCultureInfo("en-GB"))})", []);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, "Unknown rule kind");
        }
    }

    private static string Plural(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
    private static string Date(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
    private static string Dates(IEnumerable<DateOnly> ds) => string.Join(", ", ds.Select(Date));
    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
