using Pathway.Domain.Statistics;

namespace Pathway.Cli.Analysis;

/// <summary>Everything `pathway analyse survival` computes for one file.</summary>
public sealed record SurvivalAnalysis(
    SurvivalTable Table,
    IReadOnlyList<KaplanMeierCurve> Curves,
    StatisticsResult<LogRankResult>? LogRank,
    StatisticsResult<CoxFit>? Cox,
    ConfidenceType ConfidenceType)
{
    public static SurvivalAnalysis Run(SurvivalTable table, CoxTies ties, ConfidenceType confType)
    {
        // (start, stop] rows are periods of follow-up, not people: no Kaplan–Meier curve is drawn from them.
        var groups = table.Group ?? Enumerable.Repeat("all", table.Count).ToArray();
        var curves = table.Start is null ? KaplanMeier.FitGroups(table.Time, table.Event, groups, confType) : [];
        var logRank = table.Group is null ? null : Domain.Statistics.LogRank.Test(table.Time, table.Event, table.Group, table.Strata);
        var cox = table.CovariateNames.Count == 0 ? null
            : CoxModel.Fit(table.Time, table.Event, table.Covariates, table.CovariateNames, table.Strata, ties, table.Start, table.Cluster);
        return new SurvivalAnalysis(table, curves, logRank, cox, confType);
    }
}
