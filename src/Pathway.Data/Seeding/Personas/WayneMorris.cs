using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;

namespace Pathway.Data.Seeding.Personas;

/// <summary>
/// Wayne Morris (X000026, Southbridge): released two months ago to the approved premises, referred soon after, and
/// assessed: the assessment was countersigned a week ago and the referral moved to formulation. No care plan yet — the
/// walkthrough "write a plan from a formulation" starts here.
/// </summary>
internal static class WayneMorris
{
    public const int Index = 25;

    public static CaseRecord Write(DemoStory s)
    {
        var rng = new Random(2025);
        var c = s.Person(Index, "Wayne", "Morris");
        s.Licence(c, releasedDaysAgo: 62, sentenceMonths: 30, StandardConditionSets.PlainEnglish.Code);
        s.Refer(c, rng, PathwayStage.Formulation, [52, 45, 33, 21, 6]);
        s.Screenings.Add((c, s.At(33, 3)));
        DemoAssessments.Locked(s.Db, c, s.Psychologist, s.ClinicalLead, assessedOn: s.Day(12, weekday: true),
            startedAt: s.At(20), submittedAt: s.At(9), countersignedAt: s.At(7, 1), overrides: DemoAssessments.EndingsFormulation, needs:
            [
                DemoAssessments.Need(NeedArea.EmotionalRegulation, NeedPriority.High, "Distress tolerance for endings and nights alone"),
                DemoAssessments.Need(NeedArea.Relationships, NeedPriority.High, "Planned, talked-through endings with workers"),
                DemoAssessments.Need(NeedArea.EmploymentAndTraining, NeedPriority.Medium, "Catering course when settled"),
            ]);
        s.WeeklyContacts(c, rng, unacceptableShare: 0);
        return c;
    }
}
