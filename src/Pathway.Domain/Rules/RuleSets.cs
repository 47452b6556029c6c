using Pathway.Domain.Instruments;
using Pathway.Domain.Recall;

namespace Pathway.Domain.Rules;

/// <summary>
/// Every rule set kept in the register, for the rules page. Licence-condition sets, the early-warning rules and the
/// suppression policy are to join as they move to dated versions.
/// </summary>
public static class RuleSets
{
    public static readonly IReadOnlyList<IRuleSet> All = [RecallRegimes.Register, ScreenRuleSets.Sapas, ScreenRuleSets.OpdMen, ScreenRuleSets.OpdWomen, RiskRuleSets.Ogrs3];
}
