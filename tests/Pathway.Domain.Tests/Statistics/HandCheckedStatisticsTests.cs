using Pathway.Domain.Statistics;

namespace Pathway.Domain.Tests.Statistics;

/// <summary>Small examples worked by hand, distribution functions against R, and the plain failures for impossible models.</summary>
public sealed class HandCheckedStatisticsTests
{
    [Theory]
    [InlineData(10, 5, 0.075235246146512197)]
    [InlineData(100, 3, 1.5541594313896051e-21)]
    [InlineData(0.5, 2, 0.77880078307140488)]
    [InlineData(3.8414588206941236, 1, 0.05)]
    public void ChiSquareUpperTail_MatchesR(double x, int df, double expected) =>
        Assert.Equal(expected, Distributions.ChiSquareUpperTail(x, df), expected * 1e-9);

    [Fact]
    public void NormalFunctions_MatchR()
    {
        Assert.Equal(6.7953462494601197e-06, Distributions.NormalTwoSided(4.5), 1e-15);
        Assert.Equal(1.9599639845400536, Distributions.NormalQuantile(0.975), 1e-12);
        Assert.Equal(-3.0902323061678132, Distributions.NormalQuantile(0.001), 1e-12);
    }

    [Fact]
    public void KaplanMeier_SixPeople_ByHand()
    {
        // times 1 2 2+ 3 4 5 (+ = censored): S = 5/6, 5/6·4/5, ·2/3, ·1/2, 0.
        var curve = KaplanMeier.Fit([1, 2, 2, 3, 4, 5], [true, true, false, true, true, true]);
        Assert.Equal([6, 5, 3, 2, 1], curve.Points.Select(p => p.NRisk));
        Assert.Equal([5.0 / 6, 4.0 / 6, 4.0 / 9, 2.0 / 9, 0], curve.Points.Select(p => Math.Round(p.Survival, 12)).Select(s => s), new Near(1e-12));
        // Greenwood on the log scale: √(1/(6·5)) then √(1/30 + 1/(5·4)).
        Assert.Equal(Math.Sqrt(1.0 / 30), curve.Points[0].StdErr!.Value, 1e-12);
        Assert.Equal(Math.Sqrt(1.0 / 30 + 1.0 / 20), curve.Points[1].StdErr!.Value, 1e-12);
        Assert.Null(curve.Points[^1].StdErr); // S reached 0: R reports Inf and NA limits
        Assert.Null(curve.Points[^1].Lower);
        Assert.Equal(3, curve.Median); // first time S ≤ 0.5
    }

    [Fact]
    public void KaplanMeier_MedianExactlyHalf_IsTheMidpointToTheNextDrop()
    {
        var curve = KaplanMeier.Fit([1, 2, 3, 4], [true, true, true, false]);
        Assert.Equal(0.5, curve.Points[1].Survival, 12);
        Assert.Equal(2.5, curve.Median);
        Assert.Null(KaplanMeier.Fit([1, 2, 3], [true, false, false]).Median);
    }

    [Fact]
    public void Cox_ThreePeopleNoTies_MaximumIsLogRootTwo()
    {
        // ℓ(b) = −log(2 + eᵇ) + b − log(eᵇ + 1); ℓ'(b) = 0 gives e²ᵇ = 2.
        var fit = CoxModel.Fit([1, 2, 3], [true, true, true], [[0, 1, 0]], ["x"]).Value!;
        var b = Math.Log(Math.Sqrt(2));
        Assert.Equal(b, fit.Coefficients[0].Coef, 9);
        var u = Math.Sqrt(2);
        var information = 2 * u / Math.Pow(2 + u, 2) + u / Math.Pow(u + 1, 2);
        Assert.Equal(1 / Math.Sqrt(information), fit.Coefficients[0].StdErr, 9);
        Assert.Equal(-Math.Log(3) - Math.Log(2), fit.LogLikNull, 12);
    }

    [Fact]
    public void Cox_ScoreTestWithoutTies_EqualsTheLogRankTest()
    {
        double[] t = [1, 2, 3, 4, 5, 6, 7, 8];
        bool[] e = [true, true, true, false, true, true, false, true];
        double[] x = [0, 1, 0, 1, 1, 0, 1, 0];
        var cox = CoxModel.Fit(t, e, [x], ["x"]).Value!;
        var logRank = LogRank.Test(t, e, x.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()).Value!;
        Assert.Equal(0.13460642757335811, cox.Score.ChiSquare, 12); // R: coxph(...)$score
        Assert.Equal(cox.Score.ChiSquare, logRank.ChiSquare, 12);
        Assert.Equal(1, logRank.DegreesOfFreedom);
    }

