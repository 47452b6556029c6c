namespace Pathway.Domain.Statistics;

/// <summary>How tied event times enter the partial likelihood.</summary>
public enum CoxTies
{
    /// <summary>R's default: Efron's approximation.</summary>
    Efron,
    Breslow,
}

/// <summary>
/// One covariate's estimate: coefficient, hazard ratio, the model-based (naive) standard error, Wald z and p, and the 95% CI
/// of the hazard ratio. When the fit is clustered, <see cref="RobustStdErr"/> is the sandwich standard error and z, p and
/// the CI use it, as R's <c>summary(coxph(..., cluster = id))</c> prints them.
/// </summary>
public sealed record CoxCoefficient(string Name, double Coef, double HazardRatio, double StdErr, double Z, double P, double Lower, double Upper,
    double? RobustStdErr = null);

/// <summary>A chi-square test with its degrees of freedom and upper-tail p.</summary>
public sealed record ChiSquareTest(double ChiSquare, int DegreesOfFreedom, double P);

/// <summary>
/// Harrell's C as R's <c>coxph</c> stores it in <c>fit$concordance</c>: pair counts on the linear predictor
/// (higher risk should mean earlier event) and C = (concordant + tied.x / 2) / (concordant + discordant + tied.x).
/// </summary>
public sealed record Concordance(double Concordant, double Discordant, double TiedX, double TiedY, double TiedXY, double C);

/// <summary>
/// A fitted Cox model: R's coxph plus summary(fit) in one record. <see cref="Variance"/> is the variance inference uses:
/// the robust one when clustered (R's <c>fit$var</c>), when <see cref="NaiveVariance"/> keeps the inverse information
/// (R's <c>fit$naive.var</c>), <see cref="Wald"/> uses the robust variance and <see cref="RobustScore"/> is R's
/// <c>fit$rscore</c>. <see cref="Counting"/> says the rows were (start, stop] intervals.
/// </summary>
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
    CoxTies Ties,
    bool Counting = false,
    int? Clusters = null,
    double[,]? NaiveVariance = null,
    ChiSquareTest? RobustScore = null);

/// <summary>
/// Cox proportional hazards by Newton–Raphson, following R's coxph (coxfit6 and agfit4): start at β = 0, step-halving when
/// the log-likelihood falls, converged when |1 − ℓ_old/ℓ_new| ≤ 1e-9 (no halving in progress), at most 20 iterations;
/// the variance is the inverse information at the final β. Strata have separate risk sets. Covariates are centred
/// (which changes nothing but rounding).
/// <para>
/// With <c>start</c>, each row is a (start, stop] interval (R's <c>Surv(start, stop, event)</c>): a row is at risk at an
/// event time t when start &lt; t ≤ stop, so covariates can change over time by splitting a person's follow-up into rows.
/// Right-censored data is the special case where nothing leaves the risk set before its own time. Risk sets are kept
/// by one walk down the stop times, adding rows as their stop time is reached and removing them once an event time is
/// at or before their start: O(n log n) to sort, O(n·p²) per iteration.
/// </para>
/// <para>
/// With <c>cluster</c>, the robust variance is R's grouped dfbeta sandwich (<c>coxph(..., cluster = id)</c>):
/// the score residuals are summed within each cluster, D = (sums)·V, and the robust variance is DᵀD.
/// </para>
/// </summary>
public static class CoxModel
{
    public static StatisticsResult<CoxFit> Fit(IReadOnlyList<double> time, IReadOnlyList<bool> evt, IReadOnlyList<IReadOnlyList<double>> covariates,
        IReadOnlyList<string> names, IReadOnlyList<string>? strata = null, CoxTies ties = CoxTies.Efron,
        IReadOnlyList<double>? start = null, IReadOnlyList<string>? cluster = null, int maxIterations = 20, double eps = 1e-9)
    {
        var n = time.Count;
        var p = covariates.Count;
        if (p == 0) return StatisticsResult<CoxFit>.Failed("a Cox model needs at least one covariate");
        if (names.Count != p) throw new ArgumentException("one name per covariate", nameof(names));
        if (start is not null && start.Count != n) throw new ArgumentException("one start time per row", nameof(start));
        if (cluster is not null && cluster.Count != n) throw new ArgumentException("one cluster per row", nameof(cluster));
        if (n == 0) return StatisticsResult<CoxFit>.Failed("there are no rows");
        var events = evt.Count(e => e);
        if (events == 0) return StatisticsResult<CoxFit>.Failed("no events in the data, so there is nothing to model");
        if (start is not null)
        {
            for (var i = 0; i < n; i++)
            {
                if (!(start[i] < time[i]))
                    return StatisticsResult<CoxFit>.Failed(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"row {i + 1}: the interval ({start[i]}, {time[i]}] is empty: its start must be before its stop"));
            }
        }

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

