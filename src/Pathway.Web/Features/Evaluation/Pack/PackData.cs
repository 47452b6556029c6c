using Pathway.Data;
using Pathway.Domain.Disclosure;
using Pathway.Domain.Evaluation;
using Pathway.Web.Features.Compliance.Recall.Overview;
using EvaluationOutcomes = Pathway.Domain.Evaluation.Outcomes;

namespace Pathway.Web.Features.Evaluation.Pack;

/// <summary>
/// Everything the quarterly pack prints, computed by the evaluation's own code (<see cref="EvaluationOutcomes.Build"/>,
/// <see cref="Engagement"/>, <see cref="RecallFigures"/>) for licences released in the 12 months to the quarter's end and in
/// the quarter itself, followed up to the quarter's end (or today, for the quarter still running). Nothing here names a
/// person; the PDF publishes it only through <see cref="DisclosurePolicy.Default"/>.
/// </summary>
public sealed record PackData(
    FinancialQuarter Quarter,
    string? TeamName,
    DateOnly AsAt,
    DateOnly ProducedOn,
    DateOnly ServiceStartedOn,
    string ServiceName,
    DateOnly YearFrom,
    OutcomeReport YearPathway,
    OutcomeReport YearServiceStart,
    OutcomeReport QuarterPathway,
    OutcomeReport QuarterServiceStart,
    IReadOnlyList<EngagementMeasures> Engagement,
    SuppressedTable Reasons,
    SuppressedTable Alternatives,
    SuppressedTable AlternativesFollowed)
{
    public const string DefaultServiceName = "Pathway: personality disorder service for people on licence";

    /// <summary>The name printed on the title page (<c>Evaluation:ServiceName</c> in configuration).</summary>
    public static string ServiceNameFrom(IConfiguration config) =>
        config["Evaluation:ServiceName"] is { Length: > 0 } name ? name : DefaultServiceName;

    public static async Task<PackData> LoadAsync(PathwayDbContext db, IConfiguration config, FinancialQuarter quarter, Guid? teamId, string? teamName,
        DateOnly today, CancellationToken ct)
    {
        var asAt = quarter.End < today ? quarter.End : today;
        var yearFrom = quarter.End.AddMonths(-12).AddDays(1);
        var serviceStartedOn = OutcomeData.ServiceStartedOn(config);
        var (periods, recalls) = await OutcomeData.LoadAsync(db, yearFrom, quarter.End, teamId, asAt, ct);
        var inQuarter = periods.Where(p => p.ReleaseDate >= quarter.Start).ToList();
        OutcomeReport Build(IReadOnlyList<LicencePeriod> licences, Cohort cohort) => EvaluationOutcomes.Build(licences, cohort, asAt, serviceStartedOn, recalls);
        var yearPathway = Build(periods, Cohort.Pathway);
        var engagement = await EngagementData.MeasureAsync(db, yearPathway, OutcomeData.CaseIds(db, yearFrom, quarter.End, teamId), yearFrom, ct);

        var cases = OutcomeData.Cases(db, teamId);
        var figures = await RecallFigures.CountAsync(db, cases, Midnight(yearFrom), ct, before: Midnight(asAt.AddDays(1)));
        var policy = DisclosurePolicy.Default;
        return new PackData(quarter, teamName, asAt, today, serviceStartedOn, ServiceNameFrom(config), yearFrom,
            yearPathway, Build(periods, Cohort.ServiceStart), Build(inQuarter, Cohort.Pathway), Build(inQuarter, Cohort.ServiceStart), engagement,
            RecallFigures.Suppress(figures.RecallReasons, figures.Teams, RecallFigures.ReasonColumns, policy),
            RecallFigures.Suppress(figures.Alternatives, figures.Teams, RecallFigures.AlternativeColumns, policy),
            RecallFigures.Suppress(await RecallFigures.AlternativesFollowedAsync(db, cases, Midnight(yearFrom), ct, before: Midnight(asAt.AddDays(1))),
                RecallFigures.AlternativeColumns, RecallFigures.DecisionColumns, policy));

        static DateTimeOffset Midnight(DateOnly d) => new(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }
}
