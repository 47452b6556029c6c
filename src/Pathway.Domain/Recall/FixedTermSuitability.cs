using Pathway.Domain.Cases;
using Pathway.Domain.Licences;

namespace Pathway.Domain.Recall;

/// <summary>
/// The statutory tests for a fixed-term recall (Criminal Justice Act 2003 ss.255A–255B as amended), held as data because
/// the orders change: DOMAIN.md section 3 marks them <b>[check current orders]</b>. Defaults: aged 18 or over; a
/// determinate sentence under 4 years; not an extended or indeterminate sentence; not a Schedule 19AA or terrorist offence;
/// not recalled because of a charge; not managed at MAPPA level 2 or 3. Re-release after 14 days for sentences under
/// 12 months, otherwise 28.
/// </summary>
public sealed record FixedTermPolicy(
    int MinimumAge = 18,
    int SentenceMonthsBelow = 48,
    int FourteenDayBelowMonths = 12,
    bool ExcludeSchedule19AA = true,
    bool ExcludeTerroristOffence = true,
    bool ExcludeRecallForCharge = true,
    IReadOnlyList<MappaLevel>? ExcludedMappaLevels = null)
{
    public static FixedTermPolicy Default { get; } = new();
    public IReadOnlyList<MappaLevel> MappaExclusions => ExcludedMappaLevels ?? [MappaLevel.Level2, MappaLevel.Level3];
}

/// <summary>The facts fixed-term suitability is worked out from.</summary>
public sealed record FixedTermFacts(
    int AgeOnDecision, SentenceType SentenceType, int? SentenceLengthMonths, MappaLevel MappaLevel,
    bool Schedule19AAOffence, bool TerroristOffence, bool RecalledBecauseOfCharge);

/// <summary>One test, whether it is met, and why, in words for the decision record.</summary>
public sealed record SuitabilityTest(string Test, bool Met, string Reason);

public sealed record FixedTermAssessment(IReadOnlyList<SuitabilityTest> Tests, RecallType? FixedTermType)
{
    public bool Suitable => Tests.All(t => t.Met);
    public IEnumerable<string> ReasonsNotSuitable => Tests.Where(t => !t.Met).Select(t => t.Reason);
}

public static class FixedTermSuitability
{
    public static FixedTermAssessment Assess(FixedTermFacts f, FixedTermPolicy? policy = null)
    {
        var p = policy ?? FixedTermPolicy.Default;
        var tests = new List<SuitabilityTest>
        {
            f.AgeOnDecision >= p.MinimumAge
                ? new("Age", true, $"Aged {f.AgeOnDecision}, {p.MinimumAge} or over")
                : new("Age", false, $"Aged {f.AgeOnDecision}: fixed-term recall needs the person to be {p.MinimumAge} or over"),
        };

        var extended = f.SentenceType is SentenceType.ExtendedDeterminate or SentenceType.SpecialCustodialSentenceForOffendersOfParticularConcern;
        if (SentenceTypes.IsIndeterminate(f.SentenceType) || extended)
            tests.Add(new("Sentence", false, $"{SentenceTypes.DisplayName(f.SentenceType)}: only standard determinate sentences can end in a fixed-term recall"));
        else if (f.SentenceLengthMonths is not { } months)
            tests.Add(new("Sentence", false, "The sentence length is not recorded on the licence: record it to work out fixed-term suitability"));
        else if (months >= p.SentenceMonthsBelow)
            tests.Add(new("Sentence", false, $"Sentence of {Months(months)}: fixed-term recall needs a sentence under {Months(p.SentenceMonthsBelow)}"));
        else
            tests.Add(new("Sentence", true, $"Sentence of {Months(months)}, under {Months(p.SentenceMonthsBelow)}"));

        if (p.ExcludeSchedule19AA)
            tests.Add(f.Schedule19AAOffence
                ? new("Offence", false, "The offence is listed in Schedule 19AA: fixed-term recall is excluded")
                : new("Offence", true, "The offence is not listed in Schedule 19AA"));
        if (p.ExcludeTerroristOffence)
            tests.Add(f.TerroristOffence
                ? new("Terrorism", false, "A terrorist or terrorism-connected offence: fixed-term recall is excluded")
                : new("Terrorism", true, "Not a terrorist or terrorism-connected offence"));
        if (p.ExcludeRecallForCharge)
            tests.Add(f.RecalledBecauseOfCharge
                ? new("Charge", false, "The recall is because of a charge for a further offence: fixed-term recall is excluded")
                : new("Charge", true, "The recall is not because of a charge"));
        tests.Add(p.MappaExclusions.Contains(f.MappaLevel)
            ? new("MAPPA", false, $"Managed at MAPPA {Mappa(f.MappaLevel)}: fixed-term recall is excluded at level 2 or 3")
            : new("MAPPA", true, f.MappaLevel == MappaLevel.None ? "Not managed under MAPPA" : $"Managed at MAPPA {Mappa(f.MappaLevel)}"));

        RecallType? type = tests.All(t => t.Met)
            ? f.SentenceLengthMonths < p.FourteenDayBelowMonths ? RecallType.FixedTerm14Day : RecallType.FixedTerm28Day
            : null;
        return new FixedTermAssessment(tests, type);
    }

    private static string Months(int m) => m % 12 == 0 ? $"{m / 12} year{(m == 12 ? "" : "s")}" : $"{m} months";
    private static string Mappa(MappaLevel l) => $"level {(int)l}";
}
