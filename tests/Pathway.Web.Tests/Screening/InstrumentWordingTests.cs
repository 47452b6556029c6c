using Pathway.Data.Instruments;
using Pathway.Domain.Instruments;
using Pathway.Domain.Rules;

namespace Pathway.Web.Tests.Screening;

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
            var shown = new[] { d.Title, d.Description, d.Citation, d.Licence, d.Notes }.Concat(d.Bands.Select(b => b.Label + " " + b.Interpretation))
                .Concat(d.Guidance).Concat(d.Items.Select(i => i.Text + " " + i.Hint)).Concat(d.Gates.Select(g => g.Text));
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

    [Fact]
    public void EveryShippedOpdScreenVersion_IsInTheRulesRegister_AndTheMensDefaultIsNeon()
    {
        var registered = ScreenRuleSets.OpdMen.All.Concat(ScreenRuleSets.OpdWomen.All).Select(v => v.Rules).ToHashSet();
        var shipped = InstrumentCatalogue.Shipped().Select(s => s.Definition).Where(d => d.Key.StartsWith("opd-screen", StringComparison.Ordinal)).ToList();
        Assert.All(shipped, d => Assert.Contains(new InstrumentVersion(d.Key, d.Version), registered));
        var men = Newest().Single(d => d.Key == "opd-screen-men");
        Assert.Contains("NEON", men.Citation, StringComparison.Ordinal);
        Assert.Equal("link", Assert.Single(men.ScreenedIn!.RequiresList).Item);
        Assert.True(Newest().Single(d => d.Key == "opd-screen-women").GuidanceOnly);
    }
}