        var data = new Sorted(n, p, start is not null);
        var means = new double[p];
        for (var k = 0; k < p; k++) means[k] = covariates[k].Average();
        for (var r = 0; r < n; r++)
        {
            var i = order[r];
            data.Time[r] = time[i];
            data.Event[r] = evt[i];
            data.Stratum[r] = st[i];
            if (start is not null) data.Start![r] = start[i];
            for (var k = 0; k < p; k++) data.X[r * p + k] = covariates[k][i] - means[k];
        }
        if (data.Start is { } starts)
        {
            // Sorted rows by stratum, then start descending: the order in which they leave the risk set.
            var byStart = data.ByStart!;
            for (var r = 0; r < n; r++) byStart[r] = r;
            Array.Sort(byStart, (a, b) => data.Stratum[a] != data.Stratum[b] ? data.Stratum[a].CompareTo(data.Stratum[b]) : starts[b].CompareTo(starts[a]));
        }

        var work = new Work(n, p);
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
        var naiveVariance = LinearAlgebra.Inverse(lFinal);

        // R's check for an infinite coefficient: the next Newton step |U'V| is still large relative to β.
        var toleranceInf = Math.Sqrt(LinearAlgebra.CholeskyTolerance);
        for (var k = 0; k < p; k++)
        {
            var next = 0.0;
            for (var j = 0; j < p; j++) next += work.U[j] * naiveVariance[j, k];
            if (Math.Abs(next) > toleranceInf && Math.Abs(next) > toleranceInf * Math.Abs(newBeta[k]))
                return StatisticsResult<CoxFit>.Failed(
                    $"the covariate '{names[k]}' separates people with and without events (its hazard ratio would be infinite or zero), so no estimate is given");
        }

        var wald = 0.0;
        for (var a = 0; a < p; a++)
            for (var b = 0; b < p; b++) wald += newBeta[a] * information[a, b] * newBeta[b];

        // Clustered: the sandwich at the final β, the robust Wald test βᵀV_r⁻¹β, and R's robust score test at β = 0.
        double[,]? robust = null;
        ChiSquareTest? robustScore = null;
        int? clusters = null;
        if (cluster is not null)
        {
            var clusterCode = new Dictionary<string, int>(StringComparer.Ordinal);
            var clusterOf = new int[n];
            for (var r = 0; r < n; r++)
            {
                var id = cluster[order[r]];
                if (!clusterCode.TryGetValue(id, out var c)) clusterCode[id] = c = clusterCode.Count;
                clusterOf[r] = c;
            }
            clusters = clusterCode.Count;
            if (clusters < 2)
                return StatisticsResult<CoxFit>.Failed("robust standard errors need at least two clusters, but every row has the same cluster id");
            var meat = ClusteredScoreCrossProduct(data, newBeta, ties, work, clusterOf, clusters.Value, out _);
            robust = Sandwich(naiveVariance, meat);
            var lRobust = LinearAlgebra.Cholesky(robust);
            wald = lRobust is null ? double.NaN : Dot(newBeta, LinearAlgebra.Solve(lRobust, newBeta));
            var meat0 = ClusteredScoreCrossProduct(data, new double[p], ties, work, clusterOf, clusters.Value, out var u);
            var rs = LinearAlgebra.SolveSymmetric(meat0, u) is { } x ? Dot(u, x) : double.NaN;
            robustScore = new ChiSquareTest(rs, p, Distributions.ChiSquareUpperTail(rs, p));
        }

        var z975 = Distributions.NormalQuantile(0.975);
        var coefficients = new CoxCoefficient[p];
        for (var k = 0; k < p; k++)
        {
            var naiveSe = Math.Sqrt(naiveVariance[k, k]);
            double? robustSe = robust is null ? null : Math.Sqrt(robust[k, k]);
            var se = robustSe ?? naiveSe;
            var zk = newBeta[k] / se;
            coefficients[k] = new CoxCoefficient(names[k], newBeta[k], Math.Exp(newBeta[k]), naiveSe, zk, Distributions.NormalTwoSided(zk),
                Math.Exp(newBeta[k] - z975 * se), Math.Exp(newBeta[k] + z975 * se), robustSe);
        }
        var lr = 2 * (newLoglik - loglik0);

