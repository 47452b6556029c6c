using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;
using Pathway.Domain.Referrals;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Licences;

namespace Pathway.Web.Features.Compliance.Recall;

/// <summary>
/// What the recall workflow needs to know about the person beyond the record itself: whether they are on the PD pathway
/// (an open referral), the licence, the care plan's contingency section, and the recall regime of the day applied to
/// the facts recorded (null when no regime applied on that day).
/// </summary>
public sealed record RecallFacts(bool OnPathway, Licence? Licence, string? ContingencyText, Guid? ContingencyPlanId, RecallRegimeAssessment? Regime)
{
    public static async Task<RecallFacts> LoadAsync(
        PathwayDbContext db, CaseRecord c, RecallConsideration? r, IReadOnlySet<StaffRole> roles, DateOnly today, CancellationToken ct)
    {
        var onPathway = await db.Referrals.AsNoTracking().AnyAsync(x => x.CaseId == c.Id && x.EndedAt == null, ct);
        Licence? licence = r is null
            ? (await CurrentLicenceConditions.LoadAsync(db, c.Id, today, ct)).Licence
            : await db.Licences.AsNoTracking().FirstOrDefaultAsync(l => l.Id == r.LicenceId, ct);

        string? contingency = null;
        Guid? planId = null;
        if (CarePlanSections.CanSee(CarePlanSections.ViewFor(roles), CarePlanSection.ContingencyPlan))
        {
            planId = await db.CarePlans.AsNoTracking().Where(p => p.CaseId == c.Id && p.Status == CarePlanStatus.Active).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
            if (planId is { } pid)
            {
                var texts = await db.CarePlanTexts.AsNoTracking()
                    .Where(t => t.CarePlanId == pid && (t.Key == "contingency.alternatives" || t.Key == "contingency"))
                    .ToDictionaryAsync(t => t.Key, t => t.Text, ct);
                contingency = string.Join("\n\n", new[] { "contingency.alternatives", "contingency" }
                    .Where(k => texts.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v)).Select(k => texts[k]));
                if (contingency.Length == 0) contingency = null;
            }
        }
        return new(onPathway, licence, contingency, planId, RecallRegimeAssessor.Assess(RegimeFactsFor(c, licence, r, today)));
    }

    /// <summary>The facts the recall regime of <paramref name="day"/> is applied to.</summary>
    public static RecallRegimeFacts RegimeFactsFor(CaseRecord c, Licence? licence, RecallConsideration? r, DateOnly day) => new(
        day,
        AgeOn(c.DateOfBirth, day),
        licence?.SentenceType ?? Pathway.Domain.Licences.SentenceType.StandardDeterminate,
        licence?.SentenceLengthMonths,
        r?.Schedule19AAOffence ?? false,
        r?.TerroristOffence ?? false,
        r?.RecalledBecauseOfCharge ?? false,
        r?.ChargedWithSeriousOffence ?? false,
        c.MappaLevel);

    public static int AgeOn(DateOnly born, DateOnly day)
    {
        var age = day.Year - born.Year;
        return born.AddYears(age) > day ? age - 1 : age;
    }

    public RecallConsiderationFacts WorkflowFacts(RecallConsideration r, string? rationale = null) => new(
        r.Status, r.Concern, r.BreachedConditions.Count, r.AlternativesTried.Count, r.NoAlternativesReason, OnPathway,
        !string.IsNullOrWhiteSpace(r.ConsultationAdvice), r.ConsultationNotPossibleReason, rationale ?? r.OversightRationale);

    /// <summary>Alternatives agreed in the care plan (as ticked by the officer) and not shown as tried.</summary>
    public static IReadOnlyList<AlternativeToRecall> NotYetTried(RecallConsideration r) =>
        RecallWorkflow.NotYetTried(RecallText.ParseList(r.ContingencyAlternatives), r.AlternativesTried.Select(a => a.Alternative));

    /// <summary>
    /// The person's licence standing on <paramref name="day"/>, from every licence period and its recalls.
    /// </summary>
    public static async Task<LicenceOnDate> LicenceOnAsync(PathwayDbContext db, Guid caseId, DateOnly day, CancellationToken ct)
    {
        var licences = await db.Licences.AsNoTracking().Where(l => l.CaseId == caseId).ToListAsync(ct);
        var recalls = await db.Recalls.AsNoTracking().Where(x => x.CaseId == caseId).Select(x => new { x.LicenceId, x.RecallDate, x.ReReleaseDate }).ToListAsync(ct);
        return LicenceStanding.On(licences.Select(l => new LicencePeriod(l.Id, LicenceDetails.From(l).Dates,
            recalls.Where(x => x.LicenceId == l.Id).Select(x => (x.RecallDate, x.ReReleaseDate)).ToList())).ToList(), day);
    }
}
