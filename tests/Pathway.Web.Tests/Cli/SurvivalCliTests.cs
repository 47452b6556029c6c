using System.Text.Json;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Cli;

/// <summary>`pathway analyse survival` (run in-process, see <see cref="CliProcess"/>): R's answers come out, and every kind of bad file is refused by row and column.</summary>
public sealed class SurvivalCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pathway-survival-").FullName;

    // R's ovarian data (survival package), as tools/r/reference.R exports it.
    private static readonly string[] Ovarian =
    [
        "\"futime\",\"fustat\",\"age\",\"resid_ds\",\"rx\",\"ecog_ps\"",
        "59,1,72.3315,1,1,1",
        "115,1,74.4932,1,1,1",
        "156,1,66.4658,1,1,2",
        "421,0,53.3644,1,2,1",
        "431,1,50.3397,1,1,1",
        "448,0,56.4301,0,1,2",
        "464,1,56.937,1,2,2",
        "475,1,59.8548,1,2,2",
        "477,0,64.1753,1,1,1",
        "563,1,55.1781,0,2,2",
        "638,1,56.7562,0,1,2",
        "744,0,50.1096,0,2,1",
        "769,0,59.6301,1,2,2",
        "770,0,57.0521,1,2,1",
        "803,0,39.2712,0,1,1",
        "855,0,43.1233,0,1,2",
        "1040,0,38.8932,1,1,2",
        "1106,0,44.6,0,1,1",
        "1129,0,53.9068,0,2,1",
        "1206,0,44.2055,1,2,1",
        "1227,0,59.589,0,2,2",
        "268,1,74.5041,1,1,2",
        "329,1,43.137,1,1,1",
        "353,1,63.2192,0,2,2",
        "365,1,64.4247,1,2,1",
        "377,0,58.3096,0,2,1",
    ];

    private string Csv(params string[] lines)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private static Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) =>
        CliProcess.RunAsync(new Dictionary<string, string>(), ["analyse", "survival", .. args]);

    [Fact]
    public async Task Json_StratifiedBreslowModel_MatchesR()
    {
        var file = Csv(Ovarian);
        var run = await RunAsync(file, "--time", "futime", "--event", "fustat", "--group", "rx", "--covariates", "age,ecog_ps",
            "--strata", "resid_ds", "--ties", "breslow", "--format", "json");
        Assert.True(run.Exit == 0, run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;

        // R: coxph(Surv(futime, fustat) ~ age + ecog_ps + strata(resid_ds), ties = "breslow"); survdiff(... ~ rx + strata(resid_ds)).
        var cox = root.GetProperty("cox");
        var covariates = cox.GetProperty("covariates").EnumerateArray().ToArray();
        Assert.Equal("age", covariates[0].GetProperty("name").GetString());
        Assert.Equal(0.124960780517820, covariates[0].GetProperty("coef").GetDouble(), 1e-6);
        Assert.Equal(0.210158248450099, covariates[1].GetProperty("coef").GetDouble(), 1e-6);
        Assert.Equal(8.22596507006908, cox.GetProperty("scoreTest").GetProperty("chisq").GetDouble(), 1e-4);
        Assert.Equal(2, cox.GetProperty("lrTest").GetProperty("df").GetInt32());
        foreach (var key in new[] { "hr", "se", "z", "p", "lower", "upper" }) Assert.True(covariates[0].TryGetProperty(key, out _), key);
        foreach (var key in new[] { "loglik", "waldTest", "concordance", "n", "nEvents" }) Assert.True(cox.TryGetProperty(key, out _), key);

        var logRank = root.GetProperty("logrank");
        Assert.Equal(1.27964345120336, logRank.GetProperty("chisq").GetDouble(), 1e-4);
        Assert.Equal(1, logRank.GetProperty("df").GetInt32());
        Assert.Equal(2, logRank.GetProperty("groups").GetArrayLength());

        var km = root.GetProperty("km").EnumerateArray().ToArray();
        Assert.Equal(["1", "2"], km.Select(k => k.GetProperty("group").GetString()));
        foreach (var key in new[] { "time", "nRisk", "nEvent", "survival", "stdErr", "lower", "upper" })
            Assert.Equal(km[0].GetProperty("time").GetArrayLength(), km[0].GetProperty(key).GetArrayLength());
        Assert.Equal(638, km[0].GetProperty("median").GetDouble());
    }

    // Several periods per person as (start, stop] rows; some people enter late, one has the covariate switch on.
    private static readonly string[] Periods =
    [
        "id,start,stop,event,x,site",
        "a,0,4,0,0,n", "a,4,9,1,1,n", "b,0,6,1,0,s", "c,0,3,0,1,n", "c,3,12,0,0,n", "d,0,7,1,1,s", "d,0,5,1,0,s",
        "e,2,8,1,0,n", "e,0,2,0,1,n", "f,0,10,0,1,s", "f,0,4,1,0,s", "g,1,9,1,1,n", "h,0,11,0,0,s", "h,0,6,1,1,s",
    ];

    [Fact]
    public async Task Json_CountingProcessClusteredOnPerson_MatchesR()
    {
        var run = await RunAsync(Csv(Periods), "--start", "start", "--time", "stop", "--event", "event", "--covariates", "x",
            "--cluster", "id", "--format", "json");
        Assert.True(run.Exit == 0, run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        var cox = doc.RootElement.GetProperty("cox");

        // R: summary(coxph(Surv(start, stop, event) ~ x, data, cluster = id)).
        var x = Assert.Single(cox.GetProperty("covariates").EnumerateArray().ToArray());
        Assert.Equal(-0.0780661854779695, x.GetProperty("coef").GetDouble(), 1e-6);
        Assert.Equal(0.713814848043775, x.GetProperty("se").GetDouble(), 1e-6);
        Assert.Equal(0.750863214907568, x.GetProperty("robustSe").GetDouble(), 1e-6);
        Assert.Equal(-0.103968584328078, x.GetProperty("z").GetDouble(), 1e-6);
        Assert.Equal(0.917194279500133, x.GetProperty("p").GetDouble(), 1e-6);
        Assert.Equal(0.212305066867496, x.GetProperty("lower").GetDouble(), 1e-6);
        Assert.Equal(4.02932421397309, x.GetProperty("upper").GetDouble(), 1e-6);
        Assert.Equal(-15.7045699459920, cox.GetProperty("loglik").GetProperty("model").GetDouble(), 1e-6);
        Assert.Equal(0.0108094665271847, cox.GetProperty("waldTest").GetProperty("chisq").GetDouble(), 1e-6);
        Assert.Equal(0.0106859675128632, cox.GetProperty("robustScoreTest").GetProperty("chisq").GetDouble(), 1e-6);
        Assert.True(cox.GetProperty("counting").GetBoolean());
        Assert.Equal(8, cox.GetProperty("clusters").GetInt32());
        Assert.Equal(14, cox.GetProperty("n").GetInt32());
        Assert.Empty(doc.RootElement.GetProperty("km").EnumerateArray());
    }

    [Fact]
    public async Task Text_Clustered_ShowsBothStandardErrors()
    {
        var run = await RunAsync(Csv(Periods), "--start", "start", "--time", "stop", "--event", "event", "--covariates", "x", "--cluster", "id");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("(start, stop] intervals", run.Out, StringComparison.Ordinal);
        Assert.Contains("Robust standard errors clustered on 8 clusters", run.Out, StringComparison.Ordinal);
        Assert.Contains("robust se", run.Out, StringComparison.Ordinal);
        Assert.Contains("0.7509", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_WithoutCluster_HasNoRobustSe()
    {
        var run = await RunAsync(Csv(Periods), "--start", "start", "--time", "stop", "--event", "event", "--covariates", "x", "--format", "json");
        Assert.True(run.Exit == 0, run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        var cox = doc.RootElement.GetProperty("cox");
        var x = cox.GetProperty("covariates")[0];
        Assert.False(x.TryGetProperty("robustSe", out _));
        Assert.Equal(0.713814848043775, x.GetProperty("se").GetDouble(), 1e-6);
        Assert.False(cox.TryGetProperty("clusters", out _));
    }

    public static TheoryData<string[], string> BadIntervalFiles() => new()
    {
        { ["id,s,t,e,x", "a,0,4,1,1", "b,4,4,1,0"], "row 2 (line 3), column 's': the start 4 is not before the stop 4 (column 't'), so the interval is empty" },
        { ["id,s,t,e,x", "a,0,4,1,1", "b,five,6,1,0"], "row 2 (line 3), column 's': 'five' is not a number" },
        { ["id,s,t,e,x", "a,0,4,1,1", "b,,6,1,0"], "row 2 (line 3), column 's': the value is empty" },
        { ["id,s,t,e,x", "a,0,4,1,1", ",1,6,1,0"], "row 2 (line 3), column 'id': the value is empty" },
        { ["s,t,e,x", "0,4,1,1"], "column 'id' is not in the header" },
    };

    [Theory]
    [MemberData(nameof(BadIntervalFiles))]
    public async Task BadIntervalFile_FailsNamingRowAndColumn(string[] lines, string message)
    {
        var run = await RunAsync(Csv(lines), "--start", "s", "--time", "t", "--event", "e", "--covariates", "x", "--cluster", "id");
        Assert.NotEqual(0, run.Exit);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task StartOrCluster_WithoutCovariates_OrStartWithGroup_Fail()
    {
        var file = Csv(Periods);
        var noCovariates = await RunAsync(file, "--start", "start", "--time", "stop", "--event", "event");
        Assert.NotEqual(0, noCovariates.Exit);
        Assert.Contains("--start needs --covariates", noCovariates.Err, StringComparison.Ordinal);
        var clusterOnly = await RunAsync(file, "--time", "stop", "--event", "event", "--cluster", "id");
        Assert.Contains("--cluster needs --covariates", clusterOnly.Err, StringComparison.Ordinal);
        var group = await RunAsync(file, "--start", "start", "--time", "stop", "--event", "event", "--group", "site", "--covariates", "x");
        Assert.NotEqual(0, group.Exit);
        Assert.Contains("--group cannot be used with --start", group.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_WithoutGroupOrCovariates_PrintsOneCurveAndNoTests()
    {
        var run = await RunAsync(Csv(Ovarian), "--time", "futime", "--event", "fustat");
        Assert.Equal(0, run.Exit);
        Assert.Contains("group all: n = 26, events = 12, median = 638", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Log-rank", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Cox", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImpossibleModel_IsReportedInWords_NotNumbers()
    {
        var file = Csv("t,e,g,x", "1,0,a,1", "2,0,b,2", "3,0,a,3");
        var run = await RunAsync(file, "--time", "t", "--event", "e", "--group", "g", "--covariates", "x", "--format", "json");
        Assert.Equal(0, run.Exit);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal("no events in the data, so there is nothing to model", doc.RootElement.GetProperty("cox").GetProperty("error").GetString());
        Assert.Contains("no events", doc.RootElement.GetProperty("logrank").GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> BadFiles() => new()
    {
        { ["t,e,age", "1,1,30"], "column 'group' is not in the header" },
        { ["t,e,group,age", "1,1,a,30", "abc,1,a,31"], "row 2 (line 3), column 't': 'abc' is not a number" },
        { ["t,e,group,age", "1,1,a,30", "-2,1,a,31"], "row 2 (line 3), column 't': the time -2 is negative" },
        { ["t,e,group,age", "1,1,a,30", "2,2,a,31"], "row 2 (line 3), column 'e': the event must be 0 (censored) or 1 (event), not '2'" },
        { ["t,e,group,age", "1,1,a,30", "2,yes,a,31"], "row 2 (line 3), column 'e': the event must be 0 (censored) or 1 (event), not 'yes'" },
        { ["t,e,group,age", "1,1,a,thirty"], "row 1 (line 2), column 'age': 'thirty' is not a number" },
        { ["t,e,group,age", "1,1,a,"], "row 1 (line 2), column 'age': the value is empty" },
        { ["t,e,group,age", "1,1,a"], "row 1 (line 2), column 'age': the row has 3 values but the header has 4 columns" },
        { ["t,e,group,age", "NaN,1,a,30"], "row 1 (line 2), column 't': 'NaN' is not a number" },
        { ["t,e,group,age"], "the file has a header but no data rows" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task BadFile_FailsNamingRowAndColumn(string[] lines, string message)
    {
        var run = await RunAsync(Csv(lines), "--time", "t", "--event", "e", "--group", "group", "--covariates", "age");
        Assert.NotEqual(0, run.Exit);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task BadOptions_AndMissingFile_Fail()
    {
        var file = Csv(Ovarian);
        var ties = await RunAsync(file, "--time", "futime", "--event", "fustat", "--ties", "exact");
        Assert.NotEqual(0, ties.Exit);
        Assert.Contains("--ties must be efron or breslow", ties.Err, StringComparison.Ordinal);
        var missing = await RunAsync(Path.Combine(_dir, "nope.csv"), "--time", "t", "--event", "e");
        Assert.NotEqual(0, missing.Exit);
        Assert.Contains("no such file", missing.Err, StringComparison.Ordinal);
        var noEvent = await RunAsync(file, "--time", "futime");
        Assert.NotEqual(0, noEvent.Exit);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
