using Pathway.Data.Entities;
using Pathway.Domain.Cases;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;
using Pathway.Web.Infrastructure.Documents;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Compliance.Recall;

/// <summary>Everything a recall document shows besides the record: the person, the licence, names, the recall made.</summary>
public sealed record RecallDocumentData(
    RecallConsideration Record, CaseRecord Case, RecallFacts Facts, IReadOnlyDictionary<Guid, string> Names, Data.Entities.Recall? Recall, DateOnly Today)
{
    public string Name(Guid? id) => id is { } v && Names.TryGetValue(v, out var n) ? n : "Not recorded";
}

/// <summary>
/// The two recall documents, drawn with the shared <see cref="PdfDocumentBuilder"/>: the decision-not-to-recall letter
/// to the person (plain words; nothing internal — no risk summary, advice or rationale), and the recall report for the
/// decision record (circumstances, conditions breached, alternatives tried, risk, MAPPA, the oversight rationale).
/// </summary>
public static class RecallDocuments
{
    public static byte[] Letter(RecallDocumentData d)
    {
        var (r, c) = (d.Record, d.Case);
        using var pdf = new PdfDocumentBuilder(new DocumentInfo("Decision not to recall", $"CRN {c.Crn} · recall consideration {r.Id.ToString()[..8]}"));
        pdf.Paragraph(Display.Date(r.DecidedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : d.Today));
        pdf.Paragraph($"{c.GivenName} {c.FamilyName}\nCRN {c.Crn}");
        pdf.Heading("Your licence: you are not being recalled to prison", 1);
        pdf.Paragraph($"Dear {c.GivenName} {c.FamilyName},");
        var why = r.Concern switch
        {
            RecallConcern.ContactStopped => "you had stopped keeping in touch with us",
            RecallConcern.RiskIncreased => "we were worried about how things were going for you",
            _ => "we were worried about how things were going for you and you had stopped keeping in touch with us",
        };
        pdf.Paragraph($"We looked carefully at whether you should be recalled to prison, because {why}. A senior probation officer has reviewed what happened and has decided that you will not be recalled at this time.");
        if (r.BreachedConditions.Count > 0)
        {
            pdf.Paragraph("These are the conditions of your licence we were concerned about:", bold: true);
            foreach (var b in r.BreachedConditions) pdf.Paragraph("• " + b.Text);
        }
        var support = r.AlternativesTried.Where(a => a.Outcome != AlternativeOutcome.DidNotHelp).ToList();
        if (support.Count > 0)
        {
            pdf.Paragraph("What is in place to help you keep to your licence:", bold: true);
            foreach (var a in support) pdf.Paragraph("• " + RecallText.Alternative(a.Alternative) + (a.Details is null ? "" : $": {a.Details}"));
        }
        pdf.Paragraph("You must keep to all the conditions of your licence. If you do not, or if the risk you pose increases, you may be recalled to prison. If anything is making it hard to keep to your licence, tell your probation officer as soon as you can: we would rather help early.");
        pdf.Paragraph("Yours sincerely,");
        pdf.Paragraph($"{d.Name(r.DecidedById)}\nSenior probation officer");
        return pdf.Build();
    }

