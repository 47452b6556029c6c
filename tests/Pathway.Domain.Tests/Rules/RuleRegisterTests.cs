using Pathway.Domain.Recall;
using Pathway.Domain.Rules;

namespace Pathway.Domain.Tests.Rules;

public sealed class RuleRegisterTests
{
    private static RuleSetVersion V(string id, DateOnly? from, DateOnly? to = null) =>
        new("test-set", id, id, from, to, new("Source", "Citation"), false, []);

    private static readonly RuleRegister<string> Register = new("test-set", "Test", [
        new(V("b", new DateOnly(2024, 4, 2)), "b"),
        new(V("a", new DateOnly(2012, 12, 3)), "a"),
        new(V("unknown", null), "unknown"),
    ]);

    [Fact]
    public void TheDayBeforeAVersionTakesEffect_ThePreviousOneApplies_AndOnTheDayItself_TheNewOne()
    {
        Assert.Equal("a", Register.On(new DateOnly(2024, 4, 1))!.Rules);
        Assert.Equal("b", Register.On(new DateOnly(2024, 4, 2))!.Rules);
        Assert.Null(Register.On(new DateOnly(2012, 12, 2)));
        Assert.Equal("a", Register.On(new DateOnly(2012, 12, 3))!.Rules);
    }

    [Fact]
    public void AVersionWithAnUnknownStart_IsListedLast_AndNeverChosenByDate()
    {
        Assert.Equal(["a", "b", "unknown"], Register.Versions.Select(v => v.VersionId));
        Assert.Equal("b", Register.On(new DateOnly(2030, 1, 1))!.Rules);
        Assert.Null(Register.LastDayOf(Register.Find("unknown")!.Version));
    }

    [Fact]
    public void AVersionEnds_TheDayBeforeItsSuccessor_OrOnItsOwnEndDate()
    {
        Assert.Equal(new DateOnly(2024, 4, 1), Register.LastDayOf(Register.Find("a")!.Version));
        Assert.Null(Register.LastDayOf(Register.Find("b")!.Version));
        var ended = new RuleRegister<string>("test-set", "Test", [new(V("only", new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31)), "only")]);
        Assert.Equal("only", ended.On(new DateOnly(2020, 12, 31))!.Rules);
        Assert.Null(ended.On(new DateOnly(2021, 1, 1)));
    }

    [Fact]
    public void VersionsMustBelongToTheSet_AndHaveUniqueIdsAndStarts()
    {
        Assert.Throws<ArgumentException>(() => new RuleRegister<string>("other", "x", [new(V("a", null), "a")]));
        Assert.Throws<ArgumentException>(() => new RuleRegister<string>("test-set", "x", [new(V("a", null), "a"), new(V("a", new DateOnly(2020, 1, 1)), "a")]));
        Assert.Throws<ArgumentException>(() => new RuleRegister<string>("test-set", "x", [new(V("a", new DateOnly(2020, 1, 1)), "a"), new(V("b", new DateOnly(2020, 1, 1)), "b")]));
    }

    [Fact]
    public void EveryRegisteredRuleSet_CitesItsSource_AndListsWhatIsUnconfirmed_UnlessConfirmed()
    {
        foreach (var set in RuleSets.All)
        foreach (var v in set.Versions)
        {
            Assert.False(string.IsNullOrWhiteSpace(v.Source.Title));
            Assert.False(string.IsNullOrWhiteSpace(v.Source.Citation));
            Assert.DoesNotContain("[check", v.Name, StringComparison.Ordinal);
        }
        Assert.Contains(RuleSets.All, s => s.Key == RecallRegimes.RuleSetKey);
    }
}
