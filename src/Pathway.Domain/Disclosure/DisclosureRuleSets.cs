using Pathway.Domain.Rules;

namespace Pathway.Domain.Disclosure;

/// <summary>The small-numbers suppression policy as a rule set (DOMAIN.md section 9), for the rules page.</summary>
public static class DisclosureRuleSets
{
    public const string RuleSetKey = "disclosure-suppression";

    public static readonly RuleSetVersion UnderFiveWithSecondary = new(
        RuleSetKey, "suppress-under-5", "Counts under 5 hidden, with secondary suppression",
        null, null,
        new("Pathway's disclosure policy for published figures", "DOMAIN.md section 9; primary suppression below the floor and secondary suppression so no hidden count can be derived from totals (SmallCellSuppression)"),
        false,
        [
            "The floor of 5 is the service's setting: confirm it with the Caldicott guardian.",
            "NHS Digital's method for Hospital Episode Statistics (suppress 1–7, round other counts to the nearest 5) is not yet offered as a choice.",
        ]);

    public static readonly RuleRegister<DisclosurePolicy> Suppression = new(RuleSetKey, "Published figures: small-numbers suppression", [
        new(UnderFiveWithSecondary, DisclosurePolicy.Default),
    ]);
}
