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
}
