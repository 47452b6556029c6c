using System.Globalization;
using Pathway.Domain.Disclosure;
using Pathway.Domain.Evaluation;
using Pathway.Web.Features.Evaluation.Outcomes;
using Pathway.Web.Infrastructure.Documents;
using Pathway.Web.Infrastructure.Forms;
using EvaluationOutcomes = Pathway.Domain.Evaluation.Outcomes;

namespace Pathway.Web.Features.Evaluation.Pack;

/// <summary>
/// The quarterly evaluation pack for commissioners as PDF: a title page, the headline measures for the 12 months to the
/// quarter's end and for the quarter, Kaplan–Meier charts and rate bars, the log-rank test and the Cox model, engagement,
/// recall reasons and alternatives, and method notes. Always under <see cref="DisclosurePolicy.Default"/>, whoever asks:
/// every hidden figure prints as [c] with a footnote, curves are the published ones only, and no person is named.
/// </summary>
public static class EvaluationPackPdf
{
    private static readonly DisclosurePolicy Policy = DisclosurePolicy.Default;
    private const string Hidden = "[c]";

    public static string FileName(PackData d) => $"evaluation-pack-{d.Quarter.Key}.pdf";

    public static byte[] Render(PackData d)
    {
        var scope = d.TeamName ?? "All teams";
        using var pdf = new PdfDocumentBuilder(new DocumentInfo($"Evaluation pack: {d.Quarter.Label}", $"Evaluation pack {d.Quarter.Key} · {scope}"));
        var footnote = $"[c] hidden: fewer than {Policy.Threshold} people, or a figure from which a hidden one could be worked out (see Method notes).";

        void Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string?>> rows, IReadOnlyList<double>? widths = null)
        {
            pdf.KeepTogether(80); // a header row with at least one row under it
            pdf.Table(headers, rows, widths);
            if (rows.Any(r => r.Any(c => c is not null && c.Contains(Hidden, StringComparison.Ordinal)))) pdf.Paragraph(footnote, italic: true);
        }

        // Title page.
        pdf.Spacer(90);
        pdf.Paragraph("OFFICIAL-SENSITIVE", bold: true);
        pdf.Spacer(12);
        pdf.Heading("Does the service reduce recall?", 1);
        pdf.Heading("Quarterly evaluation report for commissioners", 2);
        pdf.Spacer(12);
        pdf.Table(["About this pack", ""],
        [
            ["Service", d.ServiceName],
            ["Quarter", d.Quarter.Label],
            ["Team", scope],
            ["Licences analysed", $"Released from {Display.Date(d.YearFrom)} to {Display.Date(d.Quarter.End)}"],
            ["Figures as at", Display.Date(d.AsAt)],
            ["Service started", Display.Date(d.ServiceStartedOn)],
            ["Produced", Display.Date(d.ProducedOn)],
            ["Marking", "OFFICIAL-SENSITIVE"],
        ], [0.3, 0.7]);
        pdf.Paragraph("This pack names nobody. Every figure in it is under disclosure control: counts of fewer than " +
            $"{Policy.Threshold} people, and any figure from which one could be worked out, are shown as [c]. It is produced the same way whoever downloads it.");
        if (d.ProducedOn <= d.Quarter.End) pdf.Paragraph($"The quarter has not ended: figures are as at {Display.Date(d.AsAt)} and will change.", bold: true);
        pdf.Heading("Contents", 3);
        pdf.Paragraph("1. Headline measures\n2. Time to recall\n3. Comparing the groups: log-rank test and adjusted model\n4. Engagement on licence\n5. Recall reasons and alternatives to recall\n6. Method notes");
        pdf.PageBreak();

