using Pathway.Domain.Cases;
using Pathway.Domain.Licences;
using Pathway.Domain.Rules;

namespace Pathway.Domain.Recall;

/// <summary>What follows a recall under the regime of the day.</summary>
public enum RecallRoute
{
    /// <summary>No fixed term: custody until the Parole Board or the Secretary of State re-releases, or the sentence ends (s.255C).</summary>
    StandardRecall,
    /// <summary>The person must be given a fixed-term recall if recalled (s.255A(4)(a)).</summary>
    FixedTermMandatory,
    /// <summary>Fixed-term recall if the Secretary of State is satisfied there is no risk of serious harm (s.255A(4)(b)).</summary>
    FixedTermOnRiskTest,
    /// <summary>The recall ends in automatic re-release after 56 days (s.255BA), unless the Secretary of State decides otherwise (s.255BA(5)).</summary>
    AutomaticReRelease56Days,
}

/// <summary>The facts a regime looks at, as they stood on <see cref="On"/> (the recall date, or today while considering).</summary>
public sealed record RecallRegimeFacts(
    DateOnly On,
    int AgeOnDate,
    SentenceType SentenceType,
    int? SentenceLengthMonths,
    bool Schedule19AAOffence,
    bool TerroristOffence,
    bool RecalledOnCharge,
    bool ChargedWithSeriousOffence,
    MappaLevel MappaLevel);

/// <summary>One test the regime applies: whether it points to the shorter route, why in plain English, and the law it comes from.</summary>
public sealed record RegimeTest(string Test, bool Met, string Reason, string Citation);

public sealed record RecallRegimeAssessment(RuleSetVersion Regime, IReadOnlyList<RegimeTest> Tests, RecallRoute Route, int? FixedTermDays)
{
    public bool FixedTermAvailable => Route != RecallRoute.StandardRecall;
    /// <summary>Fixed-term is the only recall the regime allows: mandatory, or 56-day automatic re-release.</summary>
    public bool FixedTermRequired => Route is RecallRoute.FixedTermMandatory or RecallRoute.AutomaticReRelease56Days;
    public IEnumerable<string> ReasonsNotMet => Tests.Where(t => !t.Met).Select(t => t.Reason);

    /// <summary>The recall type a fixed-term recall decision under this assessment leads to.</summary>
    public RecallType? FixedTermType => FixedTermDays switch
    {
        14 => RecallType.FixedTerm14Day,
        28 => RecallType.FixedTerm28Day,
        56 => RecallType.FixedTerm56Day,
        _ => null,
    };
}

/// <summary>Works out which regime applied on a day and what it says for one person. Pure: the caller supplies the facts.</summary>
public static class RecallRegimeAssessor
{
    public static RecallRegimeAssessment? Assess(RecallRegimeFacts f) =>
        RecallRegimes.Register.On(f.On) is { } regime ? Assess(regime, f) : null;

    public static RecallRegimeAssessment Assess(Versioned<RecallRegimeKind> regime, RecallRegimeFacts f)
    {
        var cite = regime.Version.Source.Citation;
        var tests = new List<RegimeTest>();
        var extended = f.SentenceType is SentenceType.ExtendedDeterminate or SentenceType.SpecialCustodialSentenceForOffendersOfParticularConcern;
        if (SentenceTypes.IsIndeterminate(f.SentenceType) || extended)
        {
            tests.Add(new("Sentence", false, $"{SentenceTypes.DisplayName(f.SentenceType)}: only standard determinate sentences can end in a fixed-term recall", cite));
            return new(regime.Version, tests, RecallRoute.StandardRecall, null);
        }
        if (f.SentenceLengthMonths is not { } months)
        {
            tests.Add(new("Sentence", false, "The sentence length is not recorded on the licence: record it to work out what follows a recall", cite));
            return new(regime.Version, tests, RecallRoute.StandardRecall, null);
        }
        var shortTerm = months < 12 ? 14 : 28;
        switch (regime.Rules)
        {
            case RecallRegimeKind.Laspo2012:
                tests.Add(new("Sentence", true, $"{SentenceTypes.DisplayName(f.SentenceType)} of {Months(months)}: fixed-term recall of {shortTerm} days is possible", cite));
                tests.Add(new("Risk of serious harm", true, "Fixed-term recall only if the Secretary of State is satisfied there is no risk of serious harm at the end of the fixed term", cite));
                return new(regime.Version, tests, RecallRoute.FixedTermOnRiskTest, shortTerm);

            case RecallRegimeKind.Order2024:
                tests.Add(Age(f, cite));
                tests.Add(months < 12
                    ? new("Sentence length", true, $"Sentence of {Months(months)}, under 12 months", cite)
                    : new("Sentence length", false, $"Sentence of {Months(months)}: fixed-term recall is mandatory only under 12 months", cite));
                tests.Add(f.RecalledOnCharge && f.ChargedWithSeriousOffence
                    ? new("Charge", false, "Recalled on a charge of a serious offence (murder or a Schedule 18 offence)", cite)
                    : new("Charge", true, f.RecalledOnCharge ? "Recalled on a charge, not of a serious offence" : "Not recalled on a charge", cite));
                tests.Add(Mappa(f, cite));
                return Mandatory(regime.Version, tests, shortTerm);

            case RecallRegimeKind.Order2025:
                tests.Add(Age(f, cite));
                tests.AddRange(Exclusions(f, months, cite));
                return Mandatory(regime.Version, tests, shortTerm);

            case RecallRegimeKind.SentencingAct2026:
                if (f.AgeOnDate < 18)
                {
                    tests.Add(new("Relevant young offender", false, $"Aged {f.AgeOnDate} on {Day(f.On)}: a relevant young offender keeps the 14 or 28-day fixed term (s.255B), on the risk test", cite));
                    return new(regime.Version, tests, RecallRoute.FixedTermOnRiskTest, shortTerm);
                }
                tests.Add(new("Relevant young offender", true, $"Aged {f.AgeOnDate} on {Day(f.On)}: not a relevant young offender", cite));
                tests.AddRange(Exclusions(f, months, cite));
                return tests.All(t => t.Met)
                    ? new(regime.Version, tests, RecallRoute.AutomaticReRelease56Days, 56)
                    : new(regime.Version, tests, RecallRoute.StandardRecall, null);

            default:
                throw new ArgumentOutOfRangeException(nameof(regime), regime.Rules, "A recall regime without rules");
        }
    }

