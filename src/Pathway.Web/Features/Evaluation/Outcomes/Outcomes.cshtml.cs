using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Disclosure;
using Pathway.Domain.Evaluation;
using Pathway.Domain.Statistics;
using Pathway.Web.Features.Compliance.Recall.Overview;
using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;
using EvaluationOutcomes = Pathway.Domain.Evaluation.Outcomes;
using Pathway.Domain.Auditing;

namespace Pathway.Web.Features.Evaluation.Outcomes;

/// <summary>
/// Does the service reduce recall? For licences released in a period (optionally one team's), split by a cohort: recall
/// rate per 100 person-months, the share recalled within 6 and 12 months, time to recall (Kaplan–Meier with confidence
/// bands and numbers at risk), the log-rank test, Cox models adjusted for age, sex, OGRS3, RoSH and previous recalls (the
/// primary one time-varying from release, the landmark one a sensitivity analysis; robust SEs when a person has two periods),
/// and the recall reasons and alternatives used. The clinical lead and psychologists see exact figures; service managers
/// see small cells suppressed and curves cut where fewer than five remain at risk. Every download is suppressed.
/// </summary>
[Authorize(Policy = Policies.EvaluationReader)]
[Audited(AuditActions.Evaluation.Read)]
public sealed class OutcomesModel(PathwayDbContext db, AuditLog audit, TimeProvider clock, IConfiguration config) : PageModel
{
    public static readonly string[] Downloads = ["measures", "km", "cox", "engagement", "reasons", "alternatives", "followed"];

    [BindProperty(SupportsGet = true)] public Cohort Cohort { get; set; } = Cohort.Pathway;
    [BindProperty(SupportsGet = true)] public DateParts From { get; set; } = new();
    [BindProperty(SupportsGet = true)] public DateParts To { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? Team { get; set; }

    public DateOnly FromDate { get; private set; }
    public DateOnly ToDate { get; private set; }
    public DateOnly ServiceStartedOn { get; private set; }
    public DisclosurePolicy Policy { get; private set; } = DisclosurePolicy.Exact;
    public bool Suppressed => Policy != DisclosurePolicy.Exact;
    public OutcomeReport? Report { get; private set; }
    public IReadOnlyList<EngagementMeasures> Engagement { get; private set; } = [];
    public SuppressedTable? Reasons { get; private set; }
    public SuppressedTable? Alternatives { get; private set; }
    /// <summary>Each alternative to recall against the decision that followed it.</summary>
    public SuppressedTable? AlternativesFollowed { get; private set; }
    public IReadOnlyList<Govuk.Option> Teams { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(Policy = ReaderPolicy(), ct)) return Page();
        await audit.WriteAsync(null, "Evaluation", "page", null, reason: Describe(), ct: ct);
        return Page();
    }

    /// <summary>One of the page's tables as CSV: always under disclosure control, never a row per person.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken ct)
    {
        if (table is null || !Downloads.Contains(table, StringComparer.Ordinal)) return NotFound();
        if (!await LoadAsync(Policy = DisclosurePolicy.Default, ct)) return Page();
        var rows = table switch
        {
            "measures" => MeasureRows(),
            "km" => CurveRows(),
            "cox" => CoxRows(),
            "engagement" => EngagementRows(),
            "reasons" => Csv.Rows(Reasons!, "Team"),
            "followed" => Csv.Rows(AlternativesFollowed!, "Alternative tried"),
            _ => Csv.Rows(Alternatives!, "Team"),
        };
        await audit.WriteAsync(AuditActions.Evaluation.DataDownload, "Evaluation", table, null, reason: Describe(), ct: ct);
        return CsvResults.File(Csv.Write(rows), $"evaluation-{table}-{Cohort}-{FromDate:yyyy-MM-dd}-to-{ToDate:yyyy-MM-dd}.csv");
    }

    // The charts, tables and downloads all draw on the same published figures: suppression runs once per request.
    private IReadOnlyList<PublishedMeasures>? _measures;
    private SuppressedTable? _counts;

    public IReadOnlyList<PublishedMeasures> Measures() => _measures ??= Report!.Publish(Policy);

    /// <summary>What follow-up counts from in the chosen comparison: release, or the 3-month landmark.</summary>
    public string TimeFrom => EvaluationOutcomes.TimeFrom(Cohort);

    public IReadOnlyList<KaplanMeierCurve> Curves() => Report!.PublishedCurves(Policy);

