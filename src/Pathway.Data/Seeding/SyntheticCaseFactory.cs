using Pathway.Data.Entities;
using Pathway.Domain.Cases;
using Pathway.Domain.Licences;

namespace Pathway.Data.Seeding;

/// <summary>
/// Invents people on licence with believable distributions. Every name, CRN, PNC number and address is synthetic:
/// names are drawn independently from common-name lists, addresses from invented streets, so no real person is described.
/// Deterministic for a given <see cref="Random"/> seed.
/// </summary>
public sealed class SyntheticCaseFactory(Random rng, DateOnly today)
{
    private static readonly string[] MaleNames = ["James", "Daniel", "Liam", "Connor", "Ryan", "Jamie", "Lee", "Craig", "Dean", "Mark", "Kyle", "Jordan", "Callum", "Mohammed", "Adam", "Kieran", "Nathan", "Aaron", "Shane", "Wayne", "Darren", "Jason", "Tyrone", "Marcus", "Dwayne", "Imran", "Tariq", "Bilal", "Piotr", "Tomasz", "Sean", "Declan", "Reece", "Lewis", "Scott", "Paul", "Stephen", "Gary", "Carl", "Ashley"];
    private static readonly string[] FemaleNames = ["Sarah", "Emma", "Kayleigh", "Chantelle", "Leanne", "Stacey", "Gemma", "Nicola", "Donna", "Michelle", "Aisha", "Jade", "Chloe", "Amy", "Lauren", "Kelly", "Natasha", "Roxanne", "Zoe", "Hayley"];
    private static readonly string[] FamilyNames = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Patel", "Khan", "Hussain", "Ali", "Begum", "Ahmed", "Okafor", "Mensah", "Campbell", "Francis", "Kowalski", "Nowak", "Murphy", "O'Brien", "Doherty", "Kelly", "Hughes", "Edwards", "Lewis", "Harris", "Martin", "Cooper", "Ward", "Morris", "Turner", "Hill", "Moore", "Clark", "Baker", "Harrison"];
    private static readonly string[] Streets = ["Alder Way", "Brook Terrace", "Canal Side", "Dovecote Lane", "Elm Grove", "Foundry Street", "Gasworks Road", "Hawthorn Close", "Ironbridge Walk", "Juniper Court", "Kiln Row", "Larch Avenue", "Millrace Drive", "Nettle Lane", "Orchard Rise", "Pinfold Street"];
    private static readonly string[] Towns = ["Northfield", "Southbridge", "Eastmoor", "Westhaven"];
    private static readonly string[] Offences = ["Assault occasioning actual bodily harm", "Wounding with intent", "Robbery", "Burglary (dwelling)", "Affray", "Possession of a bladed article", "Criminal damage (arson)", "Harassment", "Breach of a restraining order", "Supplying a controlled drug", "Threats to kill", "Controlling or coercive behaviour"];

    private static readonly string[] RecallReasons = ["Failed to keep in touch", "Failed to reside at approved address", "Non-compliance with licence conditions", "Further charge", "Drug or alcohol use linked to risk", "Contact with a victim contrary to conditions"];

    private static readonly (AdditionalConditionCategory Category, string Text)[] ConditionTemplates =
    [
        (AdditionalConditionCategory.Residence, "Reside at the address approved by the supervising officer and be there between 9pm and 7am unless otherwise agreed."),
        (AdditionalConditionCategory.NoContact, "Not to approach or communicate with the named victim without the prior approval of the supervising officer."),
        (AdditionalConditionCategory.Participation, "Attend all appointments arranged with the personality disorder service and co-operate with its work."),
        (AdditionalConditionCategory.Participation, "Attend and engage with a substance misuse service as directed."),
        (AdditionalConditionCategory.RestrictionOfActivities, "Not to undertake work or organised activity involving people under 18 without approval."),
        (AdditionalConditionCategory.Curfew, "Confine yourself to the approved address between 8pm and 6am daily."),
        (AdditionalConditionCategory.ProhibitedItems, "Not to possess any knife or bladed article unless in the home for food preparation."),
        (AdditionalConditionCategory.DisclosureOfInformation, "Disclose details of any developing intimate relationship to the supervising officer."),
        (AdditionalConditionCategory.ExclusionZone, "Not to enter the exclusion zone shown on the attached map without approval."),
        (AdditionalConditionCategory.Monitoring, "Wear an electronic monitoring tag and allow it to be installed, checked and repaired."),
    ];

