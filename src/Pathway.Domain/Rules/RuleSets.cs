using Pathway.Domain.Instruments;
using Pathway.Domain.Recall;

namespace Pathway.Domain.Rules;

/// <summary>
/// Every rule set Pathway ships, for the rules page. The early-warning rules are versions the service records (see
/// <c>EarlyWarningRuleSet.History</c>); the page adds them from the database.
/// </summary>
public static class RuleSets
{
    public static readonly IReadOnlyList<IRuleSet> All =
    [
        RecallRegimes.Register, Licences.StandardConditionSets.Register, ScreenRuleSets.Sapas, ScreenRuleSets.OpdMen,
        ScreenRuleSets.OpdWomen, RiskRuleSets.Ogrs3, Disclosure.DisclosureRuleSets.Suppression,
        Governance.RetentionRuleSets.Schedule,
    ];
}
