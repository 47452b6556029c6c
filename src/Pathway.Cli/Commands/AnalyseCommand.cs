using System.CommandLine;
using Pathway.Cli.Analysis;
using Pathway.Domain.Statistics;

namespace Pathway.Cli.Commands;

/// <summary>
/// `pathway analyse survival FILE.csv …`: Kaplan–Meier, log-rank and Cox on a CSV an analyst has exported. It reads only the
/// file (never the database), so it writes no audit row; the file is the analyst's responsibility.
/// </summary>
public static class AnalyseCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A CSV file with a header row" };
        var time = new Option<string>("--time") { Description = "Column with the follow-up time (non-negative number); with --start, the end of each interval", Required = true };
        var start = new Option<string?>("--start") { Description = "Column with the start of each (start, stop] interval: counting-process rows, as R's Surv(start, stop, event); needs --covariates" };
        var cluster = new Option<string?>("--cluster") { Description = "Column of person (or other cluster) ids: robust standard errors clustered on it, as R's coxph(..., cluster = id)" };
        var evt = new Option<string>("--event") { Description = "Column with 1 for an event, 0 for censored", Required = true };
        var group = new Option<string?>("--group") { Description = "Column of group labels: one Kaplan–Meier curve per group and a log-rank test" };
        var covariates = new Option<string?>("--covariates") { Description = "Comma-separated numeric columns for a Cox model, e.g. age,female,ogrs3" };
        var strata = new Option<string?>("--strata") { Description = "Column of stratum labels: separate baseline hazards (Cox) and a stratified log-rank test" };
        var ties = new Option<string>("--ties") { Description = "efron | breslow (how tied event times enter the Cox model)", DefaultValueFactory = _ => "efron" };
        var conf = new Option<string>("--conf-type") { Description = "log | log-log | plain (Kaplan–Meier confidence intervals, as R's conf.type)", DefaultValueFactory = _ => "log" };
        var format = new Option<string>("--format") { Description = "text | json", DefaultValueFactory = _ => "text" };
        var survival = new Command("survival", "Kaplan–Meier curves, a log-rank test and a Cox model from a CSV; results agree with R's survival package.")
        {
            file, time, evt, start, group, covariates, strata, cluster, ties, conf, format,
        };
        survival.SetAction(async (pr, ct) =>
        {
            var tiesText = pr.GetValue(ties)!;
            CoxTies tieMethod;
            if (tiesText == "efron") tieMethod = CoxTies.Efron;
            else if (tiesText == "breslow") tieMethod = CoxTies.Breslow;
            else return CliHost.Fail($"--ties must be efron or breslow, not '{tiesText}'.");
            var confText = pr.GetValue(conf)!;
            ConfidenceType confType;
            switch (confText)
            {
                case "log": confType = ConfidenceType.Log; break;
                case "log-log": confType = ConfidenceType.LogLog; break;
                case "plain": confType = ConfidenceType.Plain; break;
                default: return CliHost.Fail($"--conf-type must be log, log-log or plain, not '{confText}'.");
            }
            var formatText = pr.GetValue(format)!;
            if (formatText is not ("text" or "json")) return CliHost.Fail($"--format must be text or json, not '{formatText}'.");
            var covariateNames = (pr.GetValue(covariates) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (covariateNames.Distinct(StringComparer.Ordinal).Count() != covariateNames.Length)
                return CliHost.Fail("--covariates names a column twice.");
            var startColumn = pr.GetValue(start);
            var clusterColumn = pr.GetValue(cluster);
            if (startColumn is not null && pr.GetValue(group) is not null)
                return CliHost.Fail("--group cannot be used with --start: the Kaplan–Meier curves and log-rank test here take one row per person, not (start, stop] intervals.");
            if ((startColumn is not null || clusterColumn is not null) && covariateNames.Length == 0)
                return CliHost.Fail($"{(startColumn is not null ? "--start" : "--cluster")} needs --covariates: it applies to the Cox model.");

            var path = pr.GetValue(file)!;
            if (!File.Exists(path)) return CliHost.Fail($"{path}: no such file.");
            StatisticsResult<SurvivalTable> parsed;
            using (var reader = new StreamReader(path))
                parsed = SurvivalTable.Parse(reader, new SurvivalColumns(pr.GetValue(time)!, pr.GetValue(evt)!, pr.GetValue(group), covariateNames, pr.GetValue(strata), startColumn, clusterColumn));
            if (!parsed.Succeeded) return CliHost.Fail($"{path}: {parsed.Failure}.");

            var analysis = SurvivalAnalysis.Run(parsed.Value!, tieMethod, confType);
            if (formatText == "json")
            {
                using var buffer = new MemoryStream();
                SurvivalReport.WriteJson(buffer, analysis);
                await CliConsole.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()).AsMemory(), ct);
            }
            else
            {
                using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
                SurvivalReport.WriteText(text, analysis);
                await CliConsole.Out.WriteAsync(text.ToString().AsMemory(), ct);
            }
            return 0;
        });
        return new Command("analyse", "Statistics for analysts, on files (the database is not touched).") { survival };
    }
}
