using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;

namespace Pathway.Data.Seeding.Personas;

/// <summary>
/// Nicola Hussain (X000005, Northfield, limited access: only her offender manager, the psychologist and the clinical lead
/// may see her): released three months ago, referred, screened, and her assessment is in draft.
/// </summary>
internal static class NicolaHussain
{
    public const int Index = 4;

    public static CaseRecord Write(DemoStory s)
    {
        var rng = new Random(2004);
        var c = s.Person(Index, "Nicola", "Hussain");
        s.Licence(c, releasedDaysAgo: 100, sentenceMonths: 48, StandardConditionSets.PlainEnglish.Code);
        s.Refer(c, rng, PathwayStage.Assessment, [45, 38, 25, 6]);
        s.Screenings.Add((c, s.At(25, 3)));
        DemoAssessments.Draft(s.Db, c, s.Psychologist, s.Day(3, weekday: true), s.At(3, 2));
        s.WeeklyContacts(c, rng, unacceptableShare: 0);
        // Her record is limited to named staff: the clinical lead reviews who needs to be named now she is being assessed.
        s.ConsultationActions.Add((c.Id, "Review who needs to be named on her limited-access record", s.ClinicalLead, 5));
        return c;
    }
}
