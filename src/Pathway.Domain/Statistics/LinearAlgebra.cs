namespace Pathway.Domain.Statistics;

/// <summary>Small dense symmetric positive-definite algebra (Cholesky), enough for p ≤ a few dozen covariates.</summary>
internal static class LinearAlgebra
{
    // Same relative tolerance as R's coxph (toler.chol = .Machine$double.eps^0.75).
    internal const double CholeskyTolerance = 1.8189894035458617e-12;

    /// <summary>Cholesky factor L (lower) of a symmetric matrix, or null if it is not positive definite.</summary>
    internal static double[,]? Cholesky(double[,] a)
    {
        var p = a.GetLength(0);
        var maxDiag = 0.0;
        for (var i = 0; i < p; i++) maxDiag = Math.Max(maxDiag, Math.Abs(a[i, i]));
        var l = new double[p, p];
        for (var j = 0; j < p; j++)
        {
            var s = a[j, j];
            for (var k = 0; k < j; k++) s -= l[j, k] * l[j, k];
            if (s <= CholeskyTolerance * maxDiag) return null;
            l[j, j] = Math.Sqrt(s);
            for (var i = j + 1; i < p; i++)
            {
                var t = a[i, j];
                for (var k = 0; k < j; k++) t -= l[i, k] * l[j, k];
                l[i, j] = t / l[j, j];
            }
        }
        return l;
    }

    internal static double[] Solve(double[,] l, double[] b)
    {
        var p = b.Length;
        var y = new double[p];
        for (var i = 0; i < p; i++)
        {
            var s = b[i];
            for (var k = 0; k < i; k++) s -= l[i, k] * y[k];
            y[i] = s / l[i, i];
        }
        var x = new double[p];
        for (var i = p - 1; i >= 0; i--)
        {
            var s = y[i];
            for (var k = i + 1; k < p; k++) s -= l[k, i] * x[k];
            x[i] = s / l[i, i];
        }
        return x;
    }

    internal static double[]? SolveSymmetric(double[,] a, double[] b) => Cholesky(a) is { } l ? Solve(l, b) : null;

    internal static double[,] Inverse(double[,] l)
    {
        var p = l.GetLength(0);
        var inv = new double[p, p];
        for (var j = 0; j < p; j++)
        {
            var e = new double[p];
            e[j] = 1;
            var col = Solve(l, e);
            for (var i = 0; i < p; i++) inv[i, j] = col[i];
        }
        return inv;
    }
}
