using Pathway.Domain.Coordination;
using Pathway.Web.Infrastructure.Documents;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Coordination;

/// <summary>
/// A co-ordination group meeting's minutes as PDF, built from the same <see cref="MeetingView"/> as the page, so a case
/// item the reader may not read is redacted here exactly as it is there: a title of "Case discussion (restricted)" and
/// nothing of the person, the basis, the minutes or the decisions.
/// </summary>
public static class MinutesPdf
{
    public static string FileName(MeetingView m) => $"coordination-group-minutes-{Api(m.MeetingOn)}.pdf";

    public static byte[] Render(MeetingView m)
    {
        var title = $"Service co-ordination group: minutes of {Display.Date(m.MeetingOn)}";
        using var pdf = new PdfDocumentBuilder(new DocumentInfo(title, $"Meeting {Api(m.MeetingOn)} · {CoordinationRules.DisplayName(m.Status)}"));
        pdf.Heading(title, 1);
        pdf.Table(["", ""],
        [
            ["Date", Display.Date(m.MeetingOn)],
            ["Status", CoordinationRules.DisplayName(m.Status) + (m.ApprovedAt is { } at ? $" ({Display.DateTime(at)}{(m.ApprovedBy is { } by ? $" by {by}" : "")})" : "")],
            ["Chair", m.Chair ?? "Not recorded"],
            ["Present", m.Attended.Count == 0 ? "Not recorded" : string.Join(", ", m.Attended.Select(a => a.Name))],
            ["Apologies", m.Apologies.Count == 0 ? "None" : string.Join(", ", m.Apologies.Select(a => a.Name))],
        ], [0.25, 0.75]);
        foreach (var i in m.Items)
        {
            pdf.Heading($"{i.Number}. {i.Title}");
            if (i.Restricted)
            {
                pdf.Paragraph("This case discussion is withheld: you do not have access to the case.", italic: true);
                continue;
            }
            pdf.Paragraph(CoordinationRules.DisplayName(i.Kind) + (i.Crn is not null ? $": {i.Person} (CRN {i.Crn})" : ""), bold: true);
            if (i.Basis is not null) pdf.LabelledText("Basis for sharing", i.Basis);
            pdf.LabelledText("Minutes", i.Minutes);
            pdf.LabelledText("Decisions", i.Decisions);
        }
        pdf.Heading("Actions");
        if (m.Actions.Count == 0) pdf.Paragraph("No actions were recorded.");
        else
            pdf.Table(["Action", "Owner", "Due", "Status"],
                m.Actions.Select(a => (IReadOnlyList<string?>)[a.Description, a.Owner, Display.Date(a.DueOn),
                    CoordinationRules.DisplayName(a.Status) + (a.Overdue ? " (overdue)" : "")]).ToList(),
                [0.5, 0.2, 0.15, 0.15]);
        return pdf.Build();
    }

    private static string Api(DateOnly d) => Cases.Api.Date(d);
}
