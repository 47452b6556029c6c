using Pathway.Domain.Rules;

namespace Pathway.Domain.Instruments;

/// <summary>
/// Screening instruments as rule sets: each shipped definition version (src/Pathway.Data/Instruments) with its source and
/// what the clinical lead has still to check. The version a screening was scored with is kept on the screening itself.
/// Instruments take effect when Pathway ships them, not on a date in law, so their start is recorded as not known.
/// </summary>
public static class ScreenRuleSets
{
    private static readonly RuleSource SapasSource = new(
        "Moran P, Leese M, Lee T, Walters P, Thornicroft G, Mann A (2003). Standardised Assessment of Personality – Abbreviated Scale (SAPAS)",
        "British Journal of Psychiatry 183:228–232");

    /// <summary>SAPAS: version 2 says a low score does not rule out personality disorder (DOMAIN.md section 4).</summary>
    public static readonly RuleRegister<int> Sapas = new("screen-sapas", "Screening: SAPAS", [
        new(new RuleSetVersion("screen-sapas", "sapas-v1", "SAPAS, first version", null, null, SapasSource, false,
        [
            "Superseded by version 2: its interpretation said a score under 3 \"does not suggest\" personality disorder, which reassures where the screen is weakest (community and justice settings, antisocial personality disorder). Screenings scored with it keep it.",
            "Items 4–8 are short paraphrases: check them against the published wording.",
        ]), 1),
        new(new RuleSetVersion("screen-sapas", "sapas-v2", "SAPAS, a low score does not rule out personality disorder", null, null, SapasSource, false,
        [
            "Items 4–8 are short paraphrases: check them against the published wording.",
            "Performance figures quoted: Moran et al. 2003 (cut-off 3); Fok et al. 2015 (community, cut-off 4); Ball, Tully & Egan 2016 (antisocial personality disorder).",
        ]), 2),
    ]);

    private static readonly RuleSource HmppsOasys = new(
        "HM Prison and Probation Service and NHS England, Offender Personality Disorder (OPD) pathway screening",
        "As computed by HMPPS from OASys assessment answers; no published scoring document held by Pathway");

    private static readonly RuleSource NeonSlides = new(
        "NEON evaluation slides: OPD pathway screening criteria",
        "Presentation slides (NEON evaluation of the OPD pathway); no publication reference or date held by Pathway");

    private static readonly RuleSource LppGuide = new(
        "London Pathway Project guide to the OPD pathway screening criteria",
        "London Pathway Project practitioner guide; no publication reference or date held by Pathway");

    private const string PersonalityItemsAreParaphrases =
        "Personality items and indicators are short paraphrases of OASys-derived criteria: check each against the source.";

    /// <summary>
    /// The men's OPD screen (DOMAIN.md section 4). NEON's description is the default for new screenings (key
    /// <c>opd-screen-men</c>, version 2); the London Pathway Project's is another instrument a psychologist may choose
    /// (<c>opd-screen-men-lpp</c>). Version 1, which had neither the clinical link nor the life/IPP route, is kept for the
    /// screenings scored with it.
    /// </summary>
    public static readonly RuleRegister<InstrumentVersion> OpdMen = new("screen-opd-men", "Screening: OPD pathway screen (men)", [
        new(new RuleSetVersion("screen-opd-men", "opd-screen-men-v1", "OPD screen (men), first version: 10 items, 7 or more", null, null, HmppsOasys, false,
        [
            "Superseded by version 2 (NEON) for new screenings: it has no clinical-link question, so it could say \"screened in\" where neither published description would, and no life or IPP route. Screenings scored with it keep it.",
            PersonalityItemsAreParaphrases,
        ]), new("opd-screen-men", 1)),
        new(new RuleSetVersion("screen-opd-men", "opd-screen-men-v2", "OPD screen (men) as the NEON evaluation slides describe it (default)", null, null, NeonSlides, false,
        [
            "The eleventh personality item, \"diversity of offending categories\", is taken from the slides' list: check its wording and how OASys answers it.",
            "The threshold (7 or more of 11 personality items, or 2 or more of 4 indicators) and the life or IPP sentence as a route in are as the slides list them: confirm against the slides and current HMPPS practice.",
            "Whether the clinical-link requirement applies to a clinical override as well as to the thresholds (Pathway requires it for every way in) is to be confirmed.",
            PersonalityItemsAreParaphrases,
        ]), new("opd-screen-men", 2)),
        new(new RuleSetVersion("screen-opd-men", "opd-screen-men-lpp-v1", "OPD screen (men) as the London Pathway Project guide describes it (alternative)", null, null, LppGuide, false,
        [
            "The guide lists 10 personality items with \"8 or more\": confirm the items and the threshold against the guide.",
            "Whether the guide keeps the indicators route (2 or more) and a clinical override, as Pathway does, is to be confirmed; it gives no life or IPP route.",
            PersonalityItemsAreParaphrases,
        ]), new("opd-screen-men-lpp", 1)),
    ]);

    /// <summary>
    /// The women's OPD screen: HMPPS has not published its scoring, so the shipped version is guidance only (NEON's
    /// criteria) and nothing is scored until the clinical lead publishes a scored version of their own.
    /// </summary>
    public static readonly RuleRegister<InstrumentVersion> OpdWomen = new("screen-opd-women", "Screening: OPD pathway screen (women)", [
        new(new RuleSetVersion("screen-opd-women", "opd-screen-women-v1", "OPD screen (women), first version: the men's items and thresholds copied", null, null, HmppsOasys, false,
        [
            "Withdrawn: it copied the men's items and thresholds, which under-identifies women and claims more than any published source. Screenings scored with it keep it and stay readable; drafts started with it cannot be completed.",
        ]), new("opd-screen-women", 1)),
        new(new RuleSetVersion("screen-opd-women", "opd-screen-women-v2", "OPD screen (women): NEON's criteria as guidance, not scored", null, null, NeonSlides, false,
        [
            "The four criteria (a violent, criminal damage, sexual or child-related offence; high risk of serious harm; likely severe personality disorder; a link between them) are as the slides list them: confirm against the slides.",
            "Scoring is switched off until the clinical lead configures a scored version on the Women's OPD screen page; each configuration is a new, locally defined version, not a published one.",
        ]), new("opd-screen-women", 2)),
    ]);
}

/// <summary>An instrument definition version by key and version number, as a rule set version carries it.</summary>
public sealed record InstrumentVersion(string Key, int Version);
