namespace Pathway.Domain.Statistics;

/// <summary>Student's t distribution, through the regularised incomplete beta function.</summary>
public static class StudentT
{
    /// <summary>P(T ≤ t) with <paramref name="df"/> degrees of freedom.</summary>
    public static double Cdf(double t, double df)
    {
        if (df <= 0 || double.IsNaN(t)) return double.NaN;
        var tail = 0.5 * IncompleteBeta(df / 2, 0.5, df / (df + t * t)); // P(T > |t|)
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>P(|T| ≥ |t|): the two-sided p-value.</summary>
    public static double TwoSidedP(double t, double df) =>
        df <= 0 || double.IsNaN(t) ? double.NaN : Math.Min(1, IncompleteBeta(df / 2, 0.5, df / (df + t * t)));

    /// <summary>The t with P(T ≤ t) = <paramref name="p"/>: bisection on <see cref="Cdf"/>, which is monotone, to about 1e-12.</summary>
    public static double Quantile(double p, double df)
    {
        if (df <= 0 || p is <= 0 or >= 1 || double.IsNaN(p)) return double.NaN;
        if (p == 0.5) return 0;
        double lo = -1, hi = 1;
        while (Cdf(lo, df) > p) lo *= 2;
        while (Cdf(hi, df) < p) hi *= 2;
        for (var i = 0; i < 200 && hi - lo > 1e-13 * Math.Max(1, Math.Abs(lo)); i++)
        {
            var mid = (lo + hi) / 2;
            if (Cdf(mid, df) < p) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }

    /// <summary>The regularised incomplete beta function I_x(a, b).</summary>
    public static double IncompleteBeta(double a, double b, double x)
    {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        var front = Math.Exp(Distributions.LogGamma(a + b) - Distributions.LogGamma(a) - Distributions.LogGamma(b)
            + a * Math.Log(x) + b * Math.Log(1 - x));
        // The continued fraction converges fast for x below the mean a/(a+b); use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) above it.
        return x < (a + 1) / (a + b + 2)
            ? front * BetaFraction(a, b, x) / a
            : 1 - front * BetaFraction(b, a, 1 - x) / b;
    }

    /// <summary>The continued fraction for I_x(a, b), evaluated by the modified Lentz method.</summary>
    private static double BetaFraction(double a, double b, double x)
    {
        const double tiny = 1e-300, epsilon = 1e-15;
        var c = 1.0;
        var d = 1 - (a + b) * x / (a + 1);
        if (Math.Abs(d) < tiny) d = tiny;
        d = 1 / d;
        var h = d;
        for (var m = 1; m <= 500; m++)
        {
            var m2 = 2 * m;
            // Even step: d_{2m} = m(b − m)x / ((a + 2m − 1)(a + 2m)).
            var even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + even * d; if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + even / c; if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            h *= d * c;
            // Odd step: d_{2m+1} = −(a + m)(a + b + m)x / ((a + 2m)(a + 2m + 1)).
            var odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + odd * d; if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + odd / c; if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < epsilon) break;
        }
        return h;
    }
}