    // Rows (start, stop]: A (0, 3] event x=1; B (0, 1] event x=0; C (2, 4] censored x=1; D (0, 4] censored x=0.
    private static readonly double[] LateStart = [0, 0, 2, 0];
    private static readonly double[] LateStop = [3, 1, 4, 4];
    private static readonly bool[] LateEvent = [true, true, false, false];
    private static readonly double[] LateX = [1, 0, 1, 0];

    [Fact]
    public void Cox_CountingProcess_LateEntrantIsNotAtRiskBeforeItsStart()
    {
        // At t=1 the risk set is {A, B, D} (C enters at 2); at t=3 it is {A, C, D}. With u = eᵇ,
        // ℓ(b) = −log(u + 2) + b − log(2u + 1); ℓ'(b) = 0 gives 2u² = 2, so b = 0; the information there is
        // 2/9 + 2/9 = 4/9, so the SE is 1.5. (R: coxph(Surv(start, stop, e) ~ x, cluster = cl) agrees.)
        var fit = CoxModel.Fit(LateStop, LateEvent, [LateX], ["x"], start: LateStart).Value!;
        Assert.True(fit.Counting);
        Assert.Equal(0, fit.Coefficients[0].Coef, 9);
        Assert.Equal(1.5, fit.Coefficients[0].StdErr, 9);
        Assert.Equal(-2 * Math.Log(3), fit.LogLikNull, 12);
        Assert.Null(fit.Coefficients[0].RobustStdErr);

        // Ignoring the late entry (C at risk from 0) changes the answer: there e²ᵇ = 1/2.
        var naive = CoxModel.Fit(LateStop, LateEvent, [LateX], ["x"]).Value!;
        Assert.Equal(Math.Log(1 / Math.Sqrt(2)), naive.Coefficients[0].Coef, 9);
    }

    [Fact]
    public void Cox_Clustered_RobustSeIsTheSandwichOfSummedScoreResiduals()
    {
        // The data above at b = 0: x̄ = 1/3 and dΛ = 1/3 at t=1, x̄ = 2/3 and dΛ = 1/3 at t=3, so the score residuals are
        // A: (1 − 2/3) − (2/3 + 1/3)/3 = 0; B: −1/3 + 1/9 = −2/9; C: −1/9; D: (1/3 + 2/3)/3 = 1/3.
        // Clustered {A}, {B, D}, {C}: sums 0, 1/9, −1/9; robust variance = V²·Σ = (9/4)²·(2/81) = 1/8.
        var fit = CoxModel.Fit(LateStop, LateEvent, [LateX], ["x"], start: LateStart, cluster: ["a", "bd", "c", "bd"]).Value!;
        var c = fit.Coefficients[0];
        Assert.Equal(1.5, c.StdErr, 9);
        Assert.Equal(Math.Sqrt(1.0 / 8), c.RobustStdErr!.Value, 9);
        Assert.Equal(3, fit.Clusters);
        Assert.Equal(1.5 * 1.5, fit.NaiveVariance![0, 0], 9);
        Assert.Equal(1.0 / 8, fit.Variance[0, 0], 9);
        var z975 = Distributions.NormalQuantile(0.975);
        Assert.Equal(Math.Exp(c.Coef + z975 * Math.Sqrt(1.0 / 8)), c.Upper, 9);

        // One person per row: every residual is its own cluster, Σ = (0 + 4 + 1 + 9)/81.
        var own = CoxModel.Fit(LateStop, LateEvent, [LateX], ["x"], start: LateStart, cluster: ["a", "b", "c", "d"]).Value!;
        Assert.Equal(Math.Sqrt(81.0 / 16 * 14 / 81), own.Coefficients[0].RobustStdErr!.Value, 9);
    }

