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
