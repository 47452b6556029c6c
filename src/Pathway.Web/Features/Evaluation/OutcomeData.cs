using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Evaluation;
using Pathway.Web.Features.Shared;
using Pathway.Web.Features.Training.Dashboard;

namespace Pathway.Web.Features.Evaluation;

/// <summary>
/// Reads the licence periods the evaluation analyses from Pathway's own records: every licence released in the period
/// (optionally one team's), its first recall, the person's date of birth, sex and RoSH, the latest OGRS3 score held for the
/// case, the case's first referral to the pathway, the day its offender manager completed the training and the day its
/// first care plan was countersigned. Nothing here is shown to anyone: the page publishes only what <see cref="Outcomes"/> computes.
/// </summary>
public static class OutcomeData
{
    /// <summary>The day the PD service started, from configuration (<c>Evaluation:ServiceStartedOn</c>, ISO date).</summary>
    public static DateOnly ServiceStartedOn(IConfiguration config) =>
        DateOnly.TryParse(config["Evaluation:ServiceStartedOn"], System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : new DateOnly(2025, 4, 1);

    /// <summary>The teams a person's case can belong to (probation teams): the choices for an evaluation's team filter.</summary>
    public static async Task<List<Govuk.Option>> TeamChoicesAsync(PathwayDbContext db, CancellationToken ct) =>
        (await db.Teams.AsNoTracking().Where(t => t.Kind == Pathway.Domain.Staff.TeamKind.Probation).OrderBy(t => t.Name)
            .Select(t => new { t.Id, t.Name }).ToListAsync(ct))
        .Select(t => new Govuk.Option(t.Id.ToString(), t.Name)).ToList();

    /// <summary>
    /// The cases the evaluation may use, optionally one team's: everyone except people who registered the national data
    /// opt-out (<see cref="CaseRecord.NationalDataOptOut"/>). Every figure, CSV and the pack start from this or <see cref="Released"/>.
    /// </summary>
    public static IQueryable<CaseRecord> Cases(PathwayDbContext db, Guid? teamId) =>
        db.Cases.Where(c => !c.NationalDataOptOut && (teamId == null || c.TeamId == teamId));

    /// <summary>Licences released in the period, optionally one team's, of people who have not opted out.</summary>
    public static IQueryable<Licence> Released(PathwayDbContext db, DateOnly releasedFrom, DateOnly releasedTo, Guid? teamId) =>
        db.Licences.AsNoTracking()
            .Where(l => l.ReleaseDate >= releasedFrom && l.ReleaseDate <= releasedTo)
            .Where(l => !l.Case!.NationalDataOptOut)
            .Where(l => teamId == null || l.Case!.TeamId == teamId);

    /// <summary>
    /// The cases with a licence released in the period, as a query for use inside other queries (an <c>IN (SELECT …)</c>):
    /// never a list of ids sent as parameters, which at national scale is tens of thousands of them.
    /// </summary>
    public static IQueryable<Guid> CaseIds(PathwayDbContext db, DateOnly releasedFrom, DateOnly releasedTo, Guid? teamId) =>
        Released(db, releasedFrom, releasedTo, teamId).Select(l => l.CaseId);

    public static async Task<(List<LicencePeriod> Periods, List<(Guid CaseId, DateOnly Date)> Recalls)> LoadAsync(PathwayDbContext db, DateOnly releasedFrom, DateOnly releasedTo, Guid? teamId, DateOnly today, CancellationToken ct)
    {
        var licences = await Released(db, releasedFrom, releasedTo, teamId)
            .Select(l => new
            {
                // Follow-up ends at the licence's end: top-up supervision follows it, but a breach of top-up goes to
                // court, not recall, so its months are not time at risk of recall (shared DOMAIN.md section 9).
                l.Id, l.CaseId, l.ReleaseDate, End = l.LicenceExpiryDate,
                Recall = l.Recalls.OrderBy(r => r.RecallDate).Select(r => (DateOnly?)r.RecallDate).FirstOrDefault(),
                l.Case!.DateOfBirth, l.Case.Gender, l.Case.RoshLevel, l.Case.OffenderManagerId,
            })
            .ToListAsync(ct);
        var caseIds = CaseIds(db, releasedFrom, releasedTo, teamId);
        // Previous recalls count every recall on the same people's licences, whether or not released in the period.
        var recalls = (await db.Recalls.AsNoTracking().Where(r => caseIds.Contains(r.CaseId)).Select(r => new { r.CaseId, r.RecallDate }).ToListAsync(ct))
            .Select(r => (r.CaseId, r.RecallDate)).ToList();
        var scores = (await db.Ogrs3Scores.AsNoTracking().Where(s => caseIds.Contains(s.CaseId))
                .Select(s => new { s.CaseId, s.OneYear, s.CalculatedAt }).ToListAsync(ct))
            .GroupBy(s => s.CaseId).ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.CalculatedAt).First().OneYear);
        var referrals = (await db.Referrals.AsNoTracking().Where(r => caseIds.Contains(r.CaseId))
                .Select(r => new { r.CaseId, r.ReferredAt }).ToListAsync(ct))
            .GroupBy(r => r.CaseId).ToDictionary(g => g.Key, g => DateOnly.FromDateTime(g.Min(r => r.ReferredAt).UtcDateTime));
        // A plan is in place from its countersignature (when it becomes active); later versions do not move the day.
        var carePlans = (await db.CarePlans.AsNoTracking().Where(p => caseIds.Contains(p.CaseId) && p.CountersignedAt != null)
                .Select(p => new { p.CaseId, p.CountersignedAt }).ToListAsync(ct))
            .GroupBy(p => p.CaseId).ToDictionary(g => g.Key, g => DateOnly.FromDateTime(g.Min(p => p.CountersignedAt!.Value).UtcDateTime));
        var managers = licences.Where(l => l.OffenderManagerId != null).Select(l => l.OffenderManagerId!.Value).Distinct().ToList();
        var trained = await TrainingFigures.TrainedSinceAsync(db, managers, today, ct);

        var periods = licences.Select(l => new LicencePeriod(l.Id, l.CaseId, l.ReleaseDate, l.End, l.Recall, l.DateOfBirth, l.Gender,
            scores.TryGetValue(l.CaseId, out var s) ? s : null, l.RoshLevel,
            referrals.TryGetValue(l.CaseId, out var f) ? f : null,
            l.OffenderManagerId is { } om && trained.TryGetValue(om, out var t) ? t : null,
            carePlans.TryGetValue(l.CaseId, out var plan) ? plan : null)).ToList();
        return (periods, recalls);
    }
}
