namespace Pathway.Domain.Statistics;

/// <summary>
/// The paired comparison of before and after scores (for example a knowledge test at the start and the end of a course):
/// mean change with its confidence interval, the paired t-test and the standardised effect size Cohen's d_z
/// (mean change ÷ standard deviation of the changes).
/// </summary>
public sealed record PairedTResult(int N, double MeanBefore, double MeanAfter, double MeanChange, double SdChange,
    double CiLow, double CiHigh, double T, int Df, double P, double CohensDz);

public static class PairedT
{
    public static StatisticsResult<PairedTResult> Test(IReadOnlyList<(double Before, double After)> pairs, double confidence = 0.95)
    {
        var n = pairs.Count;
        if (n < 2) return StatisticsResult<PairedTResult>.Failed($"A paired comparison needs at least two people with both scores; there {(n == 1 ? "is one" : "are none")}.");
        if (confidence is <= 0 or >= 1) return StatisticsResult<PairedTResult>.Failed("The confidence level must be between 0 and 1.");
        var diffs = pairs.Select(p => p.After - p.Before).ToArray();
        var mean = diffs.Average();
        var sd = Math.Sqrt(diffs.Sum(d => (d - mean) * (d - mean)) / (n - 1));
        if (sd == 0) return StatisticsResult<PairedTResult>.Failed("Every person changed by exactly the same amount, so the change has no spread and no t-test can be made.");
        var se = sd / Math.Sqrt(n);
        var t = mean / se;
        var df = n - 1;
        var q = StudentT.Quantile(1 - (1 - confidence) / 2, df);
        return StatisticsResult<PairedTResult>.Ok(new PairedTResult(
            n, pairs.Average(p => p.Before), pairs.Average(p => p.After), mean, sd, mean - q * se, mean + q * se, t, df, StudentT.TwoSidedP(t, df), mean / sd));
    }
}