        // 1. Headline measures.
        pdf.Heading("1. Headline measures");
        pdf.Paragraph("For each group: people on licence, recalls, person-months on licence, recalls per 100 person-months, and the share recalled within 6 months " +
            $"and within 12 months of release. Licence periods run from release to the first recall, the end of the licence or {Display.Date(d.AsAt)}, whichever comes first. " +
            $"On the pathway or not is judged {EvaluationOutcomes.LandmarkDays} days (about 3 months) after release: only periods still running then are compared, and time and recalls count from that day (see Method notes). " +
            "– means there is nothing to show: nobody in the group, or nobody followed that long.");
        pdf.Heading($"Released in the 12 months to {Display.Date(d.Quarter.End)}", 3);
        Measures(d.YearPathway);
        Measures(d.YearServiceStart);
        pdf.Heading($"Released in the quarter ({Display.Date(d.Quarter.Start)} to {Display.Date(d.Quarter.End)})", 3);
        Measures(d.QuarterPathway);
        Measures(d.QuarterServiceStart);

        pdf.Heading("Recalls per 100 person-months on licence", 3);
        var rateBars = new[] { d.YearPathway, d.YearServiceStart }
            .SelectMany(r => r.Publish(Policy).Take(r.Groups.Count).Select(m => new PackBar(m.Group, m.RatePer100PersonMonths, Value(m, m.RatePer100PersonMonths, v => OutcomesModel.Number(v, 2)))))
            .Append(Overall(d.YearPathway, m => m.RatePer100PersonMonths, v => OutcomesModel.Number(v, 2))).ToList();
        pdf.Figure(PackCharts.BarsHeight(rateBars.Count), (g, box) => PackCharts.Bars(g, box, "Recalls per 100 person-months, licences released in the 12 months", rateBars));
        // Six months, not twelve: releases in the last 12 months have rarely been followed for a year.
        pdf.Heading("Recalled within 6 months (of release, or of the 3-month landmark for the pathway comparison)", 3);
        var shareBars = new[] { d.YearPathway, d.YearServiceStart }
            .SelectMany(r => r.Publish(Policy).Take(r.Groups.Count).Select(m => new PackBar(m.Group, m.RecalledWithin6Months, Value(m, m.RecalledWithin6Months, OutcomesModel.Percent))))
            .Append(Overall(d.YearPathway, m => m.RecalledWithin6Months, OutcomesModel.Percent)).ToList();
        pdf.Figure(PackCharts.BarsHeight(shareBars.Count), (g, box) => PackCharts.Bars(g, box, "Share recalled within 6 months (Kaplan–Meier)", shareBars));
        if (rateBars.Concat(shareBars).Any(b => b.Text == Hidden)) pdf.Paragraph(footnote, italic: true);

        // 2. Time to recall.
        pdf.PageBreak();
        pdf.Heading("2. Time to recall");
        pdf.Paragraph($"Kaplan–Meier curves for licences released in the 12 months to {Display.Date(d.Quarter.End)}: the share not yet recalled by months since release (since the 3-month landmark for the pathway comparison), " +
            $"with shaded 95% confidence bands. Groups of fewer than {Policy.Threshold} are not drawn and each curve stops before fewer than {Policy.Threshold} remain at risk.");
        Curves(d.YearPathway);
        Curves(d.YearServiceStart);

        // 3. Tests and model.
        pdf.Heading("3. Comparing the groups");
        LogRank(d.YearPathway);
        LogRank(d.YearServiceStart);
        Cox(d.YearPathway);

        // 4. Engagement.
        pdf.Heading("4. Engagement on licence");
        pdf.Paragraph("Within each licence period released in the 12 months: contacts kept of those expected (attended, over attended and unacceptable absences), " +
            "signposting referrals whose first appointment was attended, and periods whose offender manager had completed the DBT-based training by the period's end.");
        var counts = d.YearPathway.CountTable(Policy);
        Table(["Group", "Contacts kept", "Signposting uptake", "Offender manager trained"],
            d.Engagement.Select((e, i) =>
            {
                var hidden = counts.Entry(i, 2).Published is null;
                return (IReadOnlyList<string?>)[e.Group, Share(hidden, e.Compliance), Share(hidden, e.SignpostingUptake), Share(hidden, e.TrainedOffenderManager)];
            }).ToList(), [0.34, 0.22, 0.22, 0.22]);