        var lp = new double[n];
        for (var r = 0; r < n; r++)
        {
            var s = 0.0;
            for (var k = 0; k < p; k++) s += newBeta[k] * data.X[r * p + k];
            lp[r] = s;
        }
        var concordance = Harrell(data, lp);

        return StatisticsResult<CoxFit>.Ok(new CoxFit(coefficients, robust ?? naiveVariance, loglik0, newLoglik,
            new ChiSquareTest(lr, p, Distributions.ChiSquareUpperTail(lr, p)),
            new ChiSquareTest(wald, p, Distributions.ChiSquareUpperTail(wald, p)),
            new ChiSquareTest(score, p, Distributions.ChiSquareUpperTail(score, p)),
            concordance, n, events, iterations, ties, start is not null, clusters, robust is null ? null : naiveVariance, robustScore));
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

    /// <summary>Rows sorted by stratum then stop time descending; for (start, stop] data, also their order of leaving.</summary>
    private sealed class Sorted(int n, int p, bool counting)
    {
        public readonly double[] Time = new double[n];
        public readonly bool[] Event = new bool[n];
        public readonly int[] Stratum = new int[n];
        public readonly double[] X = new double[n * p];
        public readonly double[]? Start = counting ? new double[n] : null;
        public readonly int[]? ByStart = counting ? new int[n] : null;
        public int N => Time.Length;
        public int P => p;
    }

    private sealed class Work(int n, int p)
    {
        public readonly double[] U = new double[p];
        public readonly double[,] Imat = new double[p, p];
        public readonly double[] A = new double[p];
        public readonly double[] A2 = new double[p];
        public readonly double[] C = new double[p * p];
        public readonly double[] C2 = new double[p * p];
        public readonly double[] Mean = new double[p];
        public readonly double[] Risk = new double[n];
    }

    /// <summary>
    /// What the score residuals need from each event time, recorded in walk order (strata ascending, times descending):
    /// the hazard increment dΛ and Σ x̄ dΛ for rows at risk; the same with Efron's weights (1 − m/d) for the rows that
    /// die there; and the deaths' mean x̄ (averaged over Efron's steps).
    /// </summary>
    private sealed class EventSteps(int n, int p)
    {
        public readonly double[] Time = new double[n];
        public readonly int[] Stratum = new int[n];
        public readonly double[] Hazard = new double[n];
        public readonly double[] MeanHazard = new double[n * p];
        public readonly double[] DeathHazard = new double[n];
        public readonly double[] DeathMeanHazard = new double[n * p];
        public readonly double[] DeathMean = new double[n * p];
        public int Count;
    }

    private static void Accumulate(Sorted d, Work w, int r, double sign)
    {
        var p = d.P;
        var off = r * p;
        var risk = sign * w.Risk[r];
        for (var k = 0; k < p; k++)
        {
            var rx = risk * d.X[off + k];
            w.A[k] += rx;
            for (var j = 0; j <= k; j++) w.C[k * p + j] += rx * d.X[off + j];
        }
    }

