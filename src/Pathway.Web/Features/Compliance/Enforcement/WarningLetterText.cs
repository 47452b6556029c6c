using System.Globalization;
using Pathway.Data.Entities;
using Pathway.Domain.Compliance;

namespace Pathway.Web.Features.Compliance.Enforcement;

/// <summary>
/// The words of a warning letter, composed from a template and the record, once: the printable HTML page and
/// <see cref="WarningLetterPdf"/> both render the same <see cref="LetterText"/>.
/// </summary>
public sealed record LetterText(string Title, string Salutation, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Conditions, IReadOnlyList<string> Closing);

public static class WarningLetterText
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static LetterText Compose(WarningLetter letter, CaseRecord person, string? officerName)
    {
        var date = letter.IssuedOn.ToString("d MMMM yyyy", Uk);
        var final = letter.Level == WarningLevel.Final;
        var paragraphs = new List<string>
        {
            $"This is a {(final ? "final" : "first")} warning, issued on {date}, that you have not kept to the conditions of your licence.",
            $"What happened: {letter.Circumstances}",
            "The conditions of your licence that you have not kept to are listed below.",
            final
                ? "You have already been warned. If you do not keep to your licence conditions again, I must consider whether you should be recalled to prison. Before that I will talk with you, and with the people supporting you, about what would help you keep to your licence."
                : "If you do not keep to your licence conditions, you may receive a final warning, and your supervising officer may have to consider recall to prison. We would much rather work with you to avoid that: please talk to me about anything that is making it hard to keep to your licence.",
        };
        return new LetterText(
            final ? "Final warning: licence conditions" : "First warning: licence conditions",
            $"Dear {person.GivenName} {person.FamilyName} (CRN {person.Crn})",
            paragraphs,
            letter.Conditions.Select(c => c.Text).ToList(),
            ["Yours sincerely", officerName ?? "Your supervising officer", "Supervising officer"]);
    }
}