    [Fact]
    public void Cox_SplittingRowsWithoutChangingCovariates_ChangesNothing()
    {
        // A period cut into (0, s] and (s, stop] with the same covariates is the same likelihood: the counting-process
        // fit of the pieces equals the right-censored fit of the whole, and clustering the pieces on their period gives
        // the same robust SE as treating each whole period as its own cluster.
        double[] t = [5, 8, 3, 12, 7, 9, 4, 10, 6, 11];
        bool[] e = [true, false, true, true, false, true, true, false, true, true];
        double[] x = [0.5, 1.2, -0.3, 0.8, 0, -1.1, 1.5, 0.2, -0.7, 0.4];
        var whole = CoxModel.Fit(t, e, [x], ["x"], cluster: Enumerable.Range(0, t.Length).Select(i => $"p{i}").ToArray()).Value!;

        var start = new List<double>();
        var stop = new List<double>();
        var evt = new List<bool>();
        var xs = new List<double>();
        var id = new List<string>();
        for (var i = 0; i < t.Length; i++)
        {
            var cut = Math.Floor(t[i] / 2);
            start.AddRange([0, cut]);
            stop.AddRange([cut, t[i]]);
            evt.AddRange([false, e[i]]);
            xs.AddRange([x[i], x[i]]);
            id.AddRange([$"p{i}", $"p{i}"]);
        }
        var split = CoxModel.Fit(stop, evt, [xs], ["x"], start: start, cluster: id).Value!;
        Assert.Equal(whole.Coefficients[0].Coef, split.Coefficients[0].Coef, 9);
        Assert.Equal(whole.Coefficients[0].StdErr, split.Coefficients[0].StdErr, 9);
        Assert.Equal(whole.Coefficients[0].RobustStdErr!.Value, split.Coefficients[0].RobustStdErr!.Value, 9);
        Assert.Equal(whole.LogLik, split.LogLik, 9);
        Assert.Equal(whole.Score.ChiSquare, split.Score.ChiSquare, 9);
        Assert.Equal(whole.Concordance.C, split.Concordance.C, 9);
    }

    [Fact]
    public void Cox_OneCluster_FailsPlainly()
    {
        var result = CoxModel.Fit(LateStop, LateEvent, [LateX], ["x"], start: LateStart, cluster: ["p", "p", "p", "p"]);
        Assert.False(result.Succeeded);
        Assert.Equal("robust standard errors need at least two clusters, but every row has the same cluster id", result.Failure);
    }

    [Fact]
    public void Cox_EmptyInterval_FailsNamingTheRow()
    {
        var result = CoxModel.Fit([3, 2], [true, true], [[1, 0]], ["x"], start: [0, 2]);
        Assert.Contains("row 2", result.Failure);
        Assert.Contains("start must be before its stop", result.Failure);
    }

    [Fact]
    public void Cox_NoEvents_FailsPlainly()
    {
        var result = CoxModel.Fit([1, 2, 3], [false, false, false], [[1, 2, 3]], ["age"]);
        Assert.False(result.Succeeded);
        Assert.Equal("no events in the data, so there is nothing to model", result.Failure);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Cox_ConstantCovariate_FailsNamingIt()
    {
        var result = CoxModel.Fit([1, 2, 3, 4], [true, false, true, true], [[1, 2, 3, 4], [5, 5, 5, 5]], ["age", "site"]);
        Assert.Contains("'site' has the same value for everyone", result.Failure);
    }

    [Fact]
    public void Cox_CovariateConstantWithinEveryStratum_Fails()
    {
        var result = CoxModel.Fit([1, 2, 3, 4], [true, true, true, true], [[0, 0, 1, 1]], ["x"], ["a", "a", "b", "b"]);
        Assert.Contains("does not vary within any stratum", result.Failure);
    }

    [Fact]
    public void Cox_Separation_FailsInsteadOfAHugeCoefficient()
    {
        // Everyone with x = 1 has their event before anyone with x = 0: the MLE is +∞.
        var result = CoxModel.Fit([1, 2, 3, 4, 5, 6], [true, true, true, true, true, true], [[1, 1, 1, 0, 0, 0]], ["x"]);
        Assert.False(result.Succeeded);
        Assert.Contains("separates", result.Failure);
    }

    [Fact]
    public void Cox_CollinearCovariates_Fail()
    {
        var result = CoxModel.Fit([1, 2, 3, 4, 5], [true, true, false, true, true], [[1, 2, 3, 4, 6], [2, 4, 6, 8, 12]], ["a", "b"]);
        Assert.Contains("collinear", result.Failure);
    }

    [Fact]
    public void LogRank_OneGroupOrNoEvents_FailsPlainly()
    {
        Assert.Contains("at least two groups", LogRank.Test([1, 2], [true, true], ["a", "a"]).Failure);
        Assert.Contains("no events", LogRank.Test([1, 2], [false, false], ["a", "b"]).Failure);
    }

    private sealed class Near(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
