using Pathway.Data.Instruments;
using Pathway.Domain.Instruments;
using Pathway.Domain.Rules;

namespace Pathway.Web.Tests;

/// <summary>What the newest shipped instrument versions say to a person: no placeholders, and SAPAS never reassures.</summary>
public sealed class InstrumentWordingTests
{
    private static IEnumerable<InstrumentDefinition> Newest() =>
        InstrumentCatalogue.Shipped().Select(s => s.Definition).GroupBy(d => d.Key).Select(g => g.MaxBy(d => d.Version)!);

    [Fact]
    public void NoShippedInstrument_ShowsAPlaceholder()
    {
        foreach (var d in InstrumentCatalogue.Shipped().Select(s => s.Definition))
        {
            var shown = new[] { d.Title, d.Description, d.Citation, d.Licence, d.Notes }.Concat(d.Bands.Select(b => b.Label + " " + b.Interpretation));
            Assert.All(shown, text => Assert.DoesNotContain("[check", text ?? "", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void Sapas_ALowScoreDoesNotRuleOutPersonalityDisorder_AndWhatIsUncheckedIsOnTheRulesPage()
    {
        var sapas = Newest().Single(d => d.Key == "sapas");
        var low = sapas.Bands.Single(b => b.Min == 0);
        Assert.StartsWith("A score under 3 does not rule out personality disorder", low.Interpretation, StringComparison.Ordinal);
        Assert.DoesNotContain("does not suggest", low.Interpretation!, StringComparison.Ordinal);
        Assert.Equal(sapas.Version, ScreenRuleSets.Sapas.All.Max(v => v.Rules));
        Assert.Contains(RuleSets.All, r => r.Key == ScreenRuleSets.Sapas.Key);
        Assert.Contains(ScreenRuleSets.Sapas.All.Single(v => v.Rules == sapas.Version).Version.UnconfirmedFacts, f => f.Contains("Items 4–8", StringComparison.Ordinal));
    }
}
