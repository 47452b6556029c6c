using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Compliance;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;

namespace Pathway.Data.Seeding.Personas;

/// <summary>
/// Kieran Begum (X000001, Northfield): a long sentence, on licence for a year and a half; referred in the summer,
/// assessed and formulated; his first care plan was written over the last fortnight and signed by the psychologist
/// yesterday, and waits for his offender manager's countersignature. His sister says he has stopped answering the
/// phone, and he was out at two home visits: an early-warning signal.
/// </summary>
internal static class KieranBegum
{
    public const int Index = 0;

    public static CaseRecord Write(DemoStory s)
    {
        var rng = new Random(2000);
        var c = s.Person(Index, "Kieran", "Begum");
        s.Licence(c, releasedDaysAgo: 575, sentenceMonths: 72, StandardConditionSets.PlainEnglish.Code);
        s.Refer(c, rng, PathwayStage.CarePlan, [160, 150, 131, 112, 72, 12]);
        s.Screenings.Add((c, s.At(131, 3)));
        var assessment = DemoAssessments.Locked(s.Db, c, s.Psychologist, s.ClinicalLead, assessedOn: s.Day(105, weekday: true),
            startedAt: s.At(111), submittedAt: s.At(80), countersignedAt: s.At(75, 1), overrides: DemoAssessments.InTheCommunity, needs:
            [
                DemoAssessments.Need(NeedArea.EmotionalRegulation, NeedPriority.High, "Skills for shame and withdrawal"),
                DemoAssessments.Need(NeedArea.Relationships, NeedPriority.Medium, "Repair contact with his sister and mother"),
            ]);
        DemoCarePlans.Plan(s.Db, c, assessment, s.Psychologist, createdAt: s.At(10), signedAt: DemoTime.At(s.Day(1), 15, 40),
            review: s.Day(1).AddMonths(6), overrides: DemoCarePlans.InTheCommunity);

        s.WeeklyContacts(c, rng);
        foreach (var daysAgo in new[] { 18, 4 })
            s.Contact(c, daysAgo, ContactKind.HomeVisit, ContactOutcome.UnacceptableAbsence, "Not at the address; phone switched off", s.OmNorth);
        s.Concern(c, 3, ConcernType.Withdrawal, "Sister reports he has stopped answering the phone and has not left his room for days.", s.OmNorth,
            "Stops answering the phone and withdraws from family");
        return c;
    }
}