    private int _crnCounter;

    /// <summary>CRNs are drawn from one letter per run so generated data never collides with demo data.</summary>
    public char CrnLetter { get; init; } = 'D';

    public T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private T Weighted<T>(params (T Value, int Weight)[] options)
    {
        var total = options.Sum(o => o.Weight);
        var x = rng.Next(total);
        foreach (var (value, weight) in options)
        {
            if (x < weight) return value;
            x -= weight;
        }
        return options[^1].Value;
    }

    public string NextCrn() => $"{CrnLetter}{++_crnCounter:000000}";

    public CaseRecord NextCase(Guid teamId, DateTimeOffset now)
    {
        // Women are about 4% of people on licence; the PD service sees somewhat more.
        var gender = Weighted((Gender.Male, 90), (Gender.Female, 9), (Gender.NonBinary, 1));
        var given = gender == Gender.Female ? Pick(FemaleNames) : Pick(MaleNames);
        var age = 18 + (int)Math.Round(Math.Abs(NextGaussian() * 11) + rng.Next(0, 12));
        age = Math.Min(age, 75);
        var dob = today.AddYears(-age).AddDays(-rng.Next(0, 365));
        var rosh = Weighted((RoshLevel.Low, 8), (RoshLevel.Medium, 42), (RoshLevel.High, 44), (RoshLevel.VeryHigh, 6));
        var category = Weighted((MappaCategory.None, 45), (MappaCategory.Category1, 12), (MappaCategory.Category2, 38), (MappaCategory.Category3, 4), (MappaCategory.Category4, 1));
        var level = category == MappaCategory.None ? MappaLevel.None : Weighted((MappaLevel.Level1, 80), (MappaLevel.Level2, 17), (MappaLevel.Level3, 3));
        var flags = RiskFlag.None;
        if (rng.NextDouble() < 0.35) flags |= RiskFlag.SelfHarm;
        if (rng.NextDouble() < 0.30) flags |= RiskFlag.DomesticAbuse;
        if (rng.NextDouble() < 0.15) flags |= RiskFlag.ChildConcerns;
        if (rng.NextDouble() < 0.20) flags |= RiskFlag.Weapons;
        if (rng.NextDouble() < 0.04) flags |= RiskFlag.Arson;
        if (rng.NextDouble() < 0.10) flags |= RiskFlag.RiskToStaff;
        if (category == MappaCategory.Category1) flags |= RiskFlag.SexualOffending;

        var year = rng.Next(1995, Math.Max(1996, today.Year - 1));
        var serial = rng.Next(1, 9_999_999);
        var c = new CaseRecord
        {
            Crn = NextCrn(),
            PncNumber = rng.NextDouble() < 0.95 ? PncNumber.Format(year, serial) : null,
            GivenName = given,
            FamilyName = Pick(FamilyNames),
            DateOfBirth = dob,
            Gender = gender,
            Ethnicity = Weighted(
                (Ethnicity.WhiteBritish, 70), (Ethnicity.WhiteOther, 5), (Ethnicity.WhiteIrish, 1), (Ethnicity.WhiteGypsyOrIrishTraveller, 1),
                (Ethnicity.BlackCaribbean, 4), (Ethnicity.BlackAfrican, 3), (Ethnicity.BlackOther, 1),
                (Ethnicity.AsianPakistani, 3), (Ethnicity.AsianIndian, 1), (Ethnicity.AsianBangladeshi, 1), (Ethnicity.AsianOther, 1),
                (Ethnicity.MixedWhiteAndBlackCaribbean, 3), (Ethnicity.MixedOther, 1), (Ethnicity.OtherAny, 1), (Ethnicity.NotStated, 4)),
            AddressLine1 = $"{rng.Next(1, 180)} {Pick(Streets)}",
            TownOrCity = Pick(Towns),
            Postcode = $"ZZ{rng.Next(1, 99)} {rng.Next(1, 9)}{(char)('A' + rng.Next(26))}{(char)('A' + rng.Next(26))}",
            RoshLevel = rosh,
            // From the date of birth, not another draw, so every other generated value stays as it was: most are registered.
            RegisteredWithGp = (dob.Day % 10) switch { 0 => false, 1 => null, _ => true },
            MappaCategory = category,
            MappaLevel = level,
            Flags = flags,
            TeamId = teamId,
            CreatedAt = now,
        };
        c.RefreshSearchColumns();
        AddLicenceHistory(c, now);
        return c;
    }

