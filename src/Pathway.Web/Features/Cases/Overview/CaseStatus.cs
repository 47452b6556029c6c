using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Access;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;
using Pathway.Domain.Referrals;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Compliance.Signals;
using Pathway.Web.Features.Tasks;

namespace Pathway.Web.Features.Cases.Overview;

/// <summary>Where the person is on the PD service's pathway: the latest referral's stage and since when.</summary>
public sealed record PathwayStatus(PathwayStage Stage, DateOnly Since, bool Open);

/// <summary>A recall consideration that is not yet decided.</summary>
public sealed record RecallStatus(Guid Id, RecallConsiderationStatus Status, DateOnly Started);

/// <summary>A care plan version as the status shows it (the review date for the active version).</summary>
public sealed record PlanStatus(Guid Id, int Number, CarePlanStatus Status, DateOnly? ReviewDate, ReviewState? Review);

/// <summary>The person's licence standing today and the dates of the licence that decides it.</summary>
public sealed record LicenceStatusLine(LicenceOnDate Standing, DateOnly? Released, DateOnly? LicenceEnds, DateOnly? TopUpEnds, int Recalls)
{
    /// <summary>The standing in a few words, for a tag.</summary>
    public string Label => Standing.Status switch
    {
        LicenceStatus.NoLicenceRecorded => "No licence recorded",
        LicenceStatus.NotYetReleased => "Not yet released",
        LicenceStatus.OnLicence => "On licence",
        LicenceStatus.Recalled => "Recalled",
        LicenceStatus.TopUpSupervisionOnly => "Top-up supervision only",
        LicenceStatus.LicenceEnded => "Licence ended",
        _ => Standing.Status.ToString(),
    };
}

/// <summary>
/// What is happening on a case now, for the top of its overview (and <c>GET /api/v1/cases/{id}</c>): the pathway stage,
/// the open work on the case for anyone, early-warning signals, a recall consideration under way, the care plan and its
/// next review, and the licence standing. <see cref="CarePlan"/> and <see cref="PlanInDraft"/> are what the viewer's role
/// may see of care plans (<see cref="CarePlanSections.ViewFor"/>: the active version only for police and approved
/// premises, nothing for a role that sees no plan; <see cref="SeesCarePlans"/> says which).
/// </summary>
public sealed record CaseStatus(
    Guid CaseId,
    PathwayStatus? Pathway,
    IReadOnlyList<WorkItem> Tasks,
    int Signals,
    RecallStatus? Recall,
    bool SeesCarePlans,
    PlanStatus? CarePlan,
    PlanStatus? PlanInDraft,
    LicenceStatusLine Licence,
    DateOnly Today)
{
    /// <summary>
    /// Whether the viewer is shown a kind of task on the case. Everyone who may read the case sees its referral,
    /// consultation, screening, assessment, compliance, recall and signposting work (they may open those pages). Care-plan
    /// work is about versions police and approved premises do not see; incident work is hidden from a role that sees no
    /// incidents; co-ordination group actions are the group's records, which only its clinicians and managers always
    /// read; and emergency-access reviews are the clinical lead's oversight of colleagues.
    /// </summary>
    public static bool Sees(StaffContext who, TaskKind kind) => kind switch
    {
        TaskKind.CarePlanToCountersign or TaskKind.CarePlanReview => CarePlanSections.ViewFor(who.Roles) == CarePlanView.FullWithRestricted,
        TaskKind.ChainAnalysisDue => CarePlanSections.ViewFor(who.Roles) != CarePlanView.None,
        TaskKind.CoordinationAction => who.IsInAny(RoleSets.CliniciansAndManagers),
        TaskKind.BreakGlassReview => who.IsIn(StaffRole.ClinicalLead),
        _ => true,
    };
}

/// <summary>Builds a <see cref="CaseStatus"/> in a fixed handful of queries, whatever the case holds (never one per row).</summary>
public sealed class CaseStatusQuery(PathwayDbContext db, TaskList tasks, TimeProvider clock)
{
    /// <summary>The status of a case whose read access the caller has already checked.</summary>
    public async Task<CaseStatus> ForAsync(Guid caseId, StaffContext who, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var referral = await db.Referrals.AsNoTracking().Where(r => r.CaseId == caseId).OrderByDescending(r => r.ReferredAt)
            .Select(r => new { r.Stage, r.StageEnteredAt, r.EndedAt }).FirstOrDefaultAsync(ct);
        var pathway = referral is null ? null : new PathwayStatus(referral.Stage, DateOnly.FromDateTime(referral.StageEnteredAt.UtcDateTime), referral.EndedAt is null);

        var work = (await tasks.ForCaseAsync(who, caseId, ct)).Where(i => CaseStatus.Sees(who, i.Kind)).ToList();

        var signals = (await CaseSignals.ForCaseAsync(db, caseId, today, ct)).Count;

        var recall = await db.RecallConsiderations.AsNoTracking().Where(r => r.CaseId == caseId && r.Status != RecallConsiderationStatus.Decided)
            .OrderByDescending(r => r.CreatedAt).Select(r => new { r.Id, r.Status, r.CreatedAt }).FirstOrDefaultAsync(ct);

        var view = CarePlanSections.ViewFor(who.Roles);
        PlanStatus? active = null, draft = null;
        if (view != CarePlanView.None)
        {
            var plans = await db.CarePlans.AsNoTracking()
                .Where(p => p.CaseId == caseId && (p.Status == CarePlanStatus.Active
                    || (view != CarePlanView.Summary && (p.Status == CarePlanStatus.Draft || p.Status == CarePlanStatus.AwaitingCountersignature))))
                .Select(p => new { p.Id, p.Number, p.Status, p.ReviewDate }).ToListAsync(ct);
            active = plans.Where(p => p.Status == CarePlanStatus.Active).MaxBy(p => p.Number) is { } a
                ? new PlanStatus(a.Id, a.Number, a.Status, a.ReviewDate, a.ReviewDate is { } r ? CarePlanReviews.State(r, today) : null)
                : null;
            draft = plans.Where(p => p.Status != CarePlanStatus.Active).MaxBy(p => p.Number) is { } d
                ? new PlanStatus(d.Id, d.Number, d.Status, null, null)
                : null;
        }

        var licences = await db.Licences.AsNoTracking().Where(l => l.CaseId == caseId)
            .Select(l => new
            {
                l.Id, l.ReleaseDate, l.LicenceExpiryDate, l.SentenceExpiryDate, l.TopUpSupervisionEndDate,
                Recalls = l.Recalls.Select(x => new { x.RecallDate, x.ReReleaseDate }).ToList(),
            })
            .ToListAsync(ct);
        var standing = LicenceStanding.On(licences.Select(l => new LicencePeriod(l.Id,
            new LicenceDates(l.ReleaseDate, l.LicenceExpiryDate, l.SentenceExpiryDate, l.TopUpSupervisionEndDate),
            l.Recalls.Select(x => (x.RecallDate, x.ReReleaseDate)).ToList())).ToList(), today);
        var deciding = licences.FirstOrDefault(l => l.Id == standing.LicenceId);
        var licence = new LicenceStatusLine(standing, deciding?.ReleaseDate, deciding?.LicenceExpiryDate, deciding?.TopUpSupervisionEndDate, deciding?.Recalls.Count ?? 0);

        return new CaseStatus(caseId, pathway, work, signals,
            recall is null ? null : new RecallStatus(recall.Id, recall.Status, DateOnly.FromDateTime(recall.CreatedAt.UtcDateTime)),
            view != CarePlanView.None, active, draft, licence, today);
    }
}
