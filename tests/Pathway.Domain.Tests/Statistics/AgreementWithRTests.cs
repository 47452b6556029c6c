using System.Text.Json;
using Pathway.Domain.Statistics;

namespace Pathway.Domain.Tests.Statistics;

/// <summary>
/// Every statistic against R's survival package (survfit, survdiff, coxph) on the datasets and answers that
/// tools/r/reference.R wrote: 1e-6 on coefficients, standard errors and curves; 1e-4 on test statistics.
/// </summary>
public sealed class AgreementWithRTests
{
    private const double Coefficient = 1e-6;
    private const double Statistic = 1e-4;

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Statistics", "Reference");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal)) data.Add(Path.GetFileNameWithoutExtension(f));
        return data;
    }

    [Fact]
    public void TheReferenceSetCoversTiesStrataAndBothTieMethods()
    {
        var names = Directory.GetFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).ToArray();
        Assert.True(names.Length >= 8, "expected at least eight reference datasets");
        Assert.Contains("ties-breslow", names);
        Assert.Contains("ties-strata", names);
        Assert.Contains("veteran-strata", names);
        Assert.Contains("lung-cluster", names);
        Assert.Contains("counting-efron", names);
        Assert.Contains("counting-breslow", names);
        Assert.Contains("counting-cluster-efron", names);
        Assert.Contains("counting-cluster-breslow", names);
        Assert.Contains("counting-strata-cluster", names);
        Assert.Contains("counting-strata-cluster-breslow", names);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesR(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, name + ".json")));
        var r = doc.RootElement;
        var covariates = r.GetProperty("covariates").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var columns = new SurvivalColumns(r.GetProperty("time").GetString()!, r.GetProperty("event").GetString()!,
            r.TryGetProperty("group", out var g) ? g.GetString() : null, covariates, r.TryGetProperty("strata", out var s) ? s.GetString() : null,
            r.TryGetProperty("start", out var st) ? st.GetString() : null, r.TryGetProperty("cluster", out var cl) ? cl.GetString() : null);
        using var reader = new StreamReader(Path.Combine(Folder, r.GetProperty("csv").GetString()!));
        var parsed = SurvivalTable.Parse(reader, columns);
        Assert.True(parsed.Succeeded, parsed.Failure);
        var table = parsed.Value!;
        var conf = r.GetProperty("conf").GetString() switch { "log-log" => ConfidenceType.LogLog, "plain" => ConfidenceType.Plain, _ => ConfidenceType.Log };
        var groups = table.Group ?? Enumerable.Repeat("all", table.Count).ToArray();

        var curves = KaplanMeier.FitGroups(table.Time, table.Event, groups, conf);
        foreach (var expected in r.GetProperty("km").EnumerateArray())
        {
            var curve = Assert.Single(curves, c => c.Group == expected.GetProperty("group").GetString());
            AssertSeries(expected, "time", curve.Points.Select(p => (double?)p.Time), Coefficient);
            AssertSeries(expected, "nRisk", curve.Points.Select(p => (double?)p.NRisk), 0);
            AssertSeries(expected, "nEvent", curve.Points.Select(p => (double?)p.NEvent), 0);
            AssertSeries(expected, "nCensor", curve.Points.Select(p => (double?)p.NCensor), 0);
            AssertSeries(expected, "survival", curve.Points.Select(p => (double?)p.Survival), Coefficient);
            AssertSeries(expected, "stdErr", curve.Points.Select(p => p.StdErr), Coefficient);
            AssertSeries(expected, "lower", curve.Points.Select(p => p.Lower), Coefficient);
            AssertSeries(expected, "upper", curve.Points.Select(p => p.Upper), Coefficient);
            AssertNear(Number(expected.GetProperty("median")), curve.Median, Coefficient, $"{curve.Group} median");
        }

        if (r.TryGetProperty("logrank", out var lr))
        {
            var result = LogRank.Test(table.Time, table.Event, groups, table.Strata);
            Assert.True(result.Succeeded, result.Failure);
            var test = result.Value!;
            AssertNear(lr.GetProperty("chisq").GetDouble(), test.ChiSquare, Statistic, "log-rank chisq");
            Assert.Equal(lr.GetProperty("df").GetInt32(), test.DegreesOfFreedom);
            AssertNear(lr.GetProperty("p").GetDouble(), test.P, Statistic, "log-rank p");
            AssertSeries(lr, "observed", test.Groups.Select(x => (double?)x.Observed), Statistic);
            AssertSeries(lr, "expected", test.Groups.Select(x => (double?)x.Expected), Statistic);
            var k = test.Groups.Count;
            AssertSeries(lr, "variance", Enumerable.Range(0, k * k).Select(i => (double?)test.Variance[i % k, i / k]), Statistic);
        }

        if (r.TryGetProperty("cox", out var cox))
        {
            var ties = r.GetProperty("ties").GetString() == "breslow" ? CoxTies.Breslow : CoxTies.Efron;
            var result = CoxModel.Fit(table.Time, table.Event, table.Covariates, table.CovariateNames, table.Strata, ties, table.Start, table.Cluster);
            Assert.True(result.Succeeded, result.Failure);
            var fit = result.Value!;
            Assert.Equal(table.Start is not null, fit.Counting);
            if (cox.TryGetProperty("robustSe", out _))
            {
                AssertSeries(cox, "robustSe", fit.Coefficients.Select(c => c.RobustStdErr), Coefficient);
                AssertNear(cox.GetProperty("robustScoreTest").GetDouble(), fit.RobustScore!.ChiSquare, Statistic, "robust score test");
                AssertNear(cox.GetProperty("robustScoreP").GetDouble(), fit.RobustScore.P, Statistic, "robust score p");
                Assert.Equal(cox.GetProperty("clusters").GetInt32(), fit.Clusters);
                Assert.NotNull(fit.NaiveVariance);
            }
            else
            {
                Assert.All(fit.Coefficients, c => Assert.Null(c.RobustStdErr));
                Assert.Null(fit.Clusters);
            }
            AssertSeries(cox, "coef", fit.Coefficients.Select(c => (double?)c.Coef), Coefficient);
            AssertSeries(cox, "se", fit.Coefficients.Select(c => (double?)c.StdErr), Coefficient);
            AssertSeries(cox, "lower", fit.Coefficients.Select(c => (double?)c.Lower), Coefficient);
            AssertSeries(cox, "upper", fit.Coefficients.Select(c => (double?)c.Upper), Coefficient);
            AssertSeries(cox, "z", fit.Coefficients.Select(c => (double?)c.Z), Statistic);
            AssertSeries(cox, "p", fit.Coefficients.Select(c => (double?)c.P), Statistic);
            AssertSeries(cox, "loglik", [fit.LogLikNull, fit.LogLik], Statistic);
            AssertNear(cox.GetProperty("lrTest").GetDouble(), fit.LikelihoodRatio.ChiSquare, Statistic, "LR test");
            AssertNear(cox.GetProperty("waldTest").GetDouble(), fit.Wald.ChiSquare, Statistic, "Wald test");
            AssertNear(cox.GetProperty("scoreTest").GetDouble(), fit.Score.ChiSquare, Statistic, "score test");
            AssertNear(cox.GetProperty("lrP").GetDouble(), fit.LikelihoodRatio.P, Statistic, "LR p");
            AssertNear(cox.GetProperty("waldP").GetDouble(), fit.Wald.P, Statistic, "Wald p");
            AssertNear(cox.GetProperty("scoreP").GetDouble(), fit.Score.P, Statistic, "score p");
            var c = fit.Concordance;
            AssertSeries(cox, "concordance", [c.Concordant, c.Discordant, c.TiedX, c.TiedY, c.TiedXY, c.C], Statistic);
            Assert.Equal(cox.GetProperty("iterations").GetInt32(), fit.Iterations);
            Assert.Equal(cox.GetProperty("n").GetInt32(), fit.N);
            Assert.Equal(cox.GetProperty("nEvents").GetInt32(), fit.Events);
        }
    }

    private static double? Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();

    private static void AssertSeries(JsonElement parent, string property, IEnumerable<double?> actual, double tolerance)
    {
        var expected = parent.GetProperty(property).EnumerateArray().Select(Number).ToArray();
        var got = actual.ToArray();
        Assert.True(expected.Length == got.Length, $"{property}: R has {expected.Length} values, we have {got.Length}");
        for (var i = 0; i < expected.Length; i++) AssertNear(expected[i], got[i], tolerance, $"{property}[{i}]");
    }

    private static void AssertNear(double? expected, double? actual, double tolerance, string what)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{what}: R {expected?.ToString() ?? "NA"}, we {actual?.ToString() ?? "null"}");
            return;
        }
        var scale = Math.Max(1, Math.Abs(expected.Value));
        Assert.True(Math.Abs(expected.Value - actual.Value) <= tolerance * scale, $"{what}: R {expected:R}, we {actual:R}");
    }
}
