namespace Pathway.Domain.Statistics;

/// <summary>One group's observed and expected events in a log-rank test.</summary>
public sealed record LogRankGroup(string Name, int N, double Observed, double Expected);

/// <summary>
/// A log-rank test as R's <c>survdiff(…, rho = 0)</c> reports it: observed, expected, the variance matrix of O − E,
/// and a chi-square on (k − 1) degrees of freedom (groups with no expected events are left out, as R does).
/// </summary>
public sealed record LogRankResult(IReadOnlyList<LogRankGroup> Groups, double[,] Variance, double ChiSquare, int DegreesOfFreedom, double P);

/// <summary>The log-rank test for two or more groups, optionally stratified (O, E and V summed over strata).</summary>
public static class LogRank
{
    public static StatisticsResult<LogRankResult> Test(IReadOnlyList<double> time, IReadOnlyList<bool> evt, IReadOnlyList<string> group,
        IReadOnlyList<string>? strata = null)
    {
        var n = time.Count;
        var names = group.Distinct().Order(StringComparer.Ordinal).ToArray();
        if (names.Length < 2) return StatisticsResult<LogRankResult>.Failed("a log-rank test needs at least two groups; the data have one");
        if (!evt.Any(e => e)) return StatisticsResult<LogRankResult>.Failed("no events in the data, so groups cannot be compared");
        var k = names.Length;
        var gIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < k; i++) gIndex[names[i]] = i;
        var g = new int[n];
        for (var i = 0; i < n; i++) g[i] = gIndex[group[i]];

        var observed = new double[k];
        var expected = new double[k];
        var variance = new double[k, k];
        var counts = new int[k];
        foreach (var gi in g) counts[gi]++;

        var strataOf = strata ?? Enumerable.Repeat("", n).ToArray();
        foreach (var stratum in strataOf.Distinct())
        {
            var idx = Enumerable.Range(0, n).Where(i => strataOf[i] == stratum).ToArray();
            var keys = idx.Select(i => time[i]).ToArray();
            Array.Sort(keys, idx);
            var atRisk = new double[k];
            foreach (var i in idx) atRisk[g[i]]++;
            var total = (double)idx.Length;
            var deaths = new double[k];
            for (var a = 0; a < idx.Length;)
            {
                var t = keys[a];
                Array.Clear(deaths);
                var b = a;
                double d = 0, leaving = 0;
                for (; b < idx.Length && keys[b] == t; b++)
                {
                    if (evt[idx[b]]) { deaths[g[idx[b]]]++; d++; }
                    leaving++;
                }
                if (d > 0)
                {
                    var factor = total > 1 ? d * (total - d) / (total * (total - 1)) : 0;
                    for (var x = 0; x < k; x++)
                    {
                        observed[x] += deaths[x];
                        expected[x] += d * atRisk[x] / total;
                        for (var y = 0; y < k; y++)
                            variance[x, y] += factor * atRisk[x] * ((x == y ? total : 0) - atRisk[y]) / total;
                    }
                }
                for (var c = a; c < b; c++) atRisk[g[idx[c]]]--;
                total -= leaving;
                a = b;
            }
        }

        // R: keep groups with expected > 0, drop the first of them, solve V[-1,-1] · x = (O − E)[-1].
        var kept = Enumerable.Range(0, k).Where(x => expected[x] > 0).ToArray();
        var groups = Enumerable.Range(0, k).Select(x => new LogRankGroup(names[x], counts[x], observed[x], expected[x])).ToArray();
        if (kept.Length < 2)
            return StatisticsResult<LogRankResult>.Failed("only one group has anyone at risk when events happen, so groups cannot be compared");
        var m = kept.Length - 1;
        var v = new double[m, m];
        var diff = new double[m];
        for (var x = 0; x < m; x++)
        {
            diff[x] = observed[kept[x + 1]] - expected[kept[x + 1]];
            for (var y = 0; y < m; y++) v[x, y] = variance[kept[x + 1], kept[y + 1]];
        }
        var solved = LinearAlgebra.SolveSymmetric(v, diff);
        if (solved is null)
            return StatisticsResult<LogRankResult>.Failed("the log-rank variance matrix is singular: the groups never overlap in time");
        var chi = 0.0;
        for (var x = 0; x < m; x++) chi += solved[x] * diff[x];
        return StatisticsResult<LogRankResult>.Ok(new LogRankResult(groups, variance, chi, m, Distributions.ChiSquareUpperTail(chi, m)));
    }
}
