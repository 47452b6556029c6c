namespace Pathway.Domain.Statistics;

/// <summary>
/// The few distribution functions the survival statistics need, in pure C# to double precision:
/// log-gamma (Lanczos), the regularised incomplete gamma (series and continued fraction), the normal and chi-square
/// tails built on it, and the normal quantile (Acklam's approximation polished by Halley steps).
/// </summary>
public static class Distributions
{
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    public static double LogGamma(double x)
    {
        if (x < 0.5) return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        x -= 1;
        var a = Lanczos[0];
        var t = x + 7.5;
        for (var i = 1; i < 9; i++) a += Lanczos[i] / (x + i);
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(a);
    }

    /// <summary>Upper regularised incomplete gamma Q(a, x) = Γ(a, x) / Γ(a).</summary>
    public static double UpperGamma(double a, double x)
    {
        if (x <= 0) return 1;
        if (x < a + 1) return 1 - LowerSeries(a, x);
        // Modified Lentz continued fraction for Q (Numerical Recipes' gcf).
        const double tiny = 1e-300;
        var b = x + 1 - a;
        var c = 1 / tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < 10_000; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.Abs(d) < tiny) d = tiny;
            c = b + an / c;
            if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }
        return Math.Exp(-x + a * Math.Log(x) - LogGamma(a)) * h;
    }

    private static double LowerSeries(double a, double x)
    {
        var ap = a;
        var sum = 1 / a;
        var del = sum;
        for (var i = 0; i < 10_000; i++)
        {
            ap += 1;
            del *= x / ap;
            sum += del;
            if (Math.Abs(del) < Math.Abs(sum) * 1e-17) break;
        }
        return sum * Math.Exp(-x + a * Math.Log(x) - LogGamma(a));
    }

    /// <summary>P(X² ≥ x) for a chi-square with <paramref name="df"/> degrees of freedom (R's pchisq(x, df, lower = FALSE)).</summary>
    public static double ChiSquareUpperTail(double x, int df) => df <= 0 ? double.NaN : UpperGamma(df / 2.0, x / 2.0);

    /// <summary>Two-sided normal p-value, 2·Φ(−|z|).</summary>
    public static double NormalTwoSided(double z) => UpperGamma(0.5, z * z / 2);

    /// <summary>Standard normal distribution function Φ(x).</summary>
    public static double NormalCdf(double x)
    {
        var tail = 0.5 * UpperGamma(0.5, x * x / 2);
        return x < 0 ? tail : 1 - tail;
    }

    /// <summary>The standard normal quantile (R's qnorm), for 0 &lt; p &lt; 1.</summary>
    public static double NormalQuantile(double p)
    {
        if (p <= 0 || p >= 1) throw new ArgumentOutOfRangeException(nameof(p), "p must be strictly between 0 and 1");
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        double x;
        if (p < 0.02425)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        else if (p <= 1 - 0.02425)
        {
            var q = p - 0.5;
            var r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        }
        else
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        // Halley refinement against the accurate distribution function: the approximation is good to ~1e-9.
        for (var i = 0; i < 2; i++)
        {
            var e = NormalCdf(x) - p;
            var u = e * Math.Sqrt(2 * Math.PI) * Math.Exp(x * x / 2);
            x -= u / (1 + x * u / 2);
        }
        return x;
    }
}
