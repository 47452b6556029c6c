using Pathway.Domain.Compliance;
using Pathway.Domain.Disclosure;
using Pathway.Domain.Rules;

namespace Pathway.Domain.Tests.Rules;

public sealed class RecordedRuleSetTests
{
    [Fact]
    public void EarlyWarningHistory_EndsEachVersionWhenTheNextStarts_EvenOnTheSameDay()
    {
        var set = EarlyWarningRuleSet.History([
            (2, new DateOnly(2026, 5, 1), "Tightened", false),
            (1, new DateOnly(2026, 1, 1), "Starting rules", true),
            (3, new DateOnly(2026, 5, 1), "Corrected a typo the same day", true),
        ]);

        Assert.Equal(["early-warning-v1", "early-warning-v2", "early-warning-v3"], set.Versions.Select(v => v.VersionId));
        Assert.Equal(new DateOnly(2026, 4, 30), set.LastDayOf(set.Versions[0]));
        Assert.Equal(new DateOnly(2026, 5, 1), set.LastDayOf(set.Versions[1]));
        Assert.Null(set.LastDayOf(set.Versions[2]));
        // Only an unconfirmed version asks the clinical lead to check it.
        Assert.Empty(set.Versions[0].UnconfirmedFacts);
        Assert.NotEmpty(set.Versions[1].UnconfirmedFacts);
        Assert.Equal("Tightened", set.Versions[1].Source.Title);
    }

    [Fact]
    public void SuppressionPolicy_IsInTheRegister_AsTheDefaultPolicy()
    {
        Assert.Contains(RuleSets.All, r => r.Key == DisclosureRuleSets.RuleSetKey);
        var only = Assert.Single(DisclosureRuleSets.Suppression.All);
        Assert.Equal(DisclosurePolicy.Default, only.Rules);
        Assert.NotEmpty(only.Version.UnconfirmedFacts);
    }
}
