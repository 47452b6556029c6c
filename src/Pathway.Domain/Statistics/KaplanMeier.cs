namespace Pathway.Domain.Statistics;

/// <summary>How a pointwise confidence interval for S(t) is built; R's survfit conf.type.</summary>
public enum ConfidenceType
{
    /// <summary>R's default: exp(log S ± z·se), upper capped at 1.</summary>
    Log,
    /// <summary>R's "log-log": on the log(−log S) scale; undefined where S is 0 or 1.</summary>
    LogLog,
    /// <summary>R's "plain": S ± z·se·S, clipped to [0, 1].</summary>
    Plain,
}

/// <summary>
/// One row of a Kaplan–Meier curve, at one distinct observed time (event or censoring), as in R's survfit object.
/// <see cref="StdErr"/> is R's <c>fit$std.err</c>: the Greenwood standard error of −log S(t) (of the cumulative hazard),
/// √Σ d/(n(n−d)) — not <c>summary(fit)$std.err</c>, which is S(t) times it. Null where it is infinite (S has reached 0).
/// <see cref="Lower"/> and <see cref="Upper"/> are null where R gives NA.
/// </summary>
public sealed record KaplanMeierPoint(double Time, int NRisk, int NEvent, int NCensor, double Survival, double? StdErr, double? Lower, double? Upper);

/// <summary>A Kaplan–Meier curve for one group. <see cref="Median"/> is null when S(t) never falls to 0.5.</summary>
public sealed record KaplanMeierCurve(string Group, int N, int Events, double? Median, IReadOnlyList<KaplanMeierPoint> Points);

/// <summary>Kaplan–Meier estimation matching R's <c>survfit(Surv(time, status) ~ 1)</c>.</summary>
public static class KaplanMeier
{
    /// <summary>Fits one curve. Times must be non-negative and finite; the caller validates input.</summary>
    public static KaplanMeierCurve Fit(IReadOnlyList<double> time, IReadOnlyList<bool> evt, ConfidenceType confType = ConfidenceType.Log,
        double level = 0.95, string group = "all")
    {
        var n = time.Count;
        var order = Enumerable.Range(0, n).ToArray();
        var keys = new double[n];
        for (var i = 0; i < n; i++) keys[i] = time[i];
        Array.Sort(keys, order);
        var z = Distributions.NormalQuantile(1 - (1 - level) / 2);

        var points = new List<KaplanMeierPoint>();
        var atRisk = n;
        var surv = 1.0;
        var greenwood = 0.0;
        var events = 0;
        var i0 = 0;
        while (i0 < n)
        {
            var t = keys[i0];
            int d = 0, c = 0, j = i0;
            for (; j < n && keys[j] == t; j++)
            {
                if (evt[order[j]]) d++; else c++;
            }
            if (d > 0)
            {
                surv *= 1 - (double)d / atRisk;
                greenwood = d == atRisk ? double.PositiveInfinity : greenwood + d / ((double)atRisk * (atRisk - d));
            }
            var se = Math.Sqrt(greenwood);
            var (lower, upper) = Interval(surv, se, z, confType);
            points.Add(new KaplanMeierPoint(t, atRisk, d, c, surv, double.IsInfinity(se) ? null : se, lower, upper));
            events += d;
            atRisk -= d + c;
            i0 = j;
        }
        return new KaplanMeierCurve(group, n, events, Median(points), points);
    }

    /// <summary>One curve per group label, in ordinal order of the labels (as R orders factor levels for these data).</summary>
    public static IReadOnlyList<KaplanMeierCurve> FitGroups(IReadOnlyList<double> time, IReadOnlyList<bool> evt, IReadOnlyList<string> group,
        ConfidenceType confType = ConfidenceType.Log, double level = 0.95)
    {
        var curves = new List<KaplanMeierCurve>();
        foreach (var g in group.Distinct().Order(StringComparer.Ordinal))
        {
            var idx = Enumerable.Range(0, time.Count).Where(i => group[i] == g).ToArray();
            curves.Add(Fit(idx.Select(i => time[i]).ToArray(), idx.Select(i => evt[i]).ToArray(), confType, level, g));
        }
        return curves;
    }

    // R's survfit_confint (survival 3.x), with the standard error on the log scale.
    private static (double? Lower, double? Upper) Interval(double p, double se, double z, ConfidenceType type)
    {
        if (double.IsInfinity(se)) return (null, null);
        switch (type)
        {
            case ConfidenceType.Plain:
                var w = se * p * z;
                return (Math.Max(p - w, 0), Math.Min(p + w, 1));
            case ConfidenceType.Log:
                if (p == 0) return (null, null);
                return (Math.Exp(Math.Log(p) - z * se), Math.Min(Math.Exp(Math.Log(p) + z * se), 1));
            default:
                if (p == 0 || p == 1) return (null, null);
                var s2 = z * se / Math.Log(p);
                var ll = Math.Log(-Math.Log(p));
                return (Math.Exp(-Math.Exp(ll - s2)), Math.Exp(-Math.Exp(ll + s2)));
        }
    }

    /// <summary>
    /// R's median: the first time S(t) ≤ 0.5; when S(t) is exactly 0.5 (to √ε) over an interval, the midpoint between
    /// that time and the next time the curve drops (or that time itself if it never drops again).
    /// </summary>
    private static double? Median(IReadOnlyList<KaplanMeierPoint> points)
    {
        const double tolerance = 1.4901161193847656e-08;
        var drops = points.Where(p => p.NEvent > 0).ToList();
        for (var i = 0; i < drops.Count; i++)
        {
            if (drops[i].Survival > 0.5 + tolerance) continue;
            if (Math.Abs(drops[i].Survival - 0.5) <= tolerance && i + 1 < drops.Count)
                return (drops[i].Time + drops[i + 1].Time) / 2;
            return drops[i].Time;
        }
        return null;
    }
}
