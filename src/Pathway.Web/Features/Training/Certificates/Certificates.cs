using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Training;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Documents;

namespace Pathway.Web.Features.Training.Certificates;

/// <summary>Issues certificates for completed enrolments and prints them.</summary>
public static class Certificates
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static string NewNumber() => CertificateNumber.FromRandom(RandomNumberGenerator.GetBytes(13));

    /// <summary>The enrolment's certificate, made (not yet saved) if this is the first time it is asked for. Null if not completed.</summary>
    public static async Task<(TrainingCertificate? Certificate, bool IsNew)> ForAsync(PathwayDbContext db, Enrolment enrolment, DateTimeOffset now, CancellationToken ct)
    {
        if (enrolment.CompletedAt is not { } completed) return (null, false);
        var existing = await db.TrainingCertificates.AsNoTracking().FirstOrDefaultAsync(c => c.EnrolmentId == enrolment.Id, ct);
        if (existing is not null) return (existing, false);
        var course = await db.Courses.AsNoTracking().FirstAsync(c => c.Id == enrolment.CourseId, ct);
        var version = await db.CourseVersions.AsNoTracking().FirstAsync(v => v.Id == enrolment.CourseVersionId, ct);
        var content = CourseDocument.Deserialize(version.ContentJson);
        var name = await db.Users.Where(u => u.Id == enrolment.UserId).Select(u => u.DisplayName).FirstAsync(ct);
        var on = DateOnly.FromDateTime(completed.UtcDateTime);
        var certificate = new TrainingCertificate
        {
            Number = NewNumber(), EnrolmentId = enrolment.Id, UserId = enrolment.UserId, CourseId = course.Id,
            LearnerName = name, CourseTitle = content.Title, CourseVersionNumber = version.Number, CompletedOn = on,
            ValidUntil = Refresher.DueOn(on, course.RefresherMonths), CpdHours = content.CpdHours, IssuedAt = now,
        };
        db.TrainingCertificates.Add(certificate);
        return (certificate, true);
    }

    /// <summary>Whether a certificate is valid on <paramref name="today"/>, in words and as a flag (withdrawn, expired or valid).</summary>
    public static (string Validity, bool Valid) Validity(TrainingCertificate c, DateOnly today) =>
        c.RevokedAt is not null ? ("Withdrawn: this certificate is no longer valid", false)
        : c.ValidUntil is { } until && until <= today ? ($"Expired: a refresher was due on {until.ToString("d MMMM yyyy", Uk)}", false)
        : ("Valid", true);

    public static byte[] Pdf(TrainingCertificate c, string verifyUrl)
    {
        using var pdf = new PdfDocumentBuilder(new DocumentInfo("Certificate of completion", $"Certificate {c.Number}", "OFFICIAL"));
        pdf.Spacer(40);
        pdf.Heading("Certificate of completion", 1);
        pdf.Spacer(12);
        pdf.Paragraph("This certifies that");
        pdf.Heading(c.LearnerName, 2);
        pdf.Paragraph("has completed the Pathway training course");
        pdf.Heading(c.CourseTitle, 2);
        pdf.Spacer(12);
        pdf.LabelledText("Completed on", c.CompletedOn.ToString("d MMMM yyyy", Uk));
        pdf.LabelledText("Course version", c.CourseVersionNumber.ToString(Uk));
        pdf.LabelledText("CPD hours", c.CpdHours.ToString("0.##", Uk));
        pdf.LabelledText("Valid until", c.ValidUntil is { } v ? $"{v.ToString("d MMMM yyyy", Uk)} (when a refresher is due)" : "No refresher is required");
        pdf.LabelledText("Certificate number", c.Number);
        pdf.Spacer(16);
        pdf.Paragraph($"Anyone can check this certificate at {verifyUrl} using the certificate number. The check shows only the name, course, completion date and whether the certificate is valid.", italic: true);
        return pdf.Build();
    }
}