    private void AddLicenceHistory(CaseRecord c, DateTimeOffset now)
    {
        // Most people have one licence period; some have an earlier, completed one.
        var periods = Weighted((1, 75), (2, 20), (3, 5));
        var release = today.AddDays(-rng.Next(20, 900));
        DateOnly? mustEndBefore = null;
        for (var i = 0; i < periods; i++)
        {
            var months = Weighted((8, 10), (18, 25), (30, 25), (48, 20), (72, 15), (120, 5));
            var type = Weighted((SentenceType.StandardDeterminate, 78), (SentenceType.ExtendedDeterminate, 14), (SentenceType.SpecialCustodialSentenceForOffendersOfParticularConcern, 2), (SentenceType.Life, 3), (SentenceType.ImprisonmentForPublicProtection, 3));
            var indeterminate = SentenceTypes.IsIndeterminate(type);
            var licenceMonths = indeterminate ? 120 : Math.Max(6, months / 2);
            if (mustEndBefore is { } end) release = end.AddMonths(-licenceMonths).AddDays(-rng.Next(30, 700));
            var led = release.AddMonths(licenceMonths);
            var licence = new Licence
            {
                CaseId = c.Id,
                SentenceType = type,
                SentenceLengthMonths = indeterminate ? null : months,
                IndexOffence = Pick(Offences),
                ReleaseDate = release,
                LicenceExpiryDate = led,
                SentenceExpiryDate = indeterminate ? null : led,
                TopUpSupervisionEndDate = !indeterminate && months < 24 ? led.AddMonths(12) : null,
                StandardConditionSetCode = release.Year >= 2024 && rng.NextDouble() < 0.5 ? StandardConditionSets.PlainEnglish.Code : StandardConditionSets.Lco2015.Code,
                CreatedAt = now,
            };
            var conditions = rng.Next(1, 6);
            foreach (var t in Enumerable.Range(0, conditions).Select(_ => Pick(ConditionTemplates)).Distinct())
                licence.AdditionalConditions.Add(new AdditionalCondition { LicenceId = licence.Id, Category = t.Category, Text = t.Text, CreatedAt = now });

            // About a third of people on licence with PD are recalled at some point.
            var lastDay = led < today ? led : today;
            if (rng.NextDouble() < 0.33 && lastDay.DayNumber - release.DayNumber > 30)
            {
                var recallDate = release.AddDays(rng.Next(14, lastDay.DayNumber - release.DayNumber));
                var fixedTerm = months < 48 && c.MappaLevel is MappaLevel.None or MappaLevel.Level1 && rng.NextDouble() < 0.6;
                var rtc = recallDate.AddDays(rng.Next(0, 10));
                var recall = new Recall
                {
                    LicenceId = licence.Id,
                    CaseId = c.Id,
                    RecallDate = recallDate,
                    Type = fixedTerm ? (months < 12 ? RecallType.FixedTerm14Day : RecallType.FixedTerm28Day) : RecallType.Standard,
                    Reason = Pick(RecallReasons),
                    ReturnToCustodyDate = rtc <= today ? rtc : null,
                    CreatedAt = now,
                };
                if (fixedTerm && recall.ReturnToCustodyDate is { } r)
                {
                    var rr = r.AddDays(recall.Type == RecallType.FixedTerm14Day ? 14 : 28);
                    if (rr <= today) recall.ReReleaseDate = rr;
                }
                licence.Recalls.Add(recall);
            }
            c.Licences.Add(licence);
            // Any earlier period ended before this one's release (and before its top-up supervision).
            mustEndBefore = release;
        }
    }

    private double NextGaussian()
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