    /// <summary>
    /// Log partial likelihood, score U and information at β (lower triangle of the information mirrored). With
    /// <paramref name="steps"/>, also records each event time's hazard increments for the score residuals.
    /// </summary>
    private static double Evaluate(Sorted d, double[] beta, CoxTies ties, Work w, EventSteps? steps = null)
    {
        var p = d.P;
        var n = d.N;
        Array.Clear(w.U);
        Array.Clear(w.Imat);
        if (steps is not null) steps.Count = 0;
        var loglik = 0.0;
        var r = 0;
        var leaving = 0;
        while (r < n)
        {
            var stratum = d.Stratum[r];
            double denom = 0;
            var atRisk = 0;
            Array.Clear(w.A);
            Array.Clear(w.C);
            while (d.ByStart is not null && leaving < n && d.Stratum[d.ByStart[leaving]] < stratum) leaving++;
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
                    w.Risk[r] = risk;
                    denom += risk;
                    atRisk++;
                    Accumulate(d, w, r, 1);
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
                if (d.Start is not null)
                {
                    // (start, stop] rows whose start is at or after t are no longer at risk.
                    for (; leaving < n && d.Stratum[d.ByStart![leaving]] == stratum && d.Start[d.ByStart[leaving]] >= t; leaving++)
                    {
                        denom -= w.Risk[d.ByStart[leaving]];
                        atRisk--;
                        Accumulate(d, w, d.ByStart[leaving], -1);
                    }
                    if (atRisk == deaths)
                    {
                        // Only the deaths are left: start the sums afresh so no rounding from the subtractions remains.
                        denom = denom2;
                        Array.Copy(w.A2, w.A, p);
                        Array.Copy(w.C2, w.C, p * p);
                    }
                }
                var e = steps?.Count ?? 0;
                if (steps is not null)
                {
                    steps.Time[e] = t;
                    steps.Stratum[e] = stratum;
                    steps.Hazard[e] = steps.DeathHazard[e] = 0;
                    Array.Clear(steps.MeanHazard, e * p, p);
                    Array.Clear(steps.DeathMeanHazard, e * p, p);
                    Array.Clear(steps.DeathMean, e * p, p);
                    steps.Count++;
                }
                var efron = ties == CoxTies.Efron && deaths > 1;
                var rounds = efron ? deaths : 1;
                for (var m = 0; m < rounds; m++)
                {
                    // Breslow (or a single death): one round with the full risk set, weight = deaths.
                    // Efron: round m takes the fraction m/d of the deaths out of the risk set.
                    var frac = efron ? (double)m / deaths : 0;
                    var weight = efron ? 1.0 : deaths;
                    var d2 = denom - frac * denom2;
                    loglik -= weight * Math.Log(d2);
                    for (var k = 0; k < p; k++)
                    {
                        w.Mean[k] = (w.A[k] - frac * w.A2[k]) / d2;
                        w.U[k] -= weight * w.Mean[k];
                        for (var j = 0; j <= k; j++)
                            w.Imat[k, j] += weight * ((w.C[k * p + j] - frac * w.C2[k * p + j]) / d2 - w.Mean[k] * w.Mean[j]);
                    }
                    if (steps is null) continue;
                    var dh = weight / d2;
                    var deathShare = efron ? 1 - frac : 1;
                    steps.Hazard[e] += dh;
                    steps.DeathHazard[e] += deathShare * dh;
                    for (var k = 0; k < p; k++)
                    {
                        steps.MeanHazard[e * p + k] += w.Mean[k] * dh;
                        steps.DeathMeanHazard[e * p + k] += deathShare * w.Mean[k] * dh;
                        steps.DeathMean[e * p + k] += w.Mean[k] * weight / deaths;
                    }
                }
            }
        }
        for (var k = 0; k < p; k++)
            for (var j = 0; j < k; j++) w.Imat[j, k] = w.Imat[k, j];
        return loglik;
    }

    /// <summary>
    /// Score residuals at β (R's <c>residuals(fit, type = "score")</c>) summed within each cluster, returned as
    /// Σ_c L_c L_cᵀ; <paramref name="total"/> is Σ_c L_c, the score vector. A row's residual is
    /// δ(x − x̄_D(stop)) − r ∫_(start, stop] (x − x̄(t)) dΛ(t), the integral taken from cumulative sums over the event times.
    /// </summary>
    private static double[,] ClusteredScoreCrossProduct(Sorted d, double[] beta, CoxTies ties, Work w, int[] clusterOf, int clusters, out double[] total)
    {
        var n = d.N;
        var p = d.P;
        var steps = new EventSteps(n, p);
        Evaluate(d, beta, ties, w, steps);
        var count = steps.Count;

        // Cumulative sums over event times at or before each one, within its stratum (steps run backwards in time).
        var cumHazard = new double[count];
        var cumMean = new double[count * p];
        for (var e = count - 1; e >= 0; e--)
        {
            var carry = e + 1 < count && steps.Stratum[e + 1] == steps.Stratum[e];
            cumHazard[e] = steps.Hazard[e] + (carry ? cumHazard[e + 1] : 0);
            for (var k = 0; k < p; k++) cumMean[e * p + k] = steps.MeanHazard[e * p + k] + (carry ? cumMean[(e + 1) * p + k] : 0);
        }
        var blockStart = new int[n == 0 ? 0 : d.Stratum[n - 1] + 2];
        for (var s = 0; s < blockStart.Length; s++) blockStart[s] = count;
        for (var e = count - 1; e >= 0; e--) blockStart[steps.Stratum[e]] = e;
        for (var s = blockStart.Length - 2; s >= 0; s--) blockStart[s] = Math.Min(blockStart[s], blockStart[s + 1]);

        var sums = new double[clusters * p];
        var residual = new double[p];
        for (var r = 0; r < n; r++)
        {
            var s = d.Stratum[r];
            var from = blockStart[s];
            var to = s + 1 < blockStart.Length ? blockStart[s + 1] : count;
            var atStop = FirstAtOrBefore(steps.Time, from, to, d.Time[r]);
            var atStart = d.Start is null ? to : FirstAtOrBefore(steps.Time, from, to, d.Start[r]);
            var hazard = (atStop < to ? cumHazard[atStop] : 0) - (atStart < to ? cumHazard[atStart] : 0);
            var risk = w.Risk[r];
            var off = r * p;
            var dies = d.Event[r];
            for (var k = 0; k < p; k++)
            {
                var x = d.X[off + k];
                var meanHazard = (atStop < to ? cumMean[atStop * p + k] : 0) - (atStart < to ? cumMean[atStart * p + k] : 0);
                var value = -risk * (x * hazard - meanHazard);
                if (dies)
                {
                    // At its own event time a death carries Efron's weight, and contributes x − x̄ there.
                    value += risk * (x * (steps.Hazard[atStop] - steps.DeathHazard[atStop])
                        - (steps.MeanHazard[atStop * p + k] - steps.DeathMeanHazard[atStop * p + k]));
                    value += x - steps.DeathMean[atStop * p + k];
                }
                residual[k] = value;
            }
            var c = clusterOf[r] * p;
            for (var k = 0; k < p; k++) sums[c + k] += residual[k];
        }

        total = new double[p];
        var cross = new double[p, p];
        for (var c = 0; c < clusters; c++)
        {
            for (var k = 0; k < p; k++)
            {
                total[k] += sums[c * p + k];
                for (var j = 0; j < p; j++) cross[k, j] += sums[c * p + k] * sums[c * p + j];
            }
        }
        return cross;
    }

    /// <summary>The first index in [from, to) of times sorted descending whose time is ≤ t, or <paramref name="to"/>.</summary>
    private static int FirstAtOrBefore(double[] times, int from, int to, double t)
    {
        int lo = from, hi = to;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (times[mid] <= t) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /// <summary>V·B·V: the sandwich with the inverse information V as bread.</summary>
    private static double[,] Sandwich(double[,] v, double[,] meat)
    {
        var p = v.GetLength(0);
        var vb = new double[p, p];
        for (var i = 0; i < p; i++)
            for (var j = 0; j < p; j++)
                for (var k = 0; k < p; k++) vb[i, j] += v[i, k] * meat[k, j];
        var result = new double[p, p];
        for (var i = 0; i < p; i++)
            for (var j = 0; j < p; j++)
                for (var k = 0; k < p; k++) result[i, j] += vb[i, k] * v[k, j];
        return result;
    }

    /// <summary>
    /// Pair counts as R's concordancefit(reverse = TRUE) makes them, within strata: an event at t is compared with everyone
    /// whose time is later, and with anyone censored at t (they outlived it); two events at the same time are tied.y.
    /// For (start, stop] rows, only rows at risk at t (start &lt; t) are compared, as R's concordance does for counting data.
    /// Counted with a Fenwick tree over the ranks of the linear predictor: O(n log n).
    /// </summary>
    private static Concordance Harrell(Sorted d, double[] lp)
    {
        var n = d.N;
        var distinct = lp.Distinct().Order().ToArray();
        var rank = new int[n];
        for (var i = 0; i < n; i++) rank[i] = Array.BinarySearch(distinct, lp[i]);
        var tree = new Fenwick(distinct.Length);
        var leaving = 0;
        double concordant = 0, discordant = 0, tiedX = 0, tiedY = 0, tiedXY = 0;
        var r = 0;
        while (r < n)
        {
            var stratum = d.Stratum[r];
            tree.Clear();
            var inTree = 0L;
            while (d.ByStart is not null && leaving < n && d.Stratum[d.ByStart[leaving]] < stratum) leaving++;
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
                if (d.Start is not null)
                {
                    // (start, stop] rows starting at or after t were not at risk at t.
                    for (; leaving < n && d.Stratum[d.ByStart![leaving]] == stratum && d.Start[d.ByStart[leaving]] >= t; leaving++)
                    {
                        tree.Add(rank[d.ByStart[leaving]], -1);
                        inTree--;
                    }
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
