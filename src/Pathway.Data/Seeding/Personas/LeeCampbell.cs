using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Compliance;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;

namespace Pathway.Data.Seeding.Personas;

/// <summary>
/// Lee Campbell (X000007, Northfield): on licence until next year, in his own flat, on the pathway with an active care
/// plan whose review is due in five days. In the last fortnight: a missed appointment and a first warning letter, eviction
/// after a row with his landlord, and a second missed appointment — the early-warning signal the recall walkthrough
/// starts from. Nobody has started considering recall yet: the offender manager does that in the walkthrough, and can,
/// because his licence is current.
/// </summary>
internal static class LeeCampbell
{
    public const int Index = 6;

    public static CaseRecord Write(DemoStory s)
    {
        var rng = new Random(2006);
        var c = s.Person(Index, "Lee", "Campbell");
        // A four-year sentence: released at the halfway point, on licence for two years, no top-up supervision.
        var licence = s.Licence(c, releasedDaysAgo: 300, sentenceMonths: 48, StandardConditionSets.PlainEnglish.Code);

        s.Refer(c, rng, PathwayStage.CarePlan, [320, 302, 285, 265, 236, 215]);
        s.Screenings.Add((c, s.At(285, 3)));
        var assessment = DemoAssessments.Locked(s.Db, c, s.Psychologist, s.ClinicalLead, assessedOn: s.Day(262, weekday: true),
            startedAt: s.At(264), submittedAt: s.At(240), countersignedAt: s.At(236, 1), overrides: DemoAssessments.InTheCommunity, needs:
            [
                DemoAssessments.Need(NeedArea.EmotionalRegulation, NeedPriority.High, "Skills for intense anger and shame"),
                DemoAssessments.Need(NeedArea.Accommodation, NeedPriority.Medium, "Keep his tenancy: rent arrears advice"),
                DemoAssessments.Need(NeedArea.SubstanceUse, NeedPriority.Medium, "Alcohol use when distressed; open to community alcohol service"),
            ]);
        DemoCarePlans.Plan(s.Db, c, assessment, s.Psychologist, createdAt: s.At(225), signedAt: s.At(212), countersignedBy: s.OmNorth,
            countersignedAt: s.At(210, 1), review: s.Today.AddDays(5), overrides: DemoCarePlans.InTheCommunity, goalAchievedAt: s.At(150));

        // Weekly contacts, kept, until a fortnight ago; then the signal.
        s.WeeklyContacts(c, rng, lastDaysAgo: 15, unacceptableShare: 0);
        s.Contact(c, 12, ContactKind.OfficeAppointment, ContactOutcome.UnacceptableAbsence, "Did not attend; no contact since", s.OmNorth);
        s.WarningLetter(c, licence, 11, WarningLevel.First, "You did not come to your appointment at the probation office and did not tell us why.", s.OmNorth, 3);
        s.Concern(c, 8, Domain.Compliance.ConcernType.LossOfAccommodation, "Evicted from his flat after a row with the landlord; sofa-surfing.", s.OmNorth);
        s.Contact(c, 5, ContactKind.OfficeAppointment, ContactOutcome.UnacceptableAbsence, "Did not attend; no contact since", s.OmNorth);
        s.ConsultationActions.Add((c.Id, "Management oversight: agree the response to the missed appointments and the eviction", s.SpoNorth, 1));
        s.Db.Contacts.Add(new Contact
        {
            CaseId = c.Id, Date = DemoTime.Weekday(s.Today.AddDays(3)), Kind = ContactKind.OfficeAppointment, Outcome = ContactOutcome.Pending,
            RecordedById = s.OmNorth, CreatedAt = s.At(5, 9), UpdatedAt = s.At(5, 9), Version = 1,
        });
        return c;
    }
}
