using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Referrals;

namespace Pathway.Web.Features.Referrals;

/// <summary>The referral changes that pages and the API share, so both apply the same rules in the same way.</summary>
public static class ReferralWork
{
    public static IQueryable<Referral> WithPeople(this IQueryable<Referral> q) =>
        q.Include(r => r.StageChanges).ThenInclude(c => c.By).Include(r => r.ReferredBy).Include(r => r.AllocatedPsychologist).AsSplitQuery();

    /// <summary>The case's newest referral, open or ended (the pathway tab shows it).</summary>
    public static Task<Referral?> LatestAsync(IQueryable<Referral> q, Guid caseId, CancellationToken ct) =>
        q.Where(r => r.CaseId == caseId).OrderByDescending(r => r.ReferredAt).FirstOrDefaultAsync(ct);

    public static Task<Referral?> OpenAsync(IQueryable<Referral> q, Guid caseId, CancellationToken ct) =>
        q.Where(r => r.CaseId == caseId && r.EndedAt == null).OrderByDescending(r => r.ReferredAt).FirstOrDefaultAsync(ct);

    public const string AlreadyOpen = "This person already has an open referral to the PD service. Add to it through a consultation, or withdraw it before referring again";

    /// <summary>
    /// Makes a referral at the Referred stage and marks the case as referred to the service, which is what opens it to
    /// the service's psychologists (docs/architecture.md, access model).
    /// </summary>
    public static Referral Create(CaseRecord c, ReferralDetails d, Guid by, DateTimeOffset now)
    {
        var r = new Referral
        {
            CaseId = c.Id, ReferredById = by, ReferredAt = now,
            Reason = d.Reason!.Trim(), Questions = d.Questions!.Trim(),
            ConcernsBehaviour = Clean(d.ConcernsBehaviour), ConcernsEmotions = Clean(d.ConcernsEmotions),
            ConcernsThinking = Clean(d.ConcernsThinking), ConcernsRelationships = Clean(d.ConcernsRelationships),
            Urgency = d.Urgency!.Value, SharingBasis = d.SharingBasis!.Value,
            LawfulBasis = d.LawfulBasis ?? ReferralOptions.Usual,
            LawfulBasisNote = Clean(d.LawfulBasisNote),
            Stage = PathwayStage.Referred, StageEnteredAt = now, CreatedAt = now,
        };
        r.StageChanges.Add(new PathwayStageChange { ReferralId = r.Id, From = null, To = PathwayStage.Referred, At = now, ById = by });
        c.ReferredToServiceOn = DateOnly.FromDateTime(now.UtcDateTime);
        return r;
    }

    /// <summary>Moves the referral if the state machine allows it; returns the problem otherwise and changes nothing.</summary>
    public static string? Move(Referral r, PathwayStage to, string? reason, Guid by, DateTimeOffset now)
    {
        var problem = PathwayStateMachine.Validate(r.Stage, to, reason);
        if (problem is not null) return problem;
        r.StageChanges.Add(new PathwayStageChange { ReferralId = r.Id, From = r.Stage, To = to, At = now, ById = by, Reason = Clean(reason) });
        r.Stage = to;
        r.StageEnteredAt = now;
        if (to.IsTerminal()) r.EndedAt = now;
        return null;
    }

    /// <summary>Allocates the referral, and makes the psychologist the case's psychologist so it is on their caseload.</summary>
    public static void Allocate(Referral r, CaseRecord c, Guid psychologistId, DateTimeOffset now)
    {
        r.AllocatedPsychologistId = psychologistId;
        r.AllocatedAt = now;
        c.PsychologistId = psychologistId;
    }

    /// <summary>Active psychologists a referral may be allocated to.</summary>
    public static async Task<List<(Guid Id, string Name)>> PsychologistsAsync(PathwayDbContext db, CancellationToken ct)
    {
        var names = Domain.Staff.RoleSets.Clinicians.Select(r => r.ToString()).ToArray();
        var roleIds = await db.Roles.Where(r => names.Contains(r.Name!)).Select(r => r.Id).ToListAsync(ct);
        var rows = await db.Users.Where(u => u.DisabledAt == null && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).Take(500).ToListAsync(ct);
        return rows.Select(u => (u.Id, u.DisplayName)).ToList();
    }

    public static int WaitingDays(Referral r, DateTimeOffset now) => Math.Max(0, (int)(now - r.ReferredAt).TotalDays);

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
