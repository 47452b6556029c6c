using Pathway.Domain.Incidents;

namespace Pathway.Domain.Tests.CarePlans;

public sealed class ChainAnalysisTests
{
    private static Chain Build(params string[] texts)
    {
        var chain = Chain.Empty;
        foreach (var t in texts) chain = chain.Insert(chain.Links.Count, new ChainLink(ChainLinkKind.Thought, t)).Chain;
        return chain;
    }

    private static IEnumerable<string> Texts(Chain c) => c.Links.Select(l => l.Text);

    [Fact]
    public void Links_AreAddedRemovedAndReordered()
    {
        var c = Build("a", "b", "c");
        c = c.Insert(1, new ChainLink(ChainLinkKind.Emotion, "  shame  ", "opposite-action")).Chain;
        Assert.Equal(["a", "shame", "b", "c"], Texts(c));
        c = c.Move(3, 0).Chain;
        Assert.Equal(["c", "a", "shame", "b"], Texts(c));
        c = c.Move(1, 2).Chain;
        Assert.Equal(["c", "shame", "a", "b"], Texts(c));
        c = c.Remove(0).Chain;
        Assert.Equal(["shame", "a", "b"], Texts(c));
    }

    [Fact]
    public void BadEdits_AreRefused_AndLeaveTheChainAsItWas()
    {
        var c = Build("a", "b");
        var (same, error) = c.Move(0, 2);
        Assert.Same(c, same);
        Assert.Equal("Choose a position from 1 to 2", error!.Message);
        Assert.Equal("Describe the link", c.Insert(0, new ChainLink(ChainLinkKind.Urge, " ")).Error!.Message);
        Assert.Contains("not a DBT skill", c.Insert(0, new ChainLink(ChainLinkKind.Urge, "x", "telepathy")).Error!.Message);
        Assert.NotNull(c.Insert(5, new ChainLink(ChainLinkKind.Urge, "x")).Error);
        Assert.NotNull(c.Remove(2).Error);
        Assert.NotNull(c.Insert(0, new ChainLink((ChainLinkKind)99, "x")).Error);
    }

    [Fact]
    public void AChain_HasAtMost40Links()
    {
        var c = Build(Enumerable.Range(1, Chain.MaxLinks).Select(i => $"link {i}").ToArray());
        Assert.Equal(Chain.MaxLinks, c.Links.Count);
        Assert.Contains("at most 40", c.Insert(0, new ChainLink(ChainLinkKind.Action, "one more")).Error!.Message);
    }

    [Fact]
    public void Completing_NeedsEveryStep_InTheOrderTheyAreTaught()
    {
        var empty = new ChainAnalysisFacts(null, null, null, Chain.Empty, null, null, null, null);
        Assert.Equal(
            ["ProblemBehaviour", "VulnerabilityFactors", "PromptingEvent", "Links", "ShortTermConsequences", "LongTermConsequences", "Function", "PreventionAndRepair"],
            ChainAnalysisRules.CanComplete(empty).Select(e => e.Field));
        var noSolution = new ChainAnalysisFacts("Cut forearm", "No sleep", "Letter refusing housing", Build("I am worthless"), "Relief", "Scars; staff worry", "Relief from shame", "Call keyworker; TIP");
        Assert.Equal("Add the solution analysis: for at least one link, choose the skill that could have helped there",
            Assert.Single(ChainAnalysisRules.CanComplete(noSolution)).Message);
        var withStaff = noSolution.Chain.Insert(0, new ChainLink(ChainLinkKind.OthersAction, "Night worker said 'not now' and walked off")).Chain;
        var full = noSolution with { Chain = withStaff.Insert(2, new ChainLink(ChainLinkKind.Emotion, "Shame", "opposite-action")).Chain };
        Assert.Empty(ChainAnalysisRules.CanComplete(full));
    }
}
