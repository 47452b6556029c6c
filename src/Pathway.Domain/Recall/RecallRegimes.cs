using Pathway.Domain.Rules;

namespace Pathway.Domain.Recall;

/// <summary>The four sets of rules for what follows a recall (DOMAIN.md section 3), as shapes the assessment knows.</summary>
public enum RecallRegimeKind
{
    /// <summary>Fixed-term recall only where the Secretary of State is satisfied there is no risk of serious harm.</summary>
    Laspo2012,
    /// <summary>Adds a mandatory route for sentences under 12 months (SI 2024/408).</summary>
    Order2024,
    /// <summary>Widens the mandatory route to sentences under 4 years, with offence, charge and MAPPA exclusions.</summary>
    Order2025,
    /// <summary>Adults are re-released automatically after 56 days unless excluded; relevant young offenders keep 14/28 days.</summary>
    SentencingAct2026,
}

/// <summary>
/// The recall regimes as dated, sourced versions of the rule set <c>recall-regime</c>. Each is applied as it stood on the
/// day of the recall. Dates and exclusions the clinical lead has not yet checked against the statute are listed as
/// unconfirmed facts; they surface on the rules page, never on a person's record.
/// </summary>
public static class RecallRegimes
{
    public const string RuleSetKey = "recall-regime";

    public static readonly RuleSetVersion Laspo2012 = new(
        RuleSetKey, "recall-2012-laspo", "Fixed-term recall on the risk test (LASPO 2012)",
        new DateOnly(2012, 12, 3), null,
        new("Legal Aid, Sentencing and Punishment of Offenders Act 2012, s.116", "CJA 2003 ss.255A–255B as substituted by LASPO 2012 s.116"),
        false, []);

    public static readonly RuleSetVersion Order2024 = new(
        RuleSetKey, "recall-2024-si-2024-408", "Mandatory fixed-term recall for sentences under 12 months (2024 order)",
        new DateOnly(2024, 4, 2), null,
        new("Criminal Justice Act 2003 (Suitability for Fixed Term Recall) Order 2024", "SI 2024/408; CJA 2003 s.255A(4) and (4A)"),
        false, []);

    public static readonly RuleSetVersion Order2025 = new(
        RuleSetKey, "recall-2025-suitability-order", "Mandatory fixed-term recall for sentences under 4 years (2025 order)",
        new DateOnly(2025, 7, 14), null,
        new("Criminal Justice Act 2003 (Suitability for Fixed Term Recall) Order 2025", "CJA 2003 s.255A(4) as substituted by the 2025 order"),
        false,
        [
            "In-force date: 14 July 2025 is a working date (the draft was debated in June 2025, approved by Parliament in July 2025 and listed as made on 14 July 2025); the commencement article has not been checked. Recalls from 14 July 2025 are assessed under this order, earlier ones under the 2024 order.",
            "The order's number (SI 2025/…) is not recorded.",
        ]);

    public static readonly RuleSetVersion SentencingAct2026 = new(
        RuleSetKey, "recall-2026-sentencing-act", "Automatic re-release after 56 days (Sentencing Act 2026)",
        new DateOnly(2026, 3, 31), null,
        new("Sentencing Act 2026, ss.30–33; commencement by SI 2026/86", "CJA 2003 ss.255A(8), 255B and 255BA as amended by the Sentencing Act 2026"),
        false,
        [
            "Commencement of the recall provisions on 31 March 2026 (SI 2026/86) has not been checked.",
            "The s.255A(8) exclusions are coded as the 2025 order's: sentence of 4 years or more, Schedule 19AA or terrorist offence, recalled on a charge, MAPPA level 2 or 3. Check them against the statute.",
            "A \"relevant young offender\" is coded as someone under 18 on the day of the recall. Check the definition against the statute.",
            "An excluded adult is coded as a standard recall (s.255C), with no fixed-term route on the risk test. Check whether s.255A(4)(b) still applies.",
        ]);

    /// <summary>Every regime, with the shape of its rules.</summary>
    public static readonly RuleRegister<RecallRegimeKind> Register = new(RuleSetKey, "Recall: what follows a recall", [
        new(Laspo2012, RecallRegimeKind.Laspo2012),
        new(Order2024, RecallRegimeKind.Order2024),
        new(Order2025, RecallRegimeKind.Order2025),
        new(SentencingAct2026, RecallRegimeKind.SentencingAct2026),
    ]);
}