        // 5. Recall reasons and alternatives.
        pdf.Heading("5. Recall reasons and alternatives to recall");
        pdf.Paragraph($"Recall decisions made from {Display.Date(d.YearFrom)} to {Display.Date(d.AsAt)}, by team. These count decisions, not people.");
        pdf.Heading("Recalls by reason", 3);
        Suppressed(d.Reasons, "Reason");
        pdf.Heading("Alternatives to recall tried before a decision", 3);
        Suppressed(d.Alternatives, "Alternative");
        pdf.Heading("What followed each alternative: the decision made after it was tried", 3);
        Followed(d.AlternativesFollowed);

        // 6. Method notes.
        pdf.PageBreak();
        pdf.Heading("6. Method notes");
        foreach (var (heading, text) in PackMethodNotes.For(d, Policy)) { pdf.Heading(heading, 3); pdf.Paragraph(text); }
        return pdf.Build();

        void Measures(OutcomeReport r)
        {
            Table(["Group", "People on licence", "Recalls", "Person months", "Recalls per 100 person months", "Recalled within 6 months", "Recalled within 12 months"],
                r.Publish(Policy).Select(m => (IReadOnlyList<string?>)[m.Group, OutcomesModel.Count(m.People), OutcomesModel.Count(m.Recalls),
                    Value(m, m.PersonMonths, v => OutcomesModel.Number(v)), Value(m, m.RatePer100PersonMonths, v => OutcomesModel.Number(v, 2)),
                    Value(m, m.RecalledWithin6Months, OutcomesModel.Percent), Value(m, m.RecalledWithin12Months, OutcomesModel.Percent)]).ToList(),
                [0.22, 0.1, 0.11, 0.12, 0.15, 0.15, 0.15]);
        }

        void Curves(OutcomeReport r)
        {
            var published = r.PublishedCurves(Policy);
            pdf.KeepTogether(40 + (published.Count == 0 ? 0 : PackCharts.KaplanMeierHeight(published.Count)));
            pdf.Heading(EvaluationOutcomes.Name(r.Cohort), 3);
            if (published.Count == 0)
            {
                pdf.Paragraph($"No curve can be shown: each group has fewer than {Policy.Threshold} people.");
                return;
            }
            pdf.Figure(PackCharts.KaplanMeierHeight(published.Count), (g, box) => PackCharts.KaplanMeier(g, box, published, r.Curves, $"Months since {EvaluationOutcomes.TimeFrom(r.Cohort)}"));
            if (published.Count < r.Curves.Count || published.Any(c => r.Curves.First(f => f.Group == c.Group).Points.Count > c.Points.Count))
                pdf.Paragraph(footnote, italic: true);
        }

        void LogRank(OutcomeReport r)
        {
            pdf.Heading($"Log-rank test: {EvaluationOutcomes.Name(r.Cohort).ToLowerInvariant()}", 3);
            if (r.LogRank.Value is not { } lr)
            {
                pdf.Paragraph($"The groups cannot be compared: {r.LogRank.Failure}.");
                return;
            }
            pdf.Paragraph($"χ² = {lr.ChiSquare.ToString("0.00", CultureInfo.InvariantCulture)} on {lr.DegreesOfFreedom} degree{(lr.DegreesOfFreedom == 1 ? "" : "s")} of freedom, " +
                $"p {(lr.P < 0.001 ? "< 0.001" : "= " + OutcomesModel.P(lr.P))}.");
            // Observed and expected recalls give the recall counts away: shown only when those counts are publishable.
            if (r.Publish(Policy).Take(r.Groups.Count).All(m => m.Recalls is not null))
                Table(["Group", "Recalls observed", "Expected if the groups did not differ"],
                    lr.Groups.Select(g => (IReadOnlyList<string?>)[g.Name, OutcomesModel.Number(g.Observed, 0), OutcomesModel.Number(g.Expected, 2)]).ToList(), [0.4, 0.3, 0.3]);
        }

