using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Cases;
using Pathway.Domain.Signposting;

namespace Pathway.Data.Seeding;

/// <summary>
/// The service directory for the demo and for national-scale generation. Every organisation is invented; areas use the
/// fictional postcode area <c>ZZ</c> that synthetic people live in, so matching has real work to do.
/// </summary>
public static class SyntheticDirectory
{
    /// <summary>The demo's local directory: one organisation per sector, with rules that include and exclude demo people.</summary>
    public static IReadOnlyList<DirectoryService> AddDemo(PathwayDbContext db, Guid partnerTeamId, Guid verifiedBy, DateOnly today, DateTimeOffset now)
    {
        var added = new List<DirectoryService>();
        DirectoryOrganisation Org(string name, Sector sector, Guid? partner = null)
        {
            var o = new DirectoryOrganisation { Name = name, Sector = sector, Website = null, PartnerTeamId = partner, CreatedAt = now };
            db.DirectoryOrganisations.Add(o);
            return o;
        }
        void Service(DirectoryOrganisation o, string name, string description, NeedArea[] needs, string route, int? wait, int verifiedMonthsAgo,
            Action<DirectoryService>? rules = null)
        {
            var s = new DirectoryService
            {
                OrganisationId = o.Id, Name = name, Description = description, NeedsMet = needs.ToList(), ReferralRoute = route,
                Contact = "Intake team, 0300 000 0000 (fictional)", WaitingWeeks = wait, OpenToReferrals = true,
                LastVerifiedOn = today.AddMonths(-verifiedMonthsAgo), LastVerifiedById = verifiedBy, CreatedAt = now,
            };
            rules?.Invoke(s);
            db.DirectoryServices.Add(s);
            added.Add(s);
        }

        var harbour = Org("Harbour Wellbeing", Sector.VoluntaryAndCommunity, partnerTeamId);
        Service(harbour, "Emotional wellbeing group", "A weekly skills group for adults who struggle with strong feelings, run by trained peer workers.",
            [NeedArea.EmotionalRegulation, NeedArea.Relationships], "Referral form by secure email to the intake team.", 3, 1,
            s => { s.MinimumAge = 18; s.RoshCeiling = RoshLevel.High; s.Exclusions = RiskFlag.RiskToStaff; });
        Service(harbour, "Women's wellbeing circle", "A women-only drop-in with one-to-one support.",
            [NeedArea.EmotionalRegulation, NeedArea.MentalHealth], "Self-referral by phone, or referral form.", 1, 2,
            s => { s.Genders = [Gender.Female]; s.MinimumAge = 18; });

        var housing = Org("Zedshire Housing Advice", Sector.Housing);
        Service(housing, "Supported lodgings", "Shared supported housing with a key worker.", [NeedArea.Accommodation],
            "Referral by the offender manager through the local authority housing portal.", 8, 3,
            s => { s.AreasServed = ["ZZ"]; s.AreasExcluded = ["ZZ90"]; s.RoshCeiling = RoshLevel.Medium; s.Exclusions = RiskFlag.Arson | RiskFlag.SexualOffending; });

        var recovery = Org("Riverside Recovery Partnership", Sector.SubstanceMisuse);
        Service(recovery, "Drug and alcohol key work", "Assessment, prescribing and key work.", [NeedArea.SubstanceUse],
            "Self-referral at the open-access clinic, or referral form.", 0, 4);

        var cmht = Org("Zedshire Mental Health NHS Trust", Sector.SecondaryCare);
        Service(cmht, "Community mental health team", "Assessment and care co-ordination for adults with severe mental illness or personality disorder.",
            [NeedArea.MentalHealth, NeedArea.EmotionalRegulation], "Referral from the person's GP.", 12, 5,
            s => { s.RequiresGpRegistration = true; s.MinimumAge = 18; s.AreasServed = ["ZZ"]; });

        var gp = Org("Canal Street Medical Practice", Sector.PrimaryCare);
        Service(gp, "Practice wellbeing service", "Social prescribing and physical health checks for registered patients.",
            [NeedArea.PhysicalHealth, NeedArea.MentalHealth], "Registered patients ask at reception.", 2, 8,
            s => { s.RequiresGpRegistration = true; s.AreasServed = ["ZZ1", "ZZ2", "ZZ3", "ZZ4", "ZZ5"]; });

        var work = Org("Next Steps Employment Trust", Sector.Employment);
        Service(work, "Work and training coaching", "One-to-one coaching towards work, training and volunteering.",
            [NeedArea.EmploymentAndTraining, NeedArea.Finance], "Referral form by email.", 2, 9);

        var money = Org("Zedshire Money Advice", Sector.LocalAuthority);
        Service(money, "Debt and benefits advice", "Debt advice and benefit checks.", [NeedArea.Finance],
            "Phone the advice line.", null, 2, s => s.OpenToReferrals = false);
        return added;
    }

