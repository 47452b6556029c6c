using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;

namespace Pathway.Web.Features.Referrals;

/// <summary>Finding a case's referrals and the psychologists they may be allocated to, for pages, endpoints and handlers.</summary>
public static class ReferralQueries
{
    public static IQueryable<Referral> WithPeople(this IQueryable<Referral> q) =>
        q.Include(r => r.StageChanges).ThenInclude(c => c.By).Include(r => r.ReferredBy).Include(r => r.AllocatedPsychologist).AsSplitQuery();

    /// <summary>The case's newest referral, open or ended (the pathway tab shows it).</summary>
    public static Task<Referral?> LatestAsync(IQueryable<Referral> q, Guid caseId, CancellationToken ct) =>
        q.Where(r => r.CaseId == caseId).OrderByDescending(r => r.ReferredAt).FirstOrDefaultAsync(ct);

    public static Task<Referral?> OpenAsync(IQueryable<Referral> q, Guid caseId, CancellationToken ct) =>
        q.Where(r => r.CaseId == caseId && r.EndedAt == null).OrderByDescending(r => r.ReferredAt).FirstOrDefaultAsync(ct);

    /// <summary>One referral as saved now, with its history and people (what the API returns and a conflict shows).</summary>
    public static Task<Referral> ReadAsync(PathwayDbContext db, Guid referralId, CancellationToken ct) =>
        db.Referrals.AsNoTracking().WithPeople().FirstAsync(r => r.Id == referralId, ct);

    /// <summary>Active psychologists a referral may be allocated to.</summary>
    public static async Task<List<(Guid Id, string Name)>> PsychologistsAsync(PathwayDbContext db, CancellationToken ct)
    {
        var names = Domain.Staff.RoleSets.Clinicians.Select(r => r.ToString()).ToArray();
        var roleIds = await db.Roles.Where(r => names.Contains(r.Name!)).Select(r => r.Id).ToListAsync(ct);
        var rows = await db.Users.Where(u => u.DisabledAt == null && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).Take(500).ToListAsync(ct);
        return rows.Select(u => (u.Id, u.DisplayName)).ToList();
    }

    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