    public static byte[] Report(RecallDocumentData d)
    {
        var (r, c, f) = (d.Record, d.Case, d.Facts);
        var isRecall = r.Decision is RecallDecisionKind.FixedTermRecall or RecallDecisionKind.StandardRecall;
        var title = isRecall ? "Recall report" : "Recall consideration record";
        using var pdf = new PdfDocumentBuilder(new DocumentInfo(title, $"CRN {c.Crn} · recall consideration {r.Id.ToString()[..8]}"));
        pdf.Heading(title, 1);
        var l = f.Licence;
        pdf.Table(["", ""],
        [
            ["Name", $"{c.GivenName} {c.FamilyName}"],
            ["CRN", c.Crn],
            ["Date of birth", $"{Display.Date(c.DateOfBirth)} (aged {RecallFacts.AgeOn(c.DateOfBirth, d.Today)})"],
            ["Licence", l is null ? "Not recorded" : $"{SentenceTypes.DisplayName(l.SentenceType)}{(l.SentenceLengthMonths is { } m ? $", {m} months" : "")}; released {Display.Date(l.ReleaseDate)}, licence expires {Display.Date(l.LicenceExpiryDate)}"],
            ["Index offence", l?.IndexOffence ?? "Not recorded"],
            ["Status", RecallText.Status(r.Status)],
            ["Decision", r.Decision is { } dec ? RecallText.Decision(dec) : "No decision yet"],
        ], [0.3, 0.7]);

        pdf.Heading("Why recall was considered");
        pdf.Paragraph(r.Concern is { } why ? RecallText.Concern(why) : "Not recorded");
        pdf.LabelledText("Circumstances", r.Circumstances);

        pdf.Heading("Licence conditions breached");
        if (r.BreachedConditions.Count == 0) pdf.Paragraph("None recorded.");
        else foreach (var b in r.BreachedConditions) pdf.Paragraph("• " + b.Text);

        pdf.Heading("Alternatives to recall tried");
        if (r.AlternativesTried.Count == 0) pdf.Paragraph(r.NoAlternativesReason is { } none ? $"None tried: {none}" : "Not recorded.");
        else pdf.Table(["Alternative", "Result", "Details"],
            r.AlternativesTried.Select(a => (IReadOnlyList<string?>)[RecallText.Alternative(a.Alternative), RecallText.Outcome(a.Outcome), a.Details]).ToList(), [0.35, 0.2, 0.45]);
        var notTried = RecallFacts.NotYetTried(r);
        pdf.LabelledText("Agreed in the care plan's contingency plan and not yet tried",
            notTried.Count == 0 ? "None" : string.Join(", ", notTried.Select(RecallText.Alternative)));

        pdf.Heading("Risk");
        pdf.Table(["", ""],
        [
            ["Risk of serious harm (RoSH)", RoshLevels.DisplayName(c.RoshLevel)],
            ["MAPPA", $"{Mappa.DisplayName(c.MappaCategory)}; {Mappa.DisplayName(c.MappaLevel)}"],
        ], [0.3, 0.7]);
        pdf.LabelledText("Current risk", r.RiskSummary);

        pdf.Heading("Psychologist's consultation");
        pdf.Paragraph(f.OnPathway ? "The person is on the PD pathway." : "The person is not on the PD pathway.");
        if (r.ConsultationAdvice is not null) pdf.LabelledText($"Advice ({d.Name(r.ConsultedById)}, {Display.DateTime(r.ConsultedAt)})", r.ConsultationAdvice);
        else pdf.LabelledText("Why the consultation could not happen in time", r.ConsultationNotPossibleReason);

        pdf.Heading("What follows a recall");
        var regime = r.DecidedAt is null ? f.Regime?.Regime : RecallText.RegimeOf(r.RegimeVersionId);
        pdf.Paragraph(regime is null
            ? r.DecidedAt is null ? "No recall regime is known for today's date." : "Decided before Pathway kept the recall regime with each decision."
            : $"{regime.Name} ({regime.Source.Citation}){(r.RegimeRoute is { } route ? ": " + RecallText.Route(route, r.FixedTermDays) : f.Regime is { } now ? ": " + RecallText.Route(now.Route, now.FixedTermDays) : "")}.");
        var tests = r.DecidedAt is null
            ? f.Regime?.Tests.Select(t => (IReadOnlyList<string?>)[t.Test, t.Met ? "Yes" : "No", t.Reason]).ToList()
            : ParseTests(r.FixedTermAssessment);
        if (tests is { Count: > 0 }) pdf.Table(["Test", "Met", "Why"], tests, [0.2, 0.1, 0.7]);

        pdf.Heading("Management oversight");
        pdf.LabelledText("Rationale", r.OversightRationale);
        pdf.Table(["", ""],
        [
            ["Decided by", r.DecidedAt is { } at ? $"{d.Name(r.DecidedById)}, senior probation officer, {Display.DateTime(at)}" : "Not decided"],
            ["Countersigned by", r.CountersignedAt is { } cs ? $"{d.Name(r.CountersignedById)}, senior probation officer, {Display.DateTime(cs)}" : r.Status == RecallConsiderationStatus.AwaitingCountersignature ? "Not countersigned yet" : "Not required"],
            ["Recall recorded", d.Recall is { } rec ? $"{RecallTypes.DisplayName(rec.Type)}; licence revoked {Display.Date(rec.RecallDate)}" : "No"],
        ], [0.3, 0.7]);
        return pdf.Build();
    }

    /// <summary>The tests as they stood at the decision (stored one per line), so the report shows what the decider saw.</summary>
    private static List<IReadOnlyList<string?>>? ParseTests(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored)) return null;
        return stored.Split('\n').Select(line =>
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var dash = line.IndexOf(" — ", StringComparison.Ordinal);
            if (colon < 0 || dash < colon) return (IReadOnlyList<string?>)[line, "", ""];
            return (IReadOnlyList<string?>)[line[..colon], line[(colon + 1)..dash].Trim() == "met" ? "Yes" : "No", line[(dash + 3)..]];
        }).ToList();
    }
}