    public IReadOnlyList<ChartBar> RateBars() => Measures().Select(m => new ChartBar(m.Group, m.RatePer100PersonMonths, Number(m.RatePer100PersonMonths, 2))).ToList();

    public IReadOnlyList<ChartBar> ShareBars(int months) => Measures()
        .Select(m => (m.Group, Value: months == 6 ? m.RecalledWithin6Months : m.RecalledWithin12Months))
        .Select(x => new ChartBar(x.Group, x.Value * 100, Percent(x.Value))).ToList();

    /// <summary>The points of the published curves, for the chart's data table and download: no per-time event counts.</summary>
    public IEnumerable<(string Group, KaplanMeierPoint Point)> CurvePoints() =>
        Curves().SelectMany(c => c.Points.Where(p => p.NEvent > 0 || p == c.Points[^1]).Select(p => (c.Group, p)));

    /// <summary>Observed and expected recalls per group are shown only when the recall counts themselves are publishable.</summary>
    public bool ShowObservedExpected => !Suppressed || Measures().Take(Report!.Groups.Count).All(m => m.Recalls is not null);

    public string Query(string table) =>
        $"/evaluation?handler=Csv&table={table}&Cohort={Cohort}&From.Day={FromDate.Day}&From.Month={FromDate.Month}&From.Year={FromDate.Year}" +
        $"&To.Day={ToDate.Day}&To.Month={ToDate.Month}&To.Year={ToDate.Year}" + (Team is { } t ? $"&Team={t}" : "");

