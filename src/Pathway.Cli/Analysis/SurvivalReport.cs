using System.Globalization;
using System.Text.Json;
using Pathway.Domain.Statistics;

namespace Pathway.Cli.Analysis;

/// <summary>Writes a survival analysis as JSON (for scripts) or as text (for people).</summary>
public static class SurvivalReport
{
    public static void WriteJson(Stream stream, SurvivalAnalysis a)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteNumber("n", a.Table.Count);
        w.WriteNumber("nEvents", a.Table.Event.Count(e => e));
        w.WriteString("confType", a.ConfidenceType switch { ConfidenceType.LogLog => "log-log", ConfidenceType.Plain => "plain", _ => "log" });
        w.WriteString("stdErrScale", "log: R's survfit fit$std.err, the Greenwood standard error of -log S(t)");
        w.WriteStartArray("km");
        foreach (var c in a.Curves)
        {
            w.WriteStartObject();
            w.WriteString("group", c.Group);
            w.WriteNumber("n", c.N);
            w.WriteNumber("nEvents", c.Events);
            Number(w, "median", c.Median);
            Series(w, "time", c.Points.Select(p => (double?)p.Time));
            Series(w, "nRisk", c.Points.Select(p => (double?)p.NRisk));
            Series(w, "nEvent", c.Points.Select(p => (double?)p.NEvent));
            Series(w, "nCensor", c.Points.Select(p => (double?)p.NCensor));
            Series(w, "survival", c.Points.Select(p => (double?)p.Survival));
            Series(w, "stdErr", c.Points.Select(p => p.StdErr));
            Series(w, "lower", c.Points.Select(p => p.Lower));
            Series(w, "upper", c.Points.Select(p => p.Upper));
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WritePropertyName("logrank");
        if (a.LogRank is null) w.WriteNullValue();
        else if (!a.LogRank.Succeeded) Error(w, a.LogRank.Failure!);
        else
        {
            var lr = a.LogRank.Value!;
            w.WriteStartObject();
            w.WriteNumber("chisq", lr.ChiSquare);
            w.WriteNumber("df", lr.DegreesOfFreedom);
            w.WriteNumber("p", lr.P);
            w.WriteBoolean("stratified", a.Table.Strata is not null);
            w.WriteStartArray("groups");
            foreach (var g in lr.Groups)
            {
                w.WriteStartObject();
                w.WriteString("group", g.Name);
                w.WriteNumber("n", g.N);
                w.WriteNumber("observed", g.Observed);
                w.WriteNumber("expected", g.Expected);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WritePropertyName("cox");
        if (a.Cox is null) w.WriteNullValue();
        else if (!a.Cox.Succeeded) Error(w, a.Cox.Failure!);
        else
        {
            var f = a.Cox.Value!;
            w.WriteStartObject();
            w.WriteString("ties", f.Ties == CoxTies.Breslow ? "breslow" : "efron");
            if (a.Table.Strata is not null) w.WriteNumber("strata", a.Table.Strata.Distinct().Count());
            w.WriteBoolean("counting", f.Counting);
            if (f.Clusters is { } clusters)
            {
                w.WriteNumber("clusters", clusters);
                w.WriteString("variance", "robust: z, p, lower, upper and waldTest use robustSe, as R's summary(coxph(..., cluster = id)); se is the naive one");
            }
            w.WriteStartArray("covariates");
            foreach (var c in f.Coefficients)
            {
                w.WriteStartObject();
                w.WriteString("name", c.Name);
                w.WriteNumber("coef", c.Coef);
                w.WriteNumber("hr", c.HazardRatio);
                w.WriteNumber("se", c.StdErr);
                if (c.RobustStdErr is { } robustSe) w.WriteNumber("robustSe", robustSe);
                w.WriteNumber("z", c.Z);
                w.WriteNumber("p", c.P);
                w.WriteNumber("lower", c.Lower);
                w.WriteNumber("upper", c.Upper);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("loglik");
            w.WriteNumber("null", f.LogLikNull);
            w.WriteNumber("model", f.LogLik);
            w.WriteEndObject();
            Test(w, "lrTest", f.LikelihoodRatio);
            Test(w, "waldTest", f.Wald);
            Test(w, "scoreTest", f.Score);
            if (f.RobustScore is { } robustScore) Test(w, "robustScoreTest", robustScore);
            w.WriteNumber("concordance", f.Concordance.C);
            w.WriteStartObject("concordancePairs");
            w.WriteNumber("concordant", f.Concordance.Concordant);
            w.WriteNumber("discordant", f.Concordance.Discordant);
            w.WriteNumber("tiedRisk", f.Concordance.TiedX);
            w.WriteNumber("tiedTime", f.Concordance.TiedY);
            w.WriteNumber("tiedBoth", f.Concordance.TiedXY);
            w.WriteEndObject();
            w.WriteNumber("n", f.N);
            w.WriteNumber("nEvents", f.Events);
            w.WriteNumber("iterations", f.Iterations);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }

    public static void WriteText(TextWriter w, SurvivalAnalysis a)
    {
        var conf = a.ConfidenceType switch { ConfidenceType.LogLog => "log-log", ConfidenceType.Plain => "plain", _ => "log" };
        w.WriteLine($"Survival analysis: {a.Table.Count} rows{(a.Table.Start is null ? "" : " ((start, stop] intervals)")}, {a.Table.Event.Count(e => e)} events.");
        foreach (var c in a.Curves)
        {
            w.WriteLine();
            w.WriteLine($"Kaplan–Meier, group {c.Group}: n = {c.N}, events = {c.Events}, median = {(c.Median is { } m ? F(m) : "not reached")}");
            w.WriteLine($"  95% CI ({conf}); se is the standard error of -log S(t), as R's survfit std.err. Event times only.");
            w.WriteLine($"  {"time",10} {"n.risk",7} {"n.event",7} {"survival",9} {"se",9} {"lower",9} {"upper",9}");
            foreach (var p in c.Points.Where(p => p.NEvent > 0))
                w.WriteLine($"  {F(p.Time),10} {p.NRisk,7} {p.NEvent,7} {F(p.Survival),9} {F(p.StdErr),9} {F(p.Lower),9} {F(p.Upper),9}");
        }
        if (a.LogRank is { } lr)
        {
            w.WriteLine();
            if (!lr.Succeeded) w.WriteLine($"Log-rank test: not computed: {lr.Failure}.");
            else
            {
                var r = lr.Value!;
                w.WriteLine($"Log-rank test{(a.Table.Strata is null ? "" : " (stratified)")}: chisq = {F(r.ChiSquare)} on {r.DegreesOfFreedom} df, p = {P(r.P)}");
                w.WriteLine($"  {"group",-16} {"n",7} {"observed",9} {"expected",9}");
                foreach (var g in r.Groups) w.WriteLine($"  {g.Name,-16} {g.N,7} {F(g.Observed),9} {F(g.Expected),9}");
            }
        }
        if (a.Cox is { } cox)
        {
            w.WriteLine();
            if (!cox.Succeeded) w.WriteLine($"Cox model: not fitted: {cox.Failure}.");
            else
            {
                var f = cox.Value!;
                var robust = f.Clusters is not null;
                w.WriteLine($"Cox proportional hazards ({(f.Ties == CoxTies.Breslow ? "Breslow" : "Efron")} ties{(a.Table.Strata is null ? "" : ", stratified")}{(f.Counting ? ", (start, stop] intervals" : "")}): n = {f.N}, events = {f.Events}");
                if (robust) w.WriteLine($"  Robust standard errors clustered on {f.Clusters} clusters; z, p and the CI use them.");
                w.WriteLine($"  {"covariate",-16} {"coef",9} {"HR",9} {"se",9}{(robust ? $" {"robust se",9}" : "")} {"z",8} {"p",9} {"HR lower",9} {"HR upper",9}");
                foreach (var c in f.Coefficients)
                    w.WriteLine($"  {c.Name,-16} {F(c.Coef),9} {F(c.HazardRatio),9} {F(c.StdErr),9}{(robust ? $" {F(c.RobustStdErr),9}" : "")} {F(c.Z),8} {P(c.P),9} {F(c.Lower),9} {F(c.Upper),9}");
                w.WriteLine($"  Log-likelihood: null {F(f.LogLikNull)}, model {F(f.LogLik)}; concordance {F(f.Concordance.C)}");
                w.WriteLine($"  Likelihood ratio test = {F(f.LikelihoodRatio.ChiSquare)} on {f.LikelihoodRatio.DegreesOfFreedom} df, p = {P(f.LikelihoodRatio.P)}");
                w.WriteLine($"  Wald test             = {F(f.Wald.ChiSquare)} on {f.Wald.DegreesOfFreedom} df, p = {P(f.Wald.P)}{(robust ? " (robust)" : "")}");
                w.WriteLine($"  Score (log-rank) test = {F(f.Score.ChiSquare)} on {f.Score.DegreesOfFreedom} df, p = {P(f.Score.P)}{(f.RobustScore is { } rs ? $",   Robust = {F(rs.ChiSquare)}  p = {P(rs.P)}" : "")}");
            }
        }
    }

    private static string F(double? x) => x is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "NA";

    private static string P(double p) => p < 1e-4 ? p.ToString("0.0e+0", CultureInfo.InvariantCulture) : p.ToString("0.####", CultureInfo.InvariantCulture);

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    private static void Series(Utf8JsonWriter w, string name, IEnumerable<double?> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            if (v is { } x) w.WriteNumberValue(x);
            else w.WriteNullValue();
        }
        w.WriteEndArray();
    }

    private static void Test(Utf8JsonWriter w, string name, ChiSquareTest t)
    {
        w.WriteStartObject(name);
        w.WriteNumber("chisq", t.ChiSquare);
        w.WriteNumber("df", t.DegreesOfFreedom);
        w.WriteNumber("p", t.P);
        w.WriteEndObject();
    }

    private static void Error(Utf8JsonWriter w, string message)
    {
        w.WriteStartObject();
        w.WriteString("error", message);
        w.WriteEndObject();
    }
}
