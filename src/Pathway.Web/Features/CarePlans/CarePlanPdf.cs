using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.CarePlans;
using Pathway.Web.Infrastructure.Documents;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.CarePlans;

/// <summary>
/// A care-plan version as PDF: the whole plan as far as the reader's view allows, or the one-page "How to work with
/// this person". It prints only what <paramref name="content"/> holds, and that was read for the reader's view, so a
/// section the role may not see cannot reach the file.
/// </summary>
public static class CarePlanPdf
{
    public static byte[] Render(CarePlanContent content, CaseRecord c, bool summary, IReadOnlyDictionary<Guid, string> names)
    {
        var p = content.Plan;
        var title = summary ? "How to work with this person" : "Care plan";
        using var pdf = new PdfDocumentBuilder(new DocumentInfo(title, $"CRN {c.Crn} · care plan version {p.Number} · {CarePlanDisplay.Status(p.Status).ToLowerInvariant()}"));
        string Name(Guid? id) => id is { } v && names.TryGetValue(v, out var n) ? n : "–";
        pdf.Heading(title, 1);
        pdf.Table(["", ""],
        [
            ["Name", $"{c.GivenName} {c.FamilyName}"],
            ["CRN", c.Crn],
            ["Plan version", $"{p.Number} ({CarePlanDisplay.Status(p.Status).ToLowerInvariant()})"],
            ["Signed", p.SignedAt is { } signed ? $"{Name(p.SignedById)}, {Display.DateTime(signed)}" : "Not signed"],
            ["Countersigned", p.CountersignedAt is { } cs ? $"{Name(p.CountersignedById)}, {Display.DateTime(cs)}" : "Not countersigned"],
            ["Review date", Display.Date(p.ReviewDate)],
        ], [0.3, 0.7]);
        if (p.Status != CarePlanStatus.Active) pdf.Paragraph("This is not the active plan.", italic: true);
        var sections = summary ? CarePlanSections.Summary : Enum.GetValues<CarePlanSection>();
        foreach (var s in sections.Where(content.Sees))
        {
            pdf.Heading(CarePlanSections.DisplayName(s));
            switch (s)
            {
                case CarePlanSection.NotToBeDisclosed:
                    pdf.Paragraph("Do not share this with the person.", bold: true);
                    pdf.Paragraph(content.Restricted ?? "Nothing recorded");
                    break;
                case CarePlanSection.PersonsInvolvement:
                    pdf.LabelledText("The person", CarePlanDisplay.Agreement(p.Agreement));
                    pdf.LabelledText("Reasons and comments", p.AgreementReason ?? "None");
                    break;
                case CarePlanSection.Review:
                    pdf.LabelledText("Review date", Display.Date(p.ReviewDate));
                    break;
                case CarePlanSection.Goals:
                    if (content.Goals.Count == 0) pdf.Paragraph("No goals recorded.");
                    else pdf.Table(["Area", "In their words", "SMART description", "Target", "Status"],
                        content.Goals.Select(g => (IReadOnlyList<string?>)[AssessmentNames.DisplayName(g.Area), g.InOwnWords, g.Smart, Display.Date(g.TargetDate), GoalRules.DisplayName(g.Status)]).ToList(),
                        [0.15, 0.25, 0.32, 0.14, 0.14]);
                    Legacy("goals");
                    break;
                case CarePlanSection.Actions:
                    if (content.Actions.Count == 0) pdf.Paragraph("No actions recorded.");
                    else pdf.Table(["What", "Who", "When", "Status"],
                        content.Actions.Select(a => (IReadOnlyList<string?>)[a.What, a.Who, a.When, GoalRules.DisplayName(a.Status)]).ToList(), [0.4, 0.22, 0.22, 0.16]);
                    Legacy("actions");
                    break;
                default:
                    if (s == CarePlanSection.FunctionsOfBehaviour)
                        pdf.LabelledText("DBT skills that could meet the same need",
                            content.Skills.Count == 0 ? "None picked" : string.Join("; ", content.Skills.Select(k => $"{DbtSkills.DisplayName(k.Module)}: {k.Name}")));
                    foreach (var f in CarePlanFields.For(s)) pdf.LabelledText(f.Label, content[f.Key] ?? "Nothing recorded");
                    break;
            }
        }
        return pdf.Build();

        void Legacy(string key)
        {
            if (content[key] is { } text) pdf.LabelledText("Written before they were recorded one by one", text);
        }
    }
}
