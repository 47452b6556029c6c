using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Signposting;

namespace Pathway.Web.Features.Signposting.Matching;

/// <summary>The needs matching works from: the latest countersigned assessment's, or those chosen when there is none.</summary>
public sealed record AssessedNeeds(IReadOnlyList<(NeedArea Need, NeedPriority Priority, string? Detail)> Needs, DateOnly? AssessedOn);

/// <summary>Reads what matching needs about a case — its facts, assessed needs and the whole directory — and matches.</summary>
public static class CaseMatching
{
    public static PersonFacts FactsOf(CaseRecord c) => new(c.Gender, c.DateOfBirth, c.Postcode, c.RoshLevel, c.Flags, c.RegisteredWithGp);

    public static async Task<AssessedNeeds> NeedsAsync(PathwayDbContext db, Guid caseId, CancellationToken ct)
    {
        var latest = await db.Assessments.AsNoTracking()
            .Where(a => a.CaseId == caseId && a.Status == AssessmentStatus.Locked)
            .OrderByDescending(a => a.AssessmentDate).ThenByDescending(a => a.CountersignedAt)
            .Select(a => new { a.AssessmentDate, Needs = a.Needs.Select(n => new { n.Area, n.Priority, n.Detail }).ToList() })
            .FirstOrDefaultAsync(ct);
        if (latest is null) return new AssessedNeeds([], null);
        return new AssessedNeeds(latest.Needs.OrderBy(n => n.Priority).Select(n => (n.Area, n.Priority, n.Detail)).ToList(), latest.AssessmentDate);
    }

    /// <summary>
    /// Matches the case's needs against the directory: the latest countersigned assessment's needs, or <paramref name="chosen"/>
    /// when there is none.
    /// </summary>
    public static async Task<(AssessedNeeds Assessed, IReadOnlyList<NeedMatches> Matches)> MatchAsync(
        PathwayDbContext db, CaseRecord c, IReadOnlyList<NeedArea> chosen, DateOnly today, CancellationToken ct)
    {
        var assessed = await NeedsAsync(db, c.Id, ct);
        var needs = assessed.Needs.Count > 0 ? assessed.Needs.Select(n => n.Need).ToList() : chosen;
        var matches = needs.Count == 0 ? [] : Domain.Signposting.Matching.Match(FactsOf(c), needs, await DirectoryAsync(db, ct), today);
        return (assessed, matches);
    }

    public static async Task<IReadOnlyList<ServiceListing>> DirectoryAsync(PathwayDbContext db, CancellationToken ct) =>
        (await db.DirectoryServices.AsNoTracking().Include(s => s.Organisation).ToListAsync(ct)).Select(s => s.ToListing()).ToList();
}
