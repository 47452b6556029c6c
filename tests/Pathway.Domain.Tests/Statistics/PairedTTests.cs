using Pathway.Domain.Statistics;

namespace Pathway.Domain.Tests.Statistics;

/// <summary>
/// Student's t and the paired t-test against R 4 (pt, qt, t.test(paired = TRUE)); tools/r/paired-t.R wrote the values,
/// kept in Reference/paired-t.txt.
/// </summary>
public sealed class PairedTTests
{
    [Theory]
    [InlineData(2, 5, 0.949030260585071)]
    [InlineData(-1.5, 3, 0.115291932622411)]
    [InlineData(0.3, 1, 0.592773579077742)]
    [InlineData(2.5, 30, 0.990942175465967)]
    [InlineData(-3, 12, 0.00553334784301684)]
    [InlineData(1.96, 1000, 0.974863407522126)]
    public void Cdf_AgreesWithR(double t, double df, double expected) => Assert.Equal(expected, StudentT.Cdf(t, df), 1e-10);

    [Theory]
    [InlineData(0.975, 1, 12.7062047361747)]
    [InlineData(0.975, 5, 2.57058183563631)]
    [InlineData(0.975, 10, 2.22813885198627)]
    [InlineData(0.975, 29, 2.0452296421327)]
    [InlineData(0.995, 7, 3.49948329735049)]
    [InlineData(0.025, 4, -2.77644510519779)]
    public void Quantile_AgreesWithR(double p, double df, double expected) => Assert.Equal(expected, StudentT.Quantile(p, df), 1e-8);

    [Fact]
    public void WithOneDegreeOfFreedom_TIsCauchy()
    {
        // Hand check: the Cauchy CDF is 1/2 + atan(t)/π.
        foreach (var t in new[] { -4.0, -0.5, 0, 1, 3 })
            Assert.Equal(0.5 + Math.Atan(t) / Math.PI, StudentT.Cdf(t, 1), 1e-12);
    }

    [Fact]
    public void PairedTest_AgreesWithR_OnAKnowledgeGain()
    {
        double[] before = [45, 50, 55, 40, 60, 52, 48, 38, 57, 49, 44, 51];
        double[] after = [60, 58, 70, 52, 65, 66, 50, 55, 72, 61, 47, 63];
        var r = PairedT.Test(before.Zip(after).ToList()).Value!;
        Assert.Equal(12, r.N);
        Assert.Equal(10.8333333333333, r.MeanChange, 1e-10);
        Assert.Equal(5.09604719068583, r.SdChange, 1e-10);
        Assert.Equal(7.36409340280759, r.T, 1e-9);
        Assert.Equal(11, r.Df);
        Assert.Equal(1.42275008293008e-05, r.P, 1e-12);
        Assert.Equal(7.59545942316509, r.CiLow, 1e-8);
        Assert.Equal(14.0712072435016, r.CiHigh, 1e-8);
        Assert.Equal(2.12583065422425, r.CohensDz, 1e-10);
    }

    [Fact]
    public void PairedTest_AgreesWithR_OnASmallNonSignificantChange()
    {
        double[] before = [3.2, 2.8, 4.0, 3.5, 2.9];
        double[] after = [3.0, 3.1, 3.9, 3.4, 3.3];
        var r = PairedT.Test(before.Zip(after).ToList()).Value!;
        Assert.Equal(0.06, r.MeanChange, 1e-12);
        Assert.Equal(0.49656353316142, r.T, 1e-9);
        Assert.Equal(4, r.Df);
        Assert.Equal(0.645547083245607, r.P, 1e-9);
        Assert.Equal(-0.275479138492666, r.CiLow, 1e-8);
        Assert.Equal(0.395479138492666, r.CiHigh, 1e-8);
        Assert.Equal(0.222069963059281, r.CohensDz, 1e-10);
    }

    [Fact]
    public void PairedTest_ByHand_OnThreePeople()
    {
        // Changes 1, 2, 3: mean 2, sd 1, se 1/√3, t = 2√3 ≈ 3.4641, d_z = 2.
        var r = PairedT.Test([(10, 11), (10, 12), (10, 13)]).Value!;
        Assert.Equal(2, r.MeanChange, 1e-12);
        Assert.Equal(1, r.SdChange, 1e-12);
        Assert.Equal(2 * Math.Sqrt(3), r.T, 1e-12);
        Assert.Equal(2, r.CohensDz, 1e-12);
    }

    [Fact]
    public void PairedTest_ExplainsWhatItCannotDo()
    {
        Assert.Contains("at least two", PairedT.Test([(1, 2)]).Failure, StringComparison.Ordinal);
        Assert.Contains("no spread", PairedT.Test([(1, 2), (3, 4)]).Failure, StringComparison.Ordinal);
    }
}
