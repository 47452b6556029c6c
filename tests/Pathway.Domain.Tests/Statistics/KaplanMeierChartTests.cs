using System.Xml.Linq;
using Pathway.Domain.Statistics;

namespace Pathway.Domain.Tests.Statistics;

public sealed class KaplanMeierChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static IReadOnlyList<KaplanMeierCurve> TwoGroups() => KaplanMeier.FitGroups(
        [10, 20, 20, 35, 50, 60, 5, 15, 25, 40, 45, 70],
        [true, true, false, true, false, true, true, false, true, true, false, false],
        ["usual", "usual", "usual", "usual", "usual", "usual", "PD <service> & co", "PD <service> & co", "PD <service> & co", "PD <service> & co", "PD <service> & co", "PD <service> & co"]);

    [Fact]
    public void Render_IsWellFormedSvg_WithTitleDescriptionAndOneCurvePerGroup()
    {
        var svg = XDocument.Parse(KaplanMeierChart.Render(TwoGroups(), "Time to recall"));
        var root = svg.Root!;
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("img", root.Attribute("role")!.Value);
        Assert.Equal("Time to recall", root.Element(Svg + "title")!.Value);
        Assert.Contains("median", root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        var groups = root.Elements(Svg + "g").ToArray();
        Assert.Equal(["PD <service> & co", "usual"], groups.Select(g => g.Attribute("data-group")!.Value));
        // Each group: a shaded band, a step line, censoring ticks; the second group is dashed.
        Assert.All(groups, g => Assert.Contains(g.Elements(Svg + "path"), p => p.Attribute("fill-opacity") is not null));
        Assert.NotNull(groups[1].Elements(Svg + "path").Single(p => p.Attribute("fill")!.Value == "none").Attribute("stroke-dasharray"));
    }

    [Fact]
    public void NumbersAtRisk_AreEveryoneStillFollowedAtEachTick()
    {
        var curves = TwoGroups();
        var usual = curves.Single(c => c.Group == "usual"); // times 10 20 20 35 50 60
        Assert.Equal(6, KaplanMeierChart.AtRisk(usual, 0));
        Assert.Equal(5, KaplanMeierChart.AtRisk(usual, 20));
        Assert.Equal(2, KaplanMeierChart.AtRisk(usual, 40));
        Assert.Equal(0, KaplanMeierChart.AtRisk(usual, 61));

        var svg = XDocument.Parse(KaplanMeierChart.Render(curves, "t"));
        var atRisk = svg.Descendants(Svg + "text").Where(t => t.Attribute("data-at-risk") is not null).ToArray();
        Assert.Equal(KaplanMeierChart.Ticks(70).Length * 2, atRisk.Length);
        Assert.Equal("6", atRisk.First(t => t.Attribute("data-at-risk")!.Value == "0").Value);
    }

    [Theory]
    [InlineData(70, new double[] { 0, 20, 40, 60, 80 })]
    [InlineData(730, new double[] { 0, 200, 400, 600, 800 })]
    [InlineData(12, new double[] { 0, 2, 4, 6, 8, 10, 12 })]
    [InlineData(9, new double[] { 0, 2, 4, 6, 8, 10 })]
    [InlineData(0, new double[] { 0, 1 })]
    public void Ticks_AreRoundNumbersCoveringTheData(double max, double[] expected) => Assert.Equal(expected, KaplanMeierChart.Ticks(max));

    [Fact]
    public void NoData_StillDrawsAnEmptyChart()
    {
        var svg = XDocument.Parse(KaplanMeierChart.Render([], "Nothing yet"));
        Assert.Equal("Nothing yet", svg.Root!.Element(Svg + "title")!.Value);
    }
}
