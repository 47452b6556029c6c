using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Assessments;
using Pathway.Domain.Recall;
using Pathway.Domain.Referrals;

namespace Pathway.Data.Seeding.Personas;

/// <summary>
/// Work in flight on the rest of the Northfield caseload, so that everyone signs in to something waiting for them: an
/// assessment submitted two days ago for the clinical lead's countersignature; four recall considerations, one at each
/// step that waits for someone; a queued referral allocated to the psychologist yesterday, before its first consultation; — the psychologist's advice asked for yesterday, a decision the senior probation officers
/// have had since yesterday, a decision to recall that the other senior probation officer has still to countersign, and
/// a decision not to recall three days ago whose letter nobody has downloaded yet; and one use of emergency access, by
/// a Southbridge offender manager on a Northfield case two days ago, for the clinical lead to review. Each goes on a
/// different person who is on licence in the community and on the pathway, so the records fall inside their licence.
/// </summary>
internal static class WaitingWork
{
    public static void Write(DemoStory s, IReadOnlyList<CaseRecord> cases, IReadOnlySet<int> personas)
    {
        var referrals = s.Db.Referrals.Local.ToDictionary(r => r.CaseId);
        var candidates = cases.Select((c, i) => (c, i))
            .Where(x => !personas.Contains(x.i) && !x.c.IsRestricted && x.c.OffenderManagerId == s.OmNorth && x.c.PsychologistId is not null
                && DemoTime.OnLicence(x.c, s.Today) && DemoTime.OnLicence(x.c, s.Today.AddDays(-14))
                && referrals.TryGetValue(x.c.Id, out var r) && r.Stage.IsOpen())
            .Select(x => x.c).ToList();

        // The assessment: a case at the assessment stage for at least a fortnight, with no assessment yet.
        var assessing = candidates.First(c => referrals[c.Id].Stage == PathwayStage.Assessment
            && DemoStory.Entered(referrals[c.Id], PathwayStage.Assessment) <= s.At(14) && !s.Db.Assessments.Local.Any(a => a.CaseId == c.Id));
        var entered = DemoStory.Entered(referrals[assessing.Id], PathwayStage.Assessment)!.Value;
        var assessment = DemoAssessments.Draft(s.Db, assessing, s.Psychologist, s.Day(5, weekday: true), entered.AddDays(2));
        assessment.Status = AssessmentStatus.Submitted;
        assessment.SubmittedAt = T(s, 2, 13);
        assessment.UpdatedAt = assessment.SubmittedAt.Value;

        var recall = candidates.Where(c => c != assessing).Take(4).ToList();
        RecallConsideration Consider(CaseRecord c, RecallConsiderationStatus status, int startedDaysAgo) => new()
        {
            CaseId = c.Id, LicenceId = c.Licences.MaxBy(l => l.ReleaseDate)!.Id, Status = status, Concern = RecallConcern.RiskIncreased,
            Circumstances = "Threatened a neighbour during a row about noise; the police attended and gave words of advice.",
            RiskSummary = "Risk of harm to the public is raised when he is drinking; no weapon involved.",
            NoAlternativesReason = "The incident is recent and the offender manager wants oversight before choosing a response.",
            ConsultationRequestedAt = T(s, startedDaysAgo, 11), StartedById = s.OmNorth, CreatedAt = T(s, startedDaysAgo, 10), UpdatedAt = T(s, startedDaysAgo, 11),
        };
        var advice = Consider(recall[0], RecallConsiderationStatus.InProgress, 1);
        var decision = Consider(recall[1], RecallConsiderationStatus.AwaitingDecision, 4);
        Advised(decision, s, 3);
        decision.SubmittedById = s.OmNorth;
        decision.SubmittedAt = T(s, 1, 10);
        var countersign = Consider(recall[2], RecallConsiderationStatus.AwaitingCountersignature, 6);
        Advised(countersign, s, 5);
        countersign.SubmittedById = s.OmNorth;
        countersign.SubmittedAt = T(s, 4, 10);
        countersign.OversightRationale = "Threats continue despite advice; the risk cannot be managed in the community at present.";
        countersign.Decision = RecallDecisionKind.StandardRecall;
        countersign.DecidedById = s.SpoNorth;
        countersign.DecidedAt = T(s, 2, 12);
        var letter = Consider(recall[3], RecallConsiderationStatus.Decided, 8);
        Advised(letter, s, 7);
        letter.SubmittedById = s.OmNorth;
        letter.SubmittedAt = T(s, 5, 10);
        letter.OversightRationale = "A first incident; an extra appointment each week and a warning are proportionate.";
        letter.Decision = RecallDecisionKind.NoRecall;
        letter.DecidedById = s.SpoNorth;
        letter.DecidedAt = T(s, 3, 12);
        foreach (var r in new[] { advice, decision, countersign, letter }) r.UpdatedAt = r.DecidedAt ?? r.SubmittedAt ?? r.UpdatedAt;
        s.Db.RecallConsiderations.AddRange(advice, decision, countersign, letter);

        // A referral in the queue was allocated to the psychologist yesterday; the first consultation is still to be held.
        var inQueue = cases.Where((c, i) => !personas.Contains(i) && !c.IsRestricted && referrals.TryGetValue(c.Id, out var q)
            && q.Stage == PathwayStage.Referred && q.AllocatedPsychologistId is null && q.ReferredAt < T(s, 2, 9)).First();
        var queued = referrals[inQueue.Id];
        inQueue.PsychologistId = s.Psychologist;
        queued.AllocatedPsychologistId = s.Psychologist;
        queued.AllocatedAt = T(s, 1, 11);
        queued.UpdatedAt = queued.AllocatedAt.Value;

        // Emergency access: the Southbridge offender manager covering a duty call for a Northfield case.
        var opened = cases.Where((c, i) => !personas.Contains(i) && !c.IsRestricted && c.OffenderManagerId == s.OmNorth && DemoTime.OnLicence(c, s.Today))
            .Except(recall).First(c => c != assessing);
        var grantedAt = T(s, 2, 14);
        s.Db.BreakGlassGrants.Add(new BreakGlassGrant
        {
            CaseId = opened.Id, UserId = s.OmSouth, Reason = "Duty cover: police called out of hours about a disturbance at his address.",
            GrantedAt = grantedAt, ExpiresAt = grantedAt + CaseAccessRules.BreakGlassDuration,
        });
    }

    /// <summary>A quarter past <paramref name="hour"/> on the day <paramref name="daysAgo"/> days ago: the steps of one record in order.</summary>
    private static DateTimeOffset T(DemoStory s, int daysAgo, int hour) => DemoTime.At(s.Day(daysAgo), hour, 15);

    private static void Advised(RecallConsideration r, DemoStory s, int daysAgo)
    {
        r.ConsultationAdvice = "Drinking and threats rise together for him; a joint appointment this week would show whether the plan still holds.";
        r.ConsultedById = s.Psychologist;
        r.ConsultedAt = T(s, daysAgo, 13);
    }
}
