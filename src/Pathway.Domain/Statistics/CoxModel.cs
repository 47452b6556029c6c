namespace Pathway.Domain.Statistics;

/// <summary>How tied event times enter the partial likelihood.</summary>
public enum CoxTies
{
    /// <summary>R's default: Efron's approximation.</summary>
    Efron,
    Breslow,
}

/// <summary>One covariate's estimate: coefficient, hazard ratio, standard error, Wald z and p, and the 95% CI of the hazard ratio.</summary>
public sealed record CoxCoefficient(string Name, double Coef, double HazardRatio, double StdErr, double Z, double P, double Lower, double Upper);

/// <summary>A chi-square test with its degrees of freedom and upper-tail p.</summary>
public sealed record ChiSquareTest(double ChiSquare, int DegreesOfFreedom, double P);

/// <summary>
/// Harrell's C as R's <c>coxph</c> stores it in <c>fit$concordance</c>: pair counts on the linear predictor
/// (higher risk should mean earlier event) and C = (concordant + tied.x / 2) / (concordant + discordant + tied.x).
/// </summary>
public sealed record Concordance(double Concordant, double Discordant, double TiedX, double TiedY, double TiedXY, double C);

/// <summary>A fitted Cox model: R's coxph plus summary(fit) in one record.</summary>
public sealed record CoxFit(
    IReadOnlyList<CoxCoefficient> Coefficients,
    double[,] Variance,
    double LogLikNull,
    double LogLik,
    ChiSquareTest LikelihoodRatio,
    ChiSquareTest Wald,
    ChiSquareTest Score,
    Concordance Concordance,
    int N,
    int Events,
    int Iterations,
    CoxTies Ties);

/// <summary>
/// Cox proportional hazards by Newton–Raphson, following R's coxph (coxfit6): start at β = 0, step-halving when the
/// log-likelihood falls, converged when |1 − ℓ_old/ℓ_new| ≤ 1e-9 (no halving in progress), at most 20 iterations;
/// the variance is the inverse information at the final β. Strata have separate risk sets. Covariates are centred
/// (which changes nothing but rounding).
/// </summary>
public static class CoxModel
{
    public static StatisticsResult<CoxFit> Fit(IReadOnlyList<double> time, IReadOnlyList<bool> evt, IReadOnlyList<IReadOnlyList<double>> covariates,
        IReadOnlyList<string> names, IReadOnlyList<string>? strata = null, CoxTies ties = CoxTies.Efron, int maxIterations = 20, double eps = 1e-9)
    {
        var n = time.Count;
        var p = covariates.Count;
        if (p == 0) return StatisticsResult<CoxFit>.Failed("a Cox model needs at least one covariate");
        if (names.Count != p) throw new ArgumentException("one name per covariate", nameof(names));
        if (n == 0) return StatisticsResult<CoxFit>.Failed("there are no rows");
        var events = evt.Count(e => e);
        if (events == 0) return StatisticsResult<CoxFit>.Failed("no events in the data, so there is nothing to model");

        // Sort by stratum, then time descending: risk sets grow as we walk down.
        var strataOf = strata ?? Enumerable.Repeat("", n).ToArray();
        var stratumCode = strataOf.Distinct().Order(StringComparer.Ordinal).Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal);
        var order = Enumerable.Range(0, n).ToArray();
        var st = new int[n];
        for (var i = 0; i < n; i++) st[i] = stratumCode[strataOf[i]];
        Array.Sort(order, (a, b) => st[a] != st[b] ? st[a].CompareTo(st[b]) : time[b].CompareTo(time[a]));

        for (var k = 0; k < p; k++)
        {
            if (!VariesWithinAStratum(covariates[k], st))
                return StatisticsResult<CoxFit>.Failed(stratumCode.Count > 1
                    ? $"the covariate '{names[k]}' does not vary within any stratum, so its effect cannot be estimated"
                    : $"the covariate '{names[k]}' has the same value for everyone, so its effect cannot be estimated");
        }