    public static string Count(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "[c]";
    public static string Number(double? v, int decimals = 1) => v is { } x ? x.ToString("N" + decimals, CultureInfo.GetCultureInfo("en-GB")) : "[c]";
    public static string Percent(double? v) => v is { } x ? x.ToString("P1", CultureInfo.GetCultureInfo("en-GB")) : "[c]";
    public static string P(double p) => p < 0.001 ? "< 0.001" : p.ToString("0.000", CultureInfo.InvariantCulture);

    private IEnumerable<IReadOnlyList<string>> MeasureRows()
    {
        yield return ["Group", "Licence periods", "Recalled", "Person-months on licence", "Recalls per 100 person-months", "Recalled within 6 months (%)", "Recalled within 12 months (%)"];
        foreach (var m in Measures())
            yield return [m.Group, Count(m.People), Count(m.Recalls), Csv.Number(m.PersonMonths), Csv.Number(m.RatePer100PersonMonths, 2),
                Csv.Number(m.RecalledWithin6Months * 100), Csv.Number(m.RecalledWithin12Months * 100)];
    }

    private IEnumerable<IReadOnlyList<string>> CurveRows()
    {
        yield return ["Group", $"Months since {TimeFrom}", "At risk", "Not recalled (%)", "Lower 95% (%)", "Upper 95% (%)"];
        foreach (var (g, p) in CurvePoints())
            yield return [g, Csv.Number(p.Time, 2), p.NRisk.ToString(CultureInfo.InvariantCulture), Csv.Number(p.Survival * 100), Csv.Number(p.Lower * 100), Csv.Number(p.Upper * 100)];
    }

    /// <summary>Whether a group's row of engagement figures is hidden (its number of periods is).</summary>
    public bool EngagementHidden(int row) => (_counts ??= Report!.CountTable(Policy)).Entry(row, 2).Published is null;

    /// <summary>An engagement share as shown: exact readers get the counts too; hidden as [c].</summary>
    public string ShareText(int row, Share share) =>
        EngagementHidden(row) ? "[c]"
        : share.Of == 0 ? "–"
        : Suppressed ? Percent(share.Published(Policy))
        : $"{Percent(share.Rate)} ({share.Count} of {share.Of})";

    private IEnumerable<IReadOnlyList<string>> EngagementRows()
    {
        yield return ["Group", "Licence periods", "Contacts kept of expected (%)", "Signposting uptake (%)", "Offender manager trained (%)"];
        for (var i = 0; i < Engagement.Count; i++)
        {
            var e = Engagement[i];
            var hidden = EngagementHidden(i);
            yield return [e.Group, hidden ? "[c]" : Count(Measures()[i].People), hidden ? "[c]" : Csv.Number(e.Compliance.Published(Policy) * 100),
                hidden ? "[c]" : Csv.Number(e.SignpostingUptake.Published(Policy) * 100), hidden ? "[c]" : Csv.Number(e.TrainedOffenderManager.Published(Policy) * 100)];
        }
    }

    /// <summary>The model's overall test: the robust Wald test when clustered (the likelihood-ratio test ignores clustering), as R prints.</summary>
    public static string ModelTest(CoxAnalysis cox)
    {
        var fit = cox.Fit.Value!;
        var (name, test) = cox.Clustered ? ("Robust Wald test", fit.Wald) : ("Likelihood-ratio test", fit.LikelihoodRatio);
        return $"{name} {Number(test.ChiSquare, 2)} on {test.DegreesOfFreedom} df (p {P(test.P)})";
    }

    /// <summary>Both models, the primary (time-varying) one first; the robust standard error is blank when not clustered.</summary>
    private IEnumerable<IReadOnlyList<string>> CoxRows()
    {
        yield return ["Model", "Covariate", "Coefficient", "Hazard ratio", "Standard error", "Robust standard error", "z", "p", "Lower 95%", "Upper 95%"];
        var models = new List<(string, CoxAnalysis)> { ("Time-varying, from release", Report!.TimeVaryingCox) };
        if (Report.LandmarkCox is { } landmark) models.Add((CoxWording.SensitivityHeading, landmark));
        foreach (var (model, cox) in models)
        {
            if (cox.Fit.Value is not { } fit)
            {
                yield return [model, $"Not fitted: {cox.Fit.Failure}"];
                continue;
            }
            foreach (var c in fit.Coefficients)
                yield return [model, c.Name, Csv.Number(c.Coef, 4), Csv.Number(c.HazardRatio, 4), Csv.Number(c.StdErr, 4), c.RobustStdErr is null ? "" : Csv.Number(c.RobustStdErr, 4),
                    Csv.Number(c.Z, 3), Csv.Number(c.P, 4), Csv.Number(c.Lower, 4), Csv.Number(c.Upper, 4)];
        }
    }

    private DisclosurePolicy ReaderPolicy() => User.ToStaffContext().SeesCaseData ? DisclosurePolicy.Exact : DisclosurePolicy.Default;

    /// <summary>The selection, for the audit row's reason (the entity id column is too short for it).</summary>
    private string Describe() => $"{Cohort} {FromDate:yyyy-MM-dd}..{ToDate:yyyy-MM-dd}" + (Team is { } t ? $" team {t}" : "");

    private async Task<bool> LoadAsync(DisclosurePolicy policy, CancellationToken ct)
    {
        Policy = policy;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        ServiceStartedOn = OutcomeData.ServiceStartedOn(config);
        Teams = await OutcomeData.TeamChoicesAsync(db, ct);
        var fromError = From.TryParse("The start date", out var from);
        var toError = To.TryParse("The end date", out var to);
        if (fromError is not null) ModelState.AddModelError(nameof(From), fromError);
        if (toError is not null) ModelState.AddModelError(nameof(To), toError);
        if (!Enum.IsDefined(Cohort)) ModelState.AddModelError(nameof(Cohort), "Choose a comparison from the list");
        if (Team is { } id && Teams.All(t => t.Value != id.ToString())) ModelState.AddModelError(nameof(Team), "Choose a team from the list");
        FromDate = from ?? today.AddYears(-3).AddDays(1);
        ToDate = to ?? today;
        if (fromError is null && toError is null && FromDate > ToDate)
            ModelState.AddModelError(nameof(To), "The end date must be the same as or after the start date");
        if (!ModelState.IsValid) return false;
        if (From.IsEmpty) From = DateParts.From(FromDate);
        if (To.IsEmpty) To = DateParts.From(ToDate);

        var (periods, recalls) = await OutcomeData.LoadAsync(db, FromDate, ToDate, Team, today, ct);
        Report = EvaluationOutcomes.Build(periods, Cohort, today, ServiceStartedOn, recalls);

        Engagement = await Pack.EngagementData.MeasureAsync(db, Report, OutcomeData.CaseIds(db, FromDate, ToDate, Team), FromDate, ct);

        var cases = OutcomeData.Cases(db, Team);
        var since = new DateTimeOffset(FromDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var figures = await RecallFigures.CountAsync(db, cases, since, ct);
        Reasons = RecallFigures.Suppress(figures.RecallReasons, figures.Teams, RecallFigures.ReasonColumns, Policy);
        Alternatives = RecallFigures.Suppress(figures.Alternatives, figures.Teams, RecallFigures.AlternativeColumns, Policy);
        AlternativesFollowed = RecallFigures.Suppress(await RecallFigures.AlternativesFollowedAsync(db, cases, since, ct),
            RecallFigures.AlternativeColumns, RecallFigures.DecisionColumns, Policy);
        return true;
    }
}