        void Cox(OutcomeReport r)
        {
            // Counts of periods and people in a model are not printed: set against the tables they could reveal a hidden count.
            // A model's heading, description and table on one page (about 260 points with its seven rows).
            pdf.KeepTogether(260);
            pdf.Heading($"{CoxWording.Heading}: on the pathway or not", 3);
            pdf.Paragraph(CoxWording.TimeVarying(r.Cohort, r.TimeVaryingCox, exact: false));
            CoxTable(r.TimeVaryingCox);
            if (r.LandmarkCox is not { } landmark) return;
            pdf.KeepTogether(260);
            pdf.Heading(CoxWording.SensitivityHeading, 3);
            pdf.Paragraph(CoxWording.Landmark(landmark, exact: false));
            CoxTable(landmark);
        }

        void CoxTable(CoxAnalysis cox)
        {
            if (cox.Fit.Value is not { } fit)
            {
                pdf.Paragraph($"The model cannot be fitted: {cox.Fit.Failure}.");
                return;
            }
            Table(["Covariate", "Hazard ratio", "95% confidence interval", "p"],
                fit.Coefficients.Select(c => (IReadOnlyList<string?>)[c.Name, OutcomesModel.Number(c.HazardRatio, 2),
                    $"{OutcomesModel.Number(c.Lower, 2)} to {OutcomesModel.Number(c.Upper, 2)}", OutcomesModel.P(c.P)]).ToList(), [0.4, 0.18, 0.27, 0.15]);
            pdf.Paragraph($"{CoxWording.HazardRatios}{(cox.Clustered ? " " + CoxWording.Robust : "")} {OutcomesModel.ModelTest(cox)}; concordance {OutcomesModel.Number(fit.Concordance.C, 3)}.");
        }

        void Suppressed(SuppressedTable t, string what)
        {
            if (t.RowCount == 0)
            {
                pdf.Paragraph("No recall decisions in the period.");
                return;
            }
            // Reasons and alternatives down the side, teams across: there are more alternatives than teams.
            var headers = new List<string> { what }.Concat(t.RowLabels).Append("All teams").ToList();
            var rows = Enumerable.Range(0, t.ColumnCount + 1)
                .Select(j => (IReadOnlyList<string?>)new List<string?> { j < t.ColumnCount ? t.ColumnLabels[j] : "Total" }
                    .Concat(Enumerable.Range(0, t.RowCount + 1).Select(i => PackCharts.Cell(t.Entry(i, j)))).ToList()).ToList();
            var first = Math.Min(0.4, 1.0 / headers.Count * 1.6);
            Table(headers, rows, [first, .. Enumerable.Repeat((1 - first) / (headers.Count - 1), headers.Count - 1)]);
        }

        // Alternatives down the side, the decisions that followed across (three of them, so no need to turn it).
        void Followed(SuppressedTable t)
        {
            var headers = new List<string> { "Alternative tried" }.Concat(t.ColumnLabels).Append("Total").ToList();
            var rows = Enumerable.Range(0, t.RowCount + 1)
                .Select(i => (IReadOnlyList<string?>)new List<string?> { i < t.RowCount ? t.RowLabels[i] : "All alternatives" }
                    .Concat(Enumerable.Range(0, t.ColumnCount + 1).Select(j => PackCharts.Cell(t.Entry(i, j)))).ToList()).ToList();
            Table(headers, rows, [0.4, .. Enumerable.Repeat(0.6 / (headers.Count - 1), headers.Count - 1)]);
        }
    }

    /// <summary>A rate or share as printed: [c] when the group's people or recalls are hidden; – when there is nothing to show.</summary>
    private static string Value(PublishedMeasures m, double? v, Func<double?, string> format) =>
        m.People is null || m.Recalls is null ? Hidden : v is null ? "–" : format(v);

    private static PackBar Overall(OutcomeReport r, Func<PublishedMeasures, double?> pick, Func<double?, string> format)
    {
        var all = r.Publish(Policy)[^1];
        return new PackBar("All licences released in the 12 months", pick(all), Value(all, pick(all), format));
    }

    private static string Share(bool groupHidden, Share share) =>
        groupHidden ? Hidden : share.Of == 0 ? "–" : OutcomesModel.Percent(share.Published(Policy));
}
