using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Web.Infrastructure.Auditing;

namespace Pathway.Web.Features.Assessments;

/// <summary>
/// Finds an assessment version under the case in the URL. Call it only after <c>CaseAccess.LoadAsync</c> has allowed
/// that case. One that belongs to another case (or does not exist) answers null, so the caller says 404, and leaves a
/// denied audit row, as probing case ids does.
/// </summary>
public static class AssessmentLookup
{
    public static async Task<Assessment?> FindAsync(IQueryable<Assessment> assessments, AuditLog audit, Guid caseId, Guid assessmentId, CancellationToken ct)
    {
        var a = await assessments.FirstOrDefaultAsync(x => x.Id == assessmentId && x.CaseId == caseId, ct);
        if (a is null) await audit.DeniedAsync("Assessment", assessmentId, caseId, ct);
        return a;
    }

    /// <summary>The version with its text fields, needs, chosen OGRS3 and the people who wrote and countersigned it.</summary>
    public static IQueryable<Assessment> WithContent(this IQueryable<Assessment> q) =>
        q.Include(a => a.Fields).Include(a => a.Needs).Include(a => a.Ogrs3Score)
            .Include(a => a.Author).Include(a => a.CountersignedBy).AsSplitQuery();

    /// <summary>The withheld information, loaded only for someone allowed to see it.</summary>
    public static async Task<string?> WithheldAsync(PathwayDbContext db, Guid assessmentId, CancellationToken ct) =>
        await db.AssessmentWithheldInformation.AsNoTracking().Where(w => w.AssessmentId == assessmentId).Select(w => w.Text).FirstOrDefaultAsync(ct);

    /// <summary>Every version in the same series, oldest first.</summary>
    public static Task<List<Assessment>> VersionsAsync(PathwayDbContext db, Assessment a, CancellationToken ct) =>
        db.Assessments.AsNoTracking().Include(x => x.Author).Include(x => x.CountersignedBy)
            .Where(x => x.CaseId == a.CaseId && x.SeriesId == a.SeriesId).OrderBy(x => x.VersionNumber).ToListAsync(ct);
}
