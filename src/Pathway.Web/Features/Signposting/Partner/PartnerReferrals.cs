using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Signposting;
using Pathway.Web.Infrastructure.Auditing;

namespace Pathway.Web.Features.Signposting.Partner;

/// <summary>
/// Exactly what a partner agency may see of a referral sent to its organisation — the minimum needed to act — and
/// nothing else: no CRN, address, offence, risk level, assessment or staff names.
/// </summary>
public sealed record PartnerReferralView(
    Guid Id, string PersonName, DateOnly DateOfBirth, string ContactRoute, string ReasonForReferral, string? StaffSafetySummary,
    string ServiceName, Domain.Assessments.NeedArea Need, SignpostingReferralStatus Status, DateOnly StatusOn, DateOnly? ReferredOn,
    IReadOnlyList<PartnerEventView> History, int Version);

public sealed record PartnerEventView(SignpostingReferralStatus To, DateOnly On, bool ByPartner, string? Reason);

/// <summary>Finds referrals for the signed-in partner's organisation. A referral elsewhere, or not yet sent, does not exist for them.</summary>
public static class PartnerReferrals
{
    /// <summary>Referrals sent to services of organisations linked to <paramref name="teamId"/> (never suggestions).</summary>
    public static IQueryable<SignpostingReferral> For(PathwayDbContext db, Guid? teamId) =>
        db.SignpostingReferrals.Where(r => teamId != null && r.Service!.Organisation!.PartnerTeamId == teamId
            && r.Status != SignpostingReferralStatus.Suggested);

    public static async Task<IReadOnlyList<PartnerReferralView>> ListAsync(PathwayDbContext db, Guid? teamId, CancellationToken ct) =>
        (await Project(db, For(db, teamId).AsNoTracking()).ToListAsync(ct))
            .OrderBy(v => v.Status.IsTerminal()).ThenByDescending(v => v.ReferredOn).ToList();

    /// <summary>One referral, or null after writing a denied audit row.</summary>
    public static async Task<(PartnerReferralView View, Guid CaseId)?> FindAsync(PathwayDbContext db, AuditLog audit, Guid? teamId, Guid id, CancellationToken ct)
    {
        var found = await For(db, teamId).AsNoTracking().Where(r => r.Id == id).Select(r => r.CaseId).FirstOrDefaultAsync(ct);
        if (found == Guid.Empty)
        {
            await audit.DeniedAsync("SignpostingReferral", id, null, ct);
            return null;
        }
        var view = await Project(db, For(db, teamId).AsNoTracking().Where(r => r.Id == id)).FirstAsync(ct);
        return (view, found);
    }

    private static IQueryable<PartnerReferralView> Project(PathwayDbContext db, IQueryable<SignpostingReferral> q) =>
        from r in q
        join c in db.Cases on r.CaseId equals c.Id
        select new PartnerReferralView(
            r.Id, c.GivenName + " " + c.FamilyName, c.DateOfBirth, r.ContactRoute, r.ReasonForReferral, r.StaffSafetySummary,
            r.Service!.Name, r.Need, r.Status, r.StatusOn, r.ReferredOn,
            r.Events.OrderBy(e => e.RecordedAt).Select(e => new PartnerEventView(e.To, e.On, e.ByPartner, e.Reason)).ToList(),
            r.Version);
}
