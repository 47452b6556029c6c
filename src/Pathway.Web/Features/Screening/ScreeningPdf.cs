using Pathway.Data.Entities;
using Pathway.Domain.Instruments;
using Pathway.Web.Infrastructure.Documents;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Screening;

/// <summary>
/// A screening response as a PDF with the shared document builder: the same record the printable result page shows —
/// eligibility, result and reasons, scores, override, every answer or rating, and the instrument's citation and licence.
/// A screening holds nothing that is withheld from the person, so there is one copy.
/// </summary>
public static class ScreeningPdf
{
    public static byte[] Render(CaseRecord c, InstrumentResponse r, InstrumentDefinition d, ResponseAnswers answers, InstrumentResult? result,
        string? startedBy, string? completedBy)
    {
        var info = new DocumentInfo(d.Title, $"CRN {c.Crn} · {r.InstrumentKey} version {r.DefinitionVersion} · response {r.Id.ToString()[..8]}");
        using var pdf = new PdfDocumentBuilder(info);
        pdf.Heading(d.Title, 1);
        pdf.Table(["", ""],
        [
            ["Name", c.FullName],
            ["CRN", c.Crn],
            ["Date of birth", Display.Date(c.DateOfBirth)],
            ["Result", ScreeningResponses.OutcomeText(r.Outcome) + (result?.ByOverride == true ? " by clinical override" : "")],
            ["Definition version", $"{r.InstrumentKey} version {r.DefinitionVersion}"],
            ["Started", $"{Display.DateTime(r.StartedAt)} by {startedBy ?? "unknown"}"],
            ["Completed", r.CompletedAt is { } at ? $"{Display.DateTime(at)} by {completedBy ?? "unknown"}" : "Not yet: this is a draft"],
        ], [0.3, 0.7]);

        if (result is not null)
        {
            pdf.Heading("Interpretation");
            foreach (var reason in result.Reasons) pdf.Paragraph("• " + reason);
            if (result.Scores.Count > 0)
                pdf.Table(["Scale", "Score", "Band", "Interpretation"],
                    result.Scores.Select(s => (IReadOnlyList<string?>)[s.Title, $"{s.Score} of {s.Maximum}", s.Band, s.Interpretation]).ToList(),
                    [0.3, 0.15, 0.2, 0.35]);
        }
        if (r.Override) pdf.LabelledText("Clinical override", r.OverrideReason);

        if (d.Gates.Count > 0)
        {
            pdf.Heading("Eligibility");
            pdf.Table(["Statement", "Answer"],
                d.Gates.Select(g => (IReadOnlyList<string?>)[g.Text, answers.Gates.TryGetValue(g.LinkId, out var yes) ? (yes ? "Yes" : "No") : "Not answered"]).ToList(),
                [0.8, 0.2]);
        }

        pdf.Heading(d.Kind == InstrumentKind.RatingSheet ? "Ratings" : "Answers");
        pdf.Table(["Item", "Answer"],
            d.Questions().Select(q => (IReadOnlyList<string?>)[InstrumentDefinition.NameOf(q),
                (answers.Answers.TryGetValue(q.LinkId, out var code) ? q.Options.FirstOrDefault(o => o.Code == code)?.Display ?? code : "Not answered")
                + (q.Item.ReasonRequired ? $". Reason: {answers.ReasonFor(q.Item.LinkId) ?? "none given"}" : "")]).ToList(),
            [0.75, 0.25]);

        pdf.Heading("Source and licence");
        pdf.Paragraph(d.Citation);
        pdf.Paragraph(d.Licence, italic: true);
        return pdf.Build();
    }
}