    /// <summary>
    /// Demo signposting: referrals at each stage, each to a service whose rules take the person (checked with the same
    /// matching rules staff use), one left unanswered past the 10-working-day reminder, one sent to the partner charity
    /// this week for it to accept or decline, and an unmet need. Each step is recorded on its day in working hours.
    /// </summary>
    public static void AddDemoReferrals(PathwayDbContext db, IReadOnlyList<CaseRecord> referred, IReadOnlyList<DirectoryService> services,
        Guid byId, Guid partnerUserId, DateOnly today, DateTimeOffset now)
    {
        var plan = new (string Service, NeedArea Need, SignpostingReferralStatus Status, int DaysAgo)[]
        {
            ("Emotional wellbeing group", NeedArea.EmotionalRegulation, SignpostingReferralStatus.FirstAttended, 40),
            ("Drug and alcohol key work", NeedArea.SubstanceUse, SignpostingReferralStatus.Accepted, 12),
            ("Supported lodgings", NeedArea.Accommodation, SignpostingReferralStatus.Referred, 21),
            ("Work and training coaching", NeedArea.EmploymentAndTraining, SignpostingReferralStatus.Referred, 3),
            ("Emotional wellbeing group", NeedArea.Relationships, SignpostingReferralStatus.Declined, 30),
            ("Emotional wellbeing group", NeedArea.EmotionalRegulation, SignpostingReferralStatus.Referred, 2),
        };
        var used = new HashSet<Guid>();
        foreach (var (name, need, status, daysAgo) in plan)
        {
            var service = services.First(s => s.Name == name);
            var person = referred.FirstOrDefault(c => !used.Contains(c.Id) && Domain.Signposting.Matching.Assess(
                new PersonFacts(c.Gender, c.DateOfBirth, c.Postcode, c.RoshLevel, c.Flags, c.RegisteredWithGp), service.ToListing(), need, today).Eligible);
            if (person is null) continue;
            used.Add(person.Id);
            var sent = today.AddDays(-daysAgo);
            var r = new SignpostingReferral
            {
                CaseId = person.Id, ServiceId = service.Id, Need = need, ReasonForReferral = $"{person.GivenName} would like support with {Domain.Assessments.AssessmentNames.DisplayName(need).ToLowerInvariant()} and has agreed to this referral.",
                StaffSafetySummary = "Meet in the service's building, not at home.", ContactRoute = "Through their offender manager", PersonConsented = true,
                Status = SignpostingReferralStatus.Referred, StatusOn = sent, ReferredOn = sent, CreatedById = byId, CreatedAt = DemoTime.Working(sent, 1),
            };
            r.Events.Add(new SignpostingReferralEvent { ReferralId = r.Id, To = SignpostingReferralStatus.Referred, On = sent, ById = byId, RecordedAt = DemoTime.Working(sent, 1) });
            void Move(SignpostingReferralStatus to, DateOnly on, string? reason = null)
            {
                r.Events.Add(new SignpostingReferralEvent { ReferralId = r.Id, From = r.Status, To = to, On = on, ById = partnerUserId, ByPartner = true, Reason = reason, RecordedAt = DemoTime.Working(on, 2) });
                r.Status = to;
                r.StatusOn = on;
                if (to == SignpostingReferralStatus.FirstAttended) r.FirstAttendedOn = on;
            }
            if (status is SignpostingReferralStatus.Accepted or SignpostingReferralStatus.FirstAttended) Move(SignpostingReferralStatus.Accepted, sent.AddDays(4));
            if (status == SignpostingReferralStatus.FirstAttended) Move(SignpostingReferralStatus.FirstAttended, sent.AddDays(16));
            if (status == SignpostingReferralStatus.Declined) Move(SignpostingReferralStatus.Declined, sent.AddDays(6), "The group is full until the spring; please refer again then.");
            db.SignpostingReferrals.Add(r);
        }
        if (referred.FirstOrDefault(c => !used.Contains(c.Id)) is { } unmet)
            db.UnmetNeeds.Add(new UnmetNeed { CaseId = unmet.Id, Need = NeedArea.Finance, District = PostcodeAreas.DistrictOf(unmet.Postcode), RecordedOn = today.AddDays(-9), RecordedById = byId });
    }

    /// <summary>About one organisation per 300 people, each with one to three services; a tenth not checked for a year.</summary>
    public static void Generate(PathwayDbContext db, Random rng, int people, string run, DateOnly today, DateTimeOffset now)
    {
        var needs = Enum.GetValues<NeedArea>();
        var sectors = Enum.GetValues<Sector>();
        for (var i = 0; i < Math.Max(5, people / 300); i++)
        {
            var org = new DirectoryOrganisation { Name = $"{run} Organisation {i + 1:0000}", Sector = sectors[rng.Next(sectors.Length)], CreatedAt = now };
            db.DirectoryOrganisations.Add(org);
            for (var j = 0; j < 1 + rng.Next(3); j++)
            {
                var s = new DirectoryService
                {
                    OrganisationId = org.Id, Name = $"Service {j + 1}", ReferralRoute = "Referral form",
                    NeedsMet = needs.OrderBy(_ => rng.Next()).Take(1 + rng.Next(3)).Order().ToList(),
                    WaitingWeeks = rng.NextDouble() < 0.2 ? null : rng.Next(0, 16),
                    OpenToReferrals = rng.NextDouble() > 0.1,
                    LastVerifiedOn = today.AddDays(-rng.Next(rng.NextDouble() < 0.1 ? 400 : 170)),
                    CreatedAt = now,
                };
                if (rng.NextDouble() < 0.3) s.AreasServed = [$"ZZ{rng.Next(1, 99)}"];
                if (rng.NextDouble() < 0.2) s.Genders = [rng.NextDouble() < 0.5 ? Gender.Female : Gender.Male];
                if (rng.NextDouble() < 0.3) s.MinimumAge = 18;
                if (rng.NextDouble() < 0.3) s.RoshCeiling = (RoshLevel)rng.Next(0, 3);
                if (rng.NextDouble() < 0.2) s.Exclusions = RiskFlag.Arson;
                if (rng.NextDouble() < 0.2) s.RequiresGpRegistration = true;
                db.DirectoryServices.Add(s);
            }
        }
    }
}
