using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Web.Infrastructure.Documents;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Assessments;

/// <summary>Renders an assessment document (full or shareable copy) as a PDF with the shared document builder.</summary>
public static class AssessmentPdf
{
    public static byte[] Render(AssessmentDocument doc, CaseRecord c)
    {
        var a = doc.Assessment;
        var copy = doc.Copy == AssessmentCopy.Shareable ? "copy that may be shared with the person" : "full copy";
        var info = new DocumentInfo("Specialist psychological assessment", $"CRN {c.Crn} · assessment version {a.VersionNumber} · {copy}");
        using var pdf = new PdfDocumentBuilder(info);
        pdf.Heading("Specialist psychological assessment", 1);
        pdf.Table(["", ""],
        [
            ["Name", $"{c.GivenName} {c.FamilyName}"],
            ["CRN", c.Crn],
            ["Date of birth", Display.Date(c.DateOfBirth)],
            ["Assessment date", Display.Date(a.AssessmentDate)],
            ["Version", $"{a.VersionNumber} ({AssessmentNames.DisplayName(a.Status).ToLowerInvariant()})"],
            ["Author", a.Author?.DisplayName],
            ["Countersigned", a.CountersignedAt is { } at ? $"{a.CountersignedBy?.DisplayName}, {Display.DateTime(at)}" : "Not countersigned"],
        ], [0.3, 0.7]);
        if (doc.Copy == AssessmentCopy.Shareable)
            pdf.Paragraph("This copy may be shared with the person. Information that is not to be disclosed to them has been left out.", italic: true);

        foreach (var section in doc.Sections)
        {
            pdf.Heading(section.Definition.Title);
            if (section.Definition.Key == AssessmentSections.Needs)
            {
                var needs = a.Needs.OrderBy(n => n.Priority).ThenBy(n => n.Area).ToList();
                if (needs.Count == 0) pdf.Paragraph("No needs recorded.");
                else pdf.Table(["Area", "Priority", "Detail"],
                    needs.Select(n => (IReadOnlyList<string?>)[AssessmentNames.DisplayName(n.Area), n.Priority.ToString(), n.Detail]).ToList(), [0.3, 0.15, 0.55]);
                continue;
            }
            foreach (var f in section.Fields) pdf.LabelledText(f.Label, f.Text);
        }
        return pdf.Build();
    }
}
