using Pathway.Data.Entities;
using Pathway.Domain.Cases;
using Pathway.Domain.Compliance;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;

namespace Pathway.Data.Seeding;

/// <summary>
/// The recall demo (issue 5's "done when"): one Northfield case with an active early-warning signal, an open referral
/// and an active care plan whose contingency section agrees alternatives — ready for the offender manager to consider
/// recall, the psychologist to advise and the senior probation officer to decide; and a second Northfield case already
/// through to a countersigned fixed-term recall recorded on its licence, with its recall report.
/// </summary>
public static class DemoRecall
{
    public static void Add(PathwayDbContext db, CaseRecord signalled, CaseRecord recalled, Guid om, Guid spo, Guid secondSpo, Guid psychologist, DateOnly today, DateTimeOffset now)
    {
        // The signal on the first case: two unacceptable absences in four weeks and loss of accommodation.
        foreach (var daysAgo in new[] { 5, 12 })
            db.Contacts.Add(new Contact
            {
                CaseId = signalled.Id, Date = today.AddDays(-daysAgo), Kind = ContactKind.OfficeAppointment, Outcome = ContactOutcome.UnacceptableAbsence,
                Reason = "Did not attend; no contact since", RecordedById = om, CreatedAt = now,
            });
        db.BehavioursOfConcern.Add(new BehaviourOfConcern
        {
            CaseId = signalled.Id, Date = today.AddDays(-8), Type = ConcernType.LossOfAccommodation, RecordedById = om, CreatedAt = now,
            Description = "Evicted from the approved address after a row with the landlord; sofa-surfing.",
        });

        // The second case: a standard determinate sentence under four years, MAPPA level 1 — fixed-term recall is open.
        recalled.MappaLevel = recalled.MappaCategory == MappaCategory.None ? MappaLevel.None : MappaLevel.Level1;
        var licence = recalled.Licences.OrderByDescending(l => l.ReleaseDate).First();
        licence.SentenceType = SentenceType.StandardDeterminate;
        licence.SentenceLengthMonths = 30;
        licence.ReleaseDate = today.AddDays(-150);
        licence.LicenceExpiryDate = today.AddDays(400);
        licence.SentenceExpiryDate = today.AddDays(400);
        licence.TopUpSupervisionEndDate = null;
        licence.Recalls.Clear();
        var set = StandardConditionSets.All.Single(s => s.Code == licence.StandardConditionSetCode);
        LinkedCondition Standard(StandardConditionTopic topic) => set.About(topic) is { } c
            ? new() { Ref = "S:" + c.Code, Text = $"Standard condition {c.Number}: {c.Text}" }
            : throw new InvalidOperationException($"Set {set.Code} has no {topic} condition");
        // The decision keeps the regime of its day, as the app records it: the demo follows whichever law applied then.
        var decidedOn = DateOnly.FromDateTime(now.AddDays(-7).UtcDateTime);
        var age = decidedOn.Year - recalled.DateOfBirth.Year - (recalled.DateOfBirth.AddYears(decidedOn.Year - recalled.DateOfBirth.Year) > decidedOn ? 1 : 0);
        var regime = RecallRegimeAssessor.Assess(new RecallRegimeFacts(
            decidedOn, age, licence.SentenceType, licence.SentenceLengthMonths, false, false, false, false, recalled.MappaLevel))!;
        var recall = new Recall
        {
            LicenceId = licence.Id, CaseId = recalled.Id, RecallDate = today.AddDays(-6), ReturnToCustodyDate = today.AddDays(-4), Type = regime.FixedTermType!.Value,
            Reason = "Contact has stopped. Conditions breached: keep in touch; reside at the approved address", CreatedAt = now,
        };
        db.Recalls.Add(recall);
        db.RecallConsiderations.Add(new RecallConsideration
        {
            CaseId = recalled.Id, LicenceId = licence.Id, Status = RecallConsiderationStatus.Decided, Concern = RecallConcern.ContactStopped,
            Circumstances = "Has not reported for three weeks and has left the approved address; whereabouts unknown. Two warning letters issued.",
            RiskSummary = "Risk of serious harm to a former partner is raised while whereabouts are unknown; no specific threat reported.",
            BreachedConditions = [Standard(StandardConditionTopic.KeepInTouch), Standard(StandardConditionTopic.Residence)],
            AlternativesTried =
            [
                new RecallAlternativeTried { Alternative = AlternativeToRecall.WarningLetter, Outcome = AlternativeOutcome.DidNotHelp, Details = "First and final warnings" },
                new RecallAlternativeTried { Alternative = AlternativeToRecall.IncreasedReporting, Outcome = AlternativeOutcome.DidNotHelp, Details = "Twice-weekly reporting from week 12" },
            ],
            ConsultationAdvice = "Disengagement follows loss of housing for him; with whereabouts unknown the plan cannot work. A short fixed-term recall, with housing arranged before re-release, is the least harmful option.",
            ConsultedById = psychologist, ConsultedAt = now.AddDays(-8), SubmittedById = om, SubmittedAt = now.AddDays(-8),
            OversightRationale = "Contact lost for three weeks despite warnings and increased reporting; risk cannot be managed in the community. Fixed-term recall is available and proportionate.",
            Decision = RecallDecisionKind.FixedTermRecall,
            FixedTermAssessment = string.Join("\n", regime.Tests.Select(t => $"{t.Test}: {(t.Met ? "met" : "not met")} — {t.Reason}")),
            RegimeVersionId = regime.Regime.VersionId, RegimeAssessedOn = decidedOn, RegimeRoute = regime.Route, FixedTermDays = regime.FixedTermDays,
            DecidedById = spo, DecidedAt = now.AddDays(-7), CountersignedById = secondSpo, CountersignedAt = now.AddDays(-7).AddHours(3),
            RecallId = recall.Id, StartedById = om, CreatedAt = now.AddDays(-10),
        });
    }
}
