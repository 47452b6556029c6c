using Pathway.Domain.Governance;
using Pathway.Domain.Rules;

namespace Pathway.Domain.Tests.Governance;

public sealed class RetentionRuleSetsTests
{
    [Fact]
    public void TheRetentionPeriod_IsOnTheRulesPage_AwaitingTheClinicalLeadsCheck()
    {
        var set = Assert.Single(RuleSets.All, s => s.Key == RetentionRuleSets.RuleSetKey);
        var version = Assert.Single(set.Versions);
        Assert.False(version.ConfirmedByClinicalLead);
        Assert.Null(version.EffectiveFrom); // never an invented date
        Assert.Contains(version.UnconfirmedFacts, f => f.Contains("Appendix II", StringComparison.Ordinal));
        Assert.Equal(20, RetentionRuleSets.MentalHealthRecords.YearsAfterLastContact);
        Assert.Equal(8, RetentionRuleSets.MentalHealthRecords.YearsAfterDeath);
    }
}