    /// <summary>Every test met: fixed-term recall is mandatory; otherwise it remains possible on the risk test (s.255A(4)(b)).</summary>
    private static RecallRegimeAssessment Mandatory(RuleSetVersion v, List<RegimeTest> tests, int days)
    {
        if (tests.All(t => t.Met)) return new(v, tests, RecallRoute.FixedTermMandatory, days);
        tests.Add(new("Risk of serious harm", true, "Fixed-term recall is still possible if the Secretary of State is satisfied there is no risk of serious harm at the end of the fixed term (s.255A(4)(b))", v.Source.Citation));
        return new(v, tests, RecallRoute.FixedTermOnRiskTest, days);
    }

    private static RegimeTest Age(RecallRegimeFacts f, string cite) => f.AgeOnDate >= 18
        ? new("Age", true, $"Aged {f.AgeOnDate} on {Day(f.On)}, 18 or over", cite)
        : new("Age", false, $"Aged {f.AgeOnDate} on {Day(f.On)}: fixed-term recall is mandatory only at 18 or over", cite);

    private static RegimeTest Mappa(RecallRegimeFacts f, string cite) => f.MappaLevel is MappaLevel.Level2 or MappaLevel.Level3
        ? new("MAPPA", false, $"Managed at MAPPA level {(int)f.MappaLevel}: level 2 or 3 is excluded", cite)
        : new("MAPPA", true, f.MappaLevel == MappaLevel.None ? "Not managed under MAPPA" : $"Managed at MAPPA level {(int)f.MappaLevel}, not level 2 or 3", cite);

    /// <summary>The 2025 order's exclusions; the Sentencing Act 2026's s.255A(8) is coded with the same set until checked.</summary>
    private static IEnumerable<RegimeTest> Exclusions(RecallRegimeFacts f, int months, string cite)
    {
        yield return months < 48
            ? new("Sentence length", true, $"Sentence of {Months(months)}, under 4 years", cite)
            : new("Sentence length", false, $"Sentence of {Months(months)}: 4 years or more is excluded", cite);
        yield return f.Schedule19AAOffence
            ? new("Schedule 19AA", false, "The offence is listed in Schedule 19AA: excluded", cite)
            : new("Schedule 19AA", true, "The offence is not listed in Schedule 19AA", cite);
        yield return f.TerroristOffence
            ? new("Terrorism", false, "A terrorist or terrorism-connected offence: excluded", cite)
            : new("Terrorism", true, "Not a terrorist or terrorism-connected offence", cite);
        yield return f.RecalledOnCharge
            ? new("Charge", false, "Recalled on a charge for a further offence: excluded", cite)
            : new("Charge", true, "Not recalled on a charge", cite);
        yield return Mappa(f, cite);
    }

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static string Months(int m) => m % 12 == 0 ? $"{m / 12} year{(m == 12 ? "" : "s")}" : $"{m} months";
}
