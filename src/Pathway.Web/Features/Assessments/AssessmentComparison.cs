using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Assessments;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Auditing;

namespace Pathway.Web.Features.Assessments;

/// <summary>Two versions of the same assessment and the field-level changes between them, for the diff page and API.</summary>
public sealed record AssessmentComparison(Assessment? From, Assessment To, IReadOnlyList<FieldChange> Changes, string? Error)
{
    /// <summary>
    /// Null if the version is not on this case (a denied row is written). With no <paramref name="againstId"/> the
    /// comparison is with the previous version; a first version is compared with an empty one.
    /// </summary>
    public static async Task<AssessmentComparison?> LoadAsync(PathwayDbContext db, AuditLog audit, Guid caseId, Guid assessmentId, Guid? againstId,
        StaffContext who, CancellationToken ct)
    {
        var to = await AssessmentLookup.FindAsync(db.Assessments.AsNoTracking().WithContent(), audit, caseId, assessmentId, ct);
        if (to is null) return null;
        var from = againstId is { } other
            ? await db.Assessments.AsNoTracking().WithContent().FirstOrDefaultAsync(x => x.Id == other && x.CaseId == caseId && x.SeriesId == to.SeriesId, ct)
            : await db.Assessments.AsNoTracking().WithContent().FirstOrDefaultAsync(x => x.SeriesId == to.SeriesId && x.VersionNumber == to.VersionNumber - 1, ct);
        if (againstId is not null && from is null)
            return new AssessmentComparison(null, to, [], "Choose another version of the same assessment");
        var sees = AssessmentRoles.SeesWithheld(who);
        var after = AssessmentDocument.Build(to, sees ? await AssessmentLookup.WithheldAsync(db, to.Id, ct) : null, sees, AssessmentCopy.Full).Text;
        var before = from is null ? new Dictionary<string, string>()
            : AssessmentDocument.Build(from, sees ? await AssessmentLookup.WithheldAsync(db, from.Id, ct) : null, sees, AssessmentCopy.Full).Text;
        return new AssessmentComparison(from, to, AssessmentDiff.Compare(before, after, sees), null);
    }

    public AssessmentDiffDto ToDto() => new(From?.Id ?? Guid.Empty, From?.VersionNumber ?? 0, To.Id, To.VersionNumber,
        Changes.Select(c => new FieldChangeDto(c.SectionKey, c.SectionTitle, c.FieldKey, c.FieldLabel, Api.Name(c.Kind), c.Before, c.After,
            c.Segments.Select(s => new DiffSegmentDto(Api.Name(s.Op), s.Text)).ToList())).ToList());
}

/// <summary>Files made from an assessment.</summary>
public static class AssessmentFiles
{
    /// <summary>The PDF of a version; <paramref name="copy"/> "shareable" gives the copy that may go to the person.</summary>
    public static async Task<(byte[] Bytes, string FileName)> PdfAsync(PathwayDbContext db, CaseRecord c, Assessment a, string? copy, StaffContext who, CancellationToken ct)
    {
        var kind = string.Equals(copy, "shareable", StringComparison.OrdinalIgnoreCase) ? AssessmentCopy.Shareable : AssessmentCopy.Full;
        var sees = AssessmentRoles.SeesWithheld(who) && kind == AssessmentCopy.Full;
        var doc = AssessmentDocument.Build(a, sees ? await AssessmentLookup.WithheldAsync(db, a.Id, ct) : null, sees, kind);
        var name = $"assessment-{c.Crn}-v{a.VersionNumber}{(kind == AssessmentCopy.Shareable ? "-shareable" : "")}.pdf";
        return (AssessmentPdf.Render(doc, c), name);
    }
}
