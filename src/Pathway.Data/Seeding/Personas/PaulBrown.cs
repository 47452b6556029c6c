using Pathway.Data.Entities;
using Pathway.Domain.Compliance;
using Pathway.Domain.Licences;

namespace Pathway.Data.Seeding.Personas;

/// <summary>
/// Paul Brown (X000003, Northfield): on licence, not referred to the PD service. He lost his room after rent arrears,
/// stayed overnight at an address not approved (a first warning letter, under the residence condition), and smelled of alcohol
/// at an appointment: the offender manager may want to refer him.
/// </summary>
internal static class PaulBrown
{
    public const int Index = 2;

    public static CaseRecord Write(DemoStory s)
    {
        var rng = new Random(2002);
        var c = s.Person(Index, "Paul", "Brown");
        var licence = s.Licence(c, releasedDaysAgo: 240, sentenceMonths: 40, StandardConditionSets.PlainEnglish.Code);
        s.WeeklyContacts(c, rng, unacceptableShare: 0);
        s.Contact(c, 9, ContactKind.OfficeAppointment, ContactOutcome.Attended, null, s.OmNorth);
        s.Concern(c, 9, ConcernType.SubstanceUse, "Smelled strongly of alcohol at his office appointment and was slurring.", s.OmNorth);
        s.Concern(c, 6, ConcernType.LossOfAccommodation, "Given notice by the landlord after rent arrears; staying with a friend at an address not yet approved.", s.OmNorth);
        s.WarningLetter(c, licence, 5, WarningLevel.First, "You stayed overnight at an address that had not been approved.", s.OmNorth, DemoStory.ResidenceCondition(licence));
        return c;
    }
}
