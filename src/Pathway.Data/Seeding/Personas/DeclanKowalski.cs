using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Compliance;
using Pathway.Domain.Incidents;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;
using Pathway.Domain.Risk;

namespace Pathway.Data.Seeding.Personas;

/// <summary>
/// Declan Kowalski (X000002, Southbridge, "demo case 1"): an approved-premises resident on the whole pathway. Referred
/// from custody, released a month later, assessed and formulated, and working from an active care plan for four months.
/// Lately: an angry outburst and self-harm after calls with his family (one chain analysis done), a missed appointment
/// with its breach and first warning letter, and a behaviour of concern that matches a sign in his plan. His case
/// discussion at the co-ordination group is seeded with the group (<see cref="SyntheticCoordination"/>).
/// </summary>
internal static class DeclanKowalski
{
    public const int Index = 1;

    public static CaseRecord Write(DemoStory s)
    {
        var rng = new Random(2001);
        var c = s.Person(Index, "Declan", "Kowalski");
        var licence = s.Licence(c, releasedDaysAgo: 200, sentenceMonths: 36, StandardConditionSets.PlainEnglish.Code);

        var referral = s.Refer(c, rng, PathwayStage.CarePlan, [230, 216, 190, 172, 140, 126]);
        s.Screenings.Add((c, s.At(190, 3)));
        var score = Ogrs3Score.From(c.Id, new Ogrs3Inputs(Ogrs3Sex.Male, c.DateOfBirth, s.Day(1300), c.DateOfBirth.AddYears(15), 7,
            Ogrs3OffenceCategory.Violence, s.Day(172)), s.Psychologist, s.At(172, 1));
        s.Db.Ogrs3Scores.Add(score);
        var assessment = DemoAssessments.Locked(s.Db, c, s.Psychologist, s.ClinicalLead, assessedOn: s.Day(170, weekday: true),
            startedAt: s.At(171), submittedAt: s.At(145), countersignedAt: s.At(141), ogrs3ScoreId: score.Id, needs:
            [
                DemoAssessments.Need(NeedArea.EmotionalRegulation, NeedPriority.High, "Skills for intense anger and shame; DBT-informed group if available locally"),
                DemoAssessments.Need(NeedArea.Accommodation, NeedPriority.High, "Move-on accommodation from the approved premises within three months"),
                DemoAssessments.Need(NeedArea.SubstanceUse, NeedPriority.Medium, "Alcohol use when distressed; open to community alcohol service"),
                DemoAssessments.Need(NeedArea.EmploymentAndTraining, NeedPriority.Low, "Interested in a construction skills course once settled"),
            ]);
        s.Db.AssessmentWithheldInformation.Add(new AssessmentWithheldInformation
        {
            AssessmentId = assessment.Id,
            Text = "Police intelligence (not to be shared) suggests contact with a former partner who is a named victim; being checked by the PPU.",
        });
        var plan = DemoCarePlans.Plan(s.Db, c, assessment, s.Psychologist, createdAt: s.At(132), signedAt: s.At(122), countersignedBy: s.OmSouth,
            countersignedAt: s.At(120, 1), review: s.Today.AddDays(75), goalAchievedAt: s.At(60));

        s.WeeklyContacts(c, rng);
        var outburst = DemoCarePlans.Incident(c, DemoTime.At(s.Day(20), 19, 40), IncidentType.AngryOutburst, IncidentSeverity.Moderate, "Phone call from family", s.Psychologist, s.At(19));
        var selfHarm = DemoCarePlans.Incident(c, DemoTime.At(s.Day(6), 21, 15), IncidentType.SelfHarm, IncidentSeverity.Serious, "Phone call from family", s.Psychologist, s.At(5, 2));
        s.Db.Incidents.AddRange(outburst, selfHarm);
        var analysis = new ChainAnalysis
        {
            IncidentId = selfHarm.Id, CaseId = c.Id, CreatedAt = s.At(5, 4), CompletedAt = s.At(4), CompletedById = s.Psychologist,
            ProblemBehaviour = "Superficial cuts to the forearm with a broken razor, in his room, over about ten minutes.",
            VulnerabilityFactors = "Little sleep for three nights; skipped meals.",
            PromptingEvent = "His sister said on the phone that their mother did not want to see him.",
            ShortTermConsequences = "Felt calmer; staff checked on him.", LongTermConsequences = "Shame; scars; fear of recall.",
            Function = "Relief from unbearable shame.", FunctionCategory = BehaviourFunction.ReliefFromDistress,
            PreventionAndRepair = "Plan calls with a keyworker nearby; TIP skills card in his room; apologise to the night worker.",
        };
        analysis.SetChain(new Chain([
            new(ChainLinkKind.Thought, "She has given up on me", "check-the-facts"),
            new(ChainLinkKind.Emotion, "Shame, then anger", "opposite-action"),
            new(ChainLinkKind.BodySensation, "Hot face, tight chest", "tip"),
            new(ChainLinkKind.Urge, "To make the feeling stop"),
            new(ChainLinkKind.Action, "Went to his room and found the razor", "stop"),
        ]));
        s.Db.ChainAnalyses.Add(analysis);

        // The missed appointment, its breach and the first warning letter; then a concern that matches a sign in his plan.
        s.Contact(c, 8, ContactKind.OfficeAppointment, ContactOutcome.UnacceptableAbsence, "Did not attend; said afterwards he forgot", c.OffenderManagerId!.Value);
        s.Breach(c, licence, 8, "Missed a planned office appointment without an acceptable reason.", c.OffenderManagerId!.Value, 3);
        s.WarningLetter(c, licence, 7, WarningLevel.First, "You did not come to your appointment at the probation office and did not tell us beforehand.", c.OffenderManagerId!.Value, 3);
        var sign = CarePlanSigns.From(plan.Texts.ToDictionary(t => t.Key, t => t.Text)).First(x => x.Key.StartsWith(CarePlanSigns.EarlyWarningKey, StringComparison.Ordinal));
        var concern = s.Concern(c, 2, ConcernType.Withdrawal, "Has not come down for meals for two days and was heard pacing the corridor at night.", s.ApWorker, sign.Sign);
        concern.CarePlanId = plan.Id;
        concern.CarePlanSignKey = sign.Key;
        // Agreed at his latest consultation: his keyworker and the police unit each have something to do this week.
        s.ConsultationActions.Add((c.Id, "Keyworker session after each family phone call: note what helped", s.Ap2Worker, 2));
        s.ConsultationActions.Add((c.Id, "Check whether he has had contact with the former partner named in the licence", s.PoliceOfficer, 4));
        _ = referral;
        return c;
    }
}
