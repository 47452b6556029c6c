using Pathway.Data;
using Pathway.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Documents;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Compliance.Enforcement;

/// <summary>
/// A warning letter as PDF: the same <see cref="LetterText"/> the printable page shows (words composed once, by
/// <see cref="WarningLetterText"/>), laid out with the shared document builder.
/// </summary>
public static class WarningLetterPdf
{
    public static byte[] Render(LetterText l, DateOnly issuedOn, CaseRecord c, WarningLetter letter)
    {
        var info = new DocumentInfo(l.Title, $"CRN {c.Crn} · warning letter {letter.Id.ToString()[..8]}");
        using var pdf = new PdfDocumentBuilder(info);
        pdf.Paragraph(Display.Date(issuedOn));
        pdf.Heading(l.Title, 1);
        pdf.Paragraph(l.Salutation);
        foreach (var p in l.Paragraphs.Take(3)) pdf.Paragraph(p);
        foreach (var cond in l.Conditions) pdf.Paragraph("• " + cond);
        foreach (var p in l.Paragraphs.Skip(3)) pdf.Paragraph(p);
        pdf.Spacer(6);
        pdf.Paragraph(string.Join("\n", l.Closing));
        return pdf.Build();
    }

    /// <summary>
    /// Loads the letter under the case (a denied audit row and null when it is not there), composes it and renders it.
    /// The caller has already checked access to the case.
    /// </summary>
    public static async Task<(byte[] Bytes, string FileName)?> LoadAsync(PathwayDbContext db, AuditLog audit, CaseRecord c, Guid warningId, CancellationToken ct)
    {
        var letter = await CaseRecordLookup.FindAsync(db.WarningLetters.AsNoTracking(), audit, c.Id, warningId, ct);
        if (letter is null) return null;
        var officer = letter.IssuedById is { } by ? await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        var bytes = Render(WarningLetterText.Compose(letter, c, officer), letter.IssuedOn, c, letter);
        var level = letter.Level == Pathway.Domain.Compliance.WarningLevel.Final ? "final" : "first";
        return (bytes, $"{c.Crn}-{level}-warning-{letter.IssuedOn:yyyy-MM-dd}.pdf");
    }
}