        var data = new Sorted(n, p);
        var means = new double[p];
        for (var k = 0; k < p; k++) means[k] = covariates[k].Average();
        for (var r = 0; r < n; r++)
        {
            var i = order[r];
            data.Time[r] = time[i];
            data.Event[r] = evt[i];
            data.Stratum[r] = st[i];
            for (var k = 0; k < p; k++) data.X[r * p + k] = covariates[k][i] - means[k];
        }

        var work = new Work(p);
        var beta = new double[p];
        var loglik0 = Evaluate(data, beta, ties, work);
        var l = LinearAlgebra.Cholesky(work.Imat);
        if (l is null) return Collinear(names);
        var step = LinearAlgebra.Solve(l, work.U);
        var score = Dot(step, work.U);

        var loglik = loglik0;
        var newBeta = Add(beta, step);
        var halving = false;
        var converged = false;
        double newLoglik = loglik0;
        var iterations = 0;
        double[,]? lFinal = null;
        for (var iter = 1; iter <= maxIterations; iter++)
        {
            iterations = iter;
            newLoglik = Evaluate(data, newBeta, ties, work);
            lFinal = LinearAlgebra.Cholesky(work.Imat);
            if (Math.Abs(1 - loglik / newLoglik) <= eps && !halving)
            {
                converged = true;
                break;
            }
            if (iter == maxIterations) break;
            if (double.IsNaN(newLoglik) || newLoglik < loglik)
            {
                halving = true;
                for (var k = 0; k < p; k++) newBeta[k] = (newBeta[k] + beta[k]) / 2;
            }
            else
            {
                halving = false;
                loglik = newLoglik;
                if (lFinal is null) return Collinear(names);
                step = LinearAlgebra.Solve(lFinal, work.U);
                Array.Copy(newBeta, beta, p);
                for (var k = 0; k < p; k++) newBeta[k] += step[k];
            }
        }
        if (!converged)
            return StatisticsResult<CoxFit>.Failed($"the model did not converge in {maxIterations} iterations; a covariate may separate those with and without events");
        if (lFinal is null) return Collinear(names);
        var information = (double[,])work.Imat.Clone();
        var variance = LinearAlgebra.Inverse(lFinal);

        // R's check for an infinite coefficient: the next Newton step |U'V| is still large relative to β.
        var toleranceInf = Math.Sqrt(LinearAlgebra.CholeskyTolerance);
        for (var k = 0; k < p; k++)
        {
            var next = 0.0;
            for (var j = 0; j < p; j++) next += work.U[j] * variance[j, k];
            if (Math.Abs(next) > toleranceInf && Math.Abs(next) > toleranceInf * Math.Abs(newBeta[k]))
                return StatisticsResult<CoxFit>.Failed(
                    $"the covariate '{names[k]}' separates people with and without events (its hazard ratio would be infinite or zero), so no estimate is given");
        }

        var z975 = Distributions.NormalQuantile(0.975);
        var coefficients = new CoxCoefficient[p];
        for (var k = 0; k < p; k++)
        {
            var se = Math.Sqrt(variance[k, k]);
            var zk = newBeta[k] / se;
            coefficients[k] = new CoxCoefficient(names[k], newBeta[k], Math.Exp(newBeta[k]), se, zk, Distributions.NormalTwoSided(zk),
                Math.Exp(newBeta[k] - z975 * se), Math.Exp(newBeta[k] + z975 * se));
        }
        var wald = 0.0;
        for (var a = 0; a < p; a++)
            for (var b = 0; b < p; b++) wald += newBeta[a] * information[a, b] * newBeta[b];
        var lr = 2 * (newLoglik - loglik0);

        var lp = new double[n];
        for (var r = 0; r < n; r++)
        {
            var s = 0.0;
            for (var k = 0; k < p; k++) s += newBeta[k] * data.X[r * p + k];
            lp[r] = s;
        }
        var concordance = Harrell(data, lp);

