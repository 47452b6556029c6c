using Pathway.Data.Entities;
using Pathway.Domain.Cases;
using Pathway.Domain.Compliance;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;
using Pathway.Domain.Referrals;

namespace Pathway.Data.Seeding.Personas;

/// <summary>
/// Adam Patel (X000011, Northfield): released five months ago on a 30-month sentence (MAPPA level 1), in consultation
/// with the PD service. He missed appointments, had a first and then a final warning letter and twice-weekly reporting,
/// left his approved address and stopped reporting. Recall was considered with the psychologist's advice, decided by
/// one senior probation officer and countersigned by the other; he was recalled six days ago on a fixed-term recall
/// under the law of that day, and returned to custody two days later. Nothing is recorded in the community after it.
/// </summary>
internal static class AdamPatel
{
    public const int Index = 10;

    public static CaseRecord Write(DemoStory s)
    {
        var rng = new Random(2010);
        var c = s.Person(Index, "Adam", "Patel");
        c.MappaLevel = c.MappaCategory == MappaCategory.None ? MappaLevel.None : MappaLevel.Level1;
        var licence = s.Licence(c, releasedDaysAgo: 150, sentenceMonths: 30, StandardConditionSets.PlainEnglish.Code);
        s.Refer(c, rng, PathwayStage.Consultation, [120, 106]);

        // Kept contact for four months; then absences, two warning letters and increased reporting; then nothing.
        s.WeeklyContacts(c, rng, lastDaysAgo: 44, unacceptableShare: 0);
        s.Contact(c, 42, ContactKind.OfficeAppointment, ContactOutcome.UnacceptableAbsence, "Did not attend; no reason given", s.OmNorth);
        s.WarningLetter(c, licence, 40, WarningLevel.First, "You did not come to your appointment at the probation office and did not tell us why.", s.OmNorth, 3);
        foreach (var daysAgo in new[] { 37, 34, 30 })
            s.Contact(c, daysAgo, ContactKind.OfficeAppointment, ContactOutcome.Attended, null, s.OmNorth);
        foreach (var daysAgo in new[] { 27, 24 })
            s.Contact(c, daysAgo, ContactKind.OfficeAppointment, ContactOutcome.UnacceptableAbsence, "Did not attend; no reason given", s.OmNorth);
        s.WarningLetter(c, licence, 23, WarningLevel.Final, "You have missed two more appointments since your first warning letter.", s.OmNorth, 3);
        s.Concern(c, 20, ConcernType.LossOfAccommodation, "Has left his approved address; the landlord has not seen him for a week.", s.OmNorth);
        foreach (var daysAgo in new[] { 20, 17, 13, 10 })
            s.Contact(c, daysAgo, daysAgo == 17 ? ContactKind.HomeVisit : ContactKind.OfficeAppointment, ContactOutcome.UnacceptableAbsence,
                daysAgo == 17 ? "Not at the approved address; whereabouts unknown" : "Did not attend; no contact since", s.OmNorth);

        // The decision keeps the regime of its day, as the app records it: the demo follows whichever law applied then.
        var decidedOn = s.Day(7);
        var regime = RecallRegimeAssessor.Assess(new RecallRegimeFacts(
            decidedOn, Domain.Evaluation.Outcomes.Age(c.DateOfBirth, decidedOn), licence.SentenceType, licence.SentenceLengthMonths, false, false, false, false, c.MappaLevel))!;
        var recall = new Recall
        {
            LicenceId = licence.Id, CaseId = c.Id, RecallDate = s.Day(6), ReturnToCustodyDate = s.Day(4), Type = regime.FixedTermType!.Value,
            Reason = "Contact has stopped. Conditions breached: keep in touch; reside at the approved address", CreatedAt = s.At(6), UpdatedAt = s.At(6),
        };
        licence.Recalls.Add(recall);
        s.Db.RecallConsiderations.Add(new RecallConsideration
        {
            CaseId = c.Id, LicenceId = licence.Id, Status = RecallConsiderationStatus.Decided, Concern = RecallConcern.ContactStopped,
            Circumstances = "Has not reported for three weeks and has left the approved address; whereabouts unknown. Two warning letters issued (a first and a final).",
            RiskSummary = "Risk of serious harm to a former partner is raised while whereabouts are unknown; no specific threat reported.",
            BreachedConditions = [DemoStory.Standard(licence, 3), DemoStory.Standard(licence, DemoStory.ResidenceCondition(licence))],
            AlternativesTried =
            [
                new RecallAlternativeTried { Alternative = AlternativeToRecall.WarningLetter, Outcome = AlternativeOutcome.DidNotHelp, Details = "First and final warnings" },
                new RecallAlternativeTried { Alternative = AlternativeToRecall.IncreasedReporting, Outcome = AlternativeOutcome.DidNotHelp, Details = "Twice-weekly reporting after the first warning" },
            ],
            ConsultationAdvice = "Disengagement follows loss of housing for him; with whereabouts unknown the plan cannot work. A short fixed-term recall, with housing arranged before re-release, is the least harmful option.",
            ConsultedById = s.Psychologist, ConsultedAt = DemoTime.At(s.Day(8), 11, 40), SubmittedById = s.OmNorth, SubmittedAt = DemoTime.At(s.Day(8), 16, 50),
            OversightRationale = "Contact lost for three weeks despite warnings and increased reporting; risk cannot be managed in the community. Fixed-term recall is available and proportionate.",
            Decision = RecallDecisionKind.FixedTermRecall,
            FixedTermAssessment = string.Join("\n", regime.Tests.Select(t => $"{t.Test}: {(t.Met ? "met" : "not met")} — {t.Reason}")),
            RegimeVersionId = regime.Regime.VersionId, RegimeAssessedOn = decidedOn, RegimeRoute = regime.Route, FixedTermDays = regime.FixedTermDays,
            DecidedById = s.SpoNorth, DecidedAt = DemoTime.At(decidedOn, 10, 5), CountersignedById = s.Spo2North, CountersignedAt = DemoTime.At(decidedOn, 14, 20),
            RecallId = recall.Id, StartedById = s.OmNorth, CreatedAt = s.At(10, 2), UpdatedAt = DemoTime.At(decidedOn, 14, 20),
        });
        return c;
    }
}