        return StatisticsResult<CoxFit>.Ok(new CoxFit(coefficients, variance, loglik0, newLoglik,
            new ChiSquareTest(lr, p, Distributions.ChiSquareUpperTail(lr, p)),
            new ChiSquareTest(wald, p, Distributions.ChiSquareUpperTail(wald, p)),
            new ChiSquareTest(score, p, Distributions.ChiSquareUpperTail(score, p)),
            concordance, n, events, iterations, ties));
    }

    private static StatisticsResult<CoxFit> Collinear(IReadOnlyList<string> names) =>
        StatisticsResult<CoxFit>.Failed($"the covariates ({string.Join(", ", names)}) are collinear: one is a combination of the others, so their effects cannot be separated");

    private static bool VariesWithinAStratum(IReadOnlyList<double> x, int[] stratum)
    {
        var first = new Dictionary<int, double>();
        for (var i = 0; i < x.Count; i++)
        {
            if (!first.TryGetValue(stratum[i], out var v)) first[stratum[i]] = x[i];
            else if (v != x[i]) return true;
        }
        return false;
    }

    private sealed class Sorted(int n, int p)
    {
        public readonly double[] Time = new double[n];
        public readonly bool[] Event = new bool[n];
        public readonly int[] Stratum = new int[n];
        public readonly double[] X = new double[n * p];
        public int N => Time.Length;
        public int P => p;
    }

    private sealed class Work(int p)
    {
        public readonly double[] U = new double[p];
        public readonly double[,] Imat = new double[p, p];
        public readonly double[] A = new double[p];
        public readonly double[] A2 = new double[p];
        public readonly double[] C = new double[p * p];
        public readonly double[] C2 = new double[p * p];
        public readonly double[] Mean = new double[p];
    }

    /// <summary>Log partial likelihood, score U and information at β (lower triangle of the information mirrored).</summary>
    private static double Evaluate(Sorted d, double[] beta, CoxTies ties, Work w)
    {
        var p = d.P;
        var n = d.N;
        Array.Clear(w.U);
        Array.Clear(w.Imat);
        var loglik = 0.0;
        var r = 0;
        while (r < n)
        {
            var stratum = d.Stratum[r];
            double denom = 0;
            Array.Clear(w.A);
            Array.Clear(w.C);
            while (r < n && d.Stratum[r] == stratum)
            {
                var t = d.Time[r];
                double denom2 = 0;
                var deaths = 0;
                Array.Clear(w.A2);
                Array.Clear(w.C2);
                for (; r < n && d.Stratum[r] == stratum && d.Time[r] == t; r++)
                {
                    var off = r * p;
                    var eta = 0.0;
                    for (var k = 0; k < p; k++) eta += beta[k] * d.X[off + k];
                    var risk = Math.Exp(eta);
                    denom += risk;
                    for (var k = 0; k < p; k++)
                    {
                        var rx = risk * d.X[off + k];
                        w.A[k] += rx;
                        for (var j = 0; j <= k; j++) w.C[k * p + j] += rx * d.X[off + j];
                    }
                    if (!d.Event[r]) continue;
                    deaths++;
                    loglik += eta;
                    denom2 += risk;
                    for (var k = 0; k < p; k++)
                    {
                        var x = d.X[off + k];
                        w.U[k] += x;
                        var rx = risk * x;
                        w.A2[k] += rx;
                        for (var j = 0; j <= k; j++) w.C2[k * p + j] += rx * d.X[off + j];
                    }
                }
                if (deaths == 0) continue;
                if (ties == CoxTies.Breslow || deaths == 1)
                {
                    loglik -= deaths * Math.Log(denom);
                    for (var k = 0; k < p; k++)
                    {
                        w.Mean[k] = w.A[k] / denom;
                        w.U[k] -= deaths * w.Mean[k];
                        for (var j = 0; j <= k; j++) w.Imat[k, j] += deaths * (w.C[k * p + j] / denom - w.Mean[k] * w.Mean[j]);
                    }
                }
                else
                {
                    for (var m = 0; m < deaths; m++)
                    {
                        var frac = (double)m / deaths;
                        var d2 = denom - frac * denom2;
                        loglik -= Math.Log(d2);
                        for (var k = 0; k < p; k++)
                        {
                            w.Mean[k] = (w.A[k] - frac * w.A2[k]) / d2;
                            w.U[k] -= w.Mean[k];
                            for (var j = 0; j <= k; j++)
                                w.Imat[k, j] += (w.C[k * p + j] - frac * w.C2[k * p + j]) / d2 - w.Mean[k] * w.Mean[j];
                        }
                    }
                }
            }
        }
        for (var k = 0; k < p; k++)
            for (var j = 0; j < k; j++) w.Imat[j, k] = w.Imat[k, j];
        return loglik;
    }

    /// <summary>
    /// Pair counts as R's concordancefit(reverse = TRUE) makes them, within strata: an event at t is compared with everyone
    /// whose time is later, and with anyone censored at t (they outlived it); two events at the same time are tied.y.
    /// Counted with a Fenwick tree over the ranks of the linear predictor: O(n log n).
    /// </summary>
    private static Concordance Harrell(Sorted d, double[] lp)
    {
        var n = d.N;
        var distinct = lp.Distinct().Order().ToArray();
        var rank = new int[n];
        for (var i = 0; i < n; i++) rank[i] = Array.BinarySearch(distinct, lp[i]);
        var tree = new Fenwick(distinct.Length);
        double concordant = 0, discordant = 0, tiedX = 0, tiedY = 0, tiedXY = 0;
        var r = 0;
        while (r < n)
        {
            var stratum = d.Stratum[r];
            tree.Clear();
            var inTree = 0L;
            while (r < n && d.Stratum[r] == stratum)
            {
                var t = d.Time[r];
                var end = r;
                while (end < n && d.Stratum[end] == stratum && d.Time[end] == t) end++;
                for (var i = r; i < end; i++)
                {
                    if (d.Event[i]) continue;
                    tree.Add(rank[i], 1);
                    inTree++;
                }
                var tiedDeaths = new Dictionary<int, int>();
                var deaths = 0;
                for (var i = r; i < end; i++)
                {
                    if (!d.Event[i]) continue;
                    var below = tree.PrefixSum(rank[i] - 1);
                    var same = tree.PrefixSum(rank[i]) - below;
                    concordant += below;
                    tiedX += same;
                    discordant += inTree - below - same;
                    deaths++;
                    tiedDeaths[rank[i]] = tiedDeaths.GetValueOrDefault(rank[i]) + 1;
                }
                if (deaths > 1)
                {
                    var sameX = tiedDeaths.Values.Sum(c => (double)c * (c - 1) / 2);
                    tiedXY += sameX;
                    tiedY += (double)deaths * (deaths - 1) / 2 - sameX;
                }
                for (var i = r; i < end; i++)
                {
                    if (!d.Event[i]) continue;
                    tree.Add(rank[i], 1);
                    inTree++;
                }
                r = end;
            }
        }
        var c = concordant + discordant + tiedX > 0 ? (concordant + tiedX / 2) / (concordant + discordant + tiedX) : 0.5;
        return new Concordance(concordant, discordant, tiedX, tiedY, tiedXY, c);
    }

    private sealed class Fenwick(int size)
    {
        private readonly long[] _tree = new long[size + 1];

        public void Clear() => Array.Clear(_tree);

        public void Add(int index, long value)
        {
            for (var i = index + 1; i < _tree.Length; i += i & -i) _tree[i] += value;
        }

        public long PrefixSum(int index)
        {
            long s = 0;
            for (var i = index + 1; i > 0; i -= i & -i) s += _tree[i];
            return s;
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    private static double[] Add(double[] a, double[] b)
    {
        var r = new double[a.Length];
        for (var i = 0; i < a.Length; i++) r[i] = a[i] + b[i];
        return r;
    }
}
