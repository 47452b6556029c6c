using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Cases;
using Pathway.Domain.Compliance;
using Pathway.Domain.Referrals;
using Pathway.Domain.Staff;

namespace Pathway.Data.Seeding;

/// <summary>
/// A believable synthetic service: two probation teams, an approved premises, a police PPU, a partner charity and the
/// PD service itself, staff in every role, and 60 invented people on probation's books. The demo tells one story, dated
/// back from the seed's clock: seven named personas (Personas/) each have their whole history in one file, and everyone
/// else's records follow from where they stand with their licence. Runs only on an empty database.
/// </summary>
public static class DemoSeed
{
    /// <summary>The one password for every demo account. Demo accounts exist only where the demo was seeded.</summary>
    public const string DemoPassword = "Pathway-Demo-2026!";

    public sealed record DemoAccount(string Email, string Name, StaffRole Role, string Team);

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin@pathway.example", "Alex Admin", StaffRole.Administrator, Service),
        new("clinical.lead@pathway.example", "Dr Priya Raman", StaffRole.ClinicalLead, Service),
        new("psychologist@pathway.example", "Dr Tom Ellery", StaffRole.Psychologist, Service),
        new("om.north@pathway.example", "Grace Obi", StaffRole.OffenderManager, North),
        new("om.south@pathway.example", "Ben Hartley", StaffRole.OffenderManager, South),
        new("om2.south@pathway.example", "Dana Kowalczyk", StaffRole.OffenderManager, South),
        new("spo.north@pathway.example", "Helen Marsh", StaffRole.SeniorProbationOfficer, North),
        new("spo2.north@pathway.example", "Ravi Patel", StaffRole.SeniorProbationOfficer, North),
        new("ppu@pathway.example", "DC Sam Fenwick", StaffRole.PublicProtectionOfficer, Police),
        new("ap@pathway.example", "Jo Whitcombe", StaffRole.ApprovedPremisesStaff, Premises),
        new("ap2@pathway.example", "Femi Adeyemi", StaffRole.ApprovedPremisesStaff, Premises),
        new("partner@pathway.example", "Rae Donnelly", StaffRole.PartnerAgency, Partner),
        new("training@pathway.example", "Chris Amadi", StaffRole.TrainingCoordinator, Service),
        new("manager@pathway.example", "Morgan Lyle", StaffRole.ServiceManager, Service),
        new("learner@pathway.example", "Kit Mensah", StaffRole.Learner, Partner),
    ];

    public const string Service = "Pathway Personality Disorder Service";
    public const string North = "Northfield Probation Delivery Unit";
    public const string South = "Southbridge Probation Delivery Unit";
    public const string Premises = "Riverside Approved Premises";
    public const string Police = "Eastshire Police Public Protection Unit";
    public const string Partner = "Harbour Wellbeing (charity)";

    public static async Task<bool> SeedAsync(PathwayDbContext db, UserManager<StaffUser> users, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.Cases.AnyAsync(ct) || await db.Users.AnyAsync(ct)) return false;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var teams = new Dictionary<string, Team>
        {
            [Service] = new() { Name = Service, Kind = TeamKind.Service, CreatedAt = now },
            [North] = new() { Name = North, Kind = TeamKind.Probation, CreatedAt = now },
            [South] = new() { Name = South, Kind = TeamKind.Probation, CreatedAt = now },
            [Premises] = new() { Name = Premises, Kind = TeamKind.ApprovedPremises, CreatedAt = now },
            [Police] = new() { Name = Police, Kind = TeamKind.Police, CreatedAt = now },
            [Partner] = new() { Name = Partner, Kind = TeamKind.Partner, CreatedAt = now },
        };
        db.Teams.AddRange(teams.Values);
        await db.SaveChangesAsync(ct);

        var staff = new Dictionary<string, StaffUser>();
        foreach (var a in Accounts)
        {
            var u = new StaffUser
            {
                UserName = a.Email, Email = a.Email, EmailConfirmed = true, DisplayName = a.Name,
                TeamId = a.Role == StaffRole.Administrator ? null : teams[a.Team].Id, IsDemoAccount = true, CreatedAt = now,
            };
            var created = await users.CreateAsync(u, DemoPassword);
            if (!created.Succeeded) throw new InvalidOperationException("Demo user could not be created: " + string.Join("; ", created.Errors.Select(e => e.Code)));
            await users.AddToRoleAsync(u, a.Role.ToString());
            staff[a.Email] = u;
        }

        var factory = new SyntheticCaseFactory(new Random(20261126), today) { CrnLetter = 'X' };
        var psychologist = staff["psychologist@pathway.example"];
        var omNorth = staff["om.north@pathway.example"];
        var omSouth = staff["om.south@pathway.example"];
        var cases = new List<CaseRecord>();
        for (var i = 0; i < 60; i++)
        {
            var north = i % 2 == 0;
            var c = factory.NextCase(north ? teams[North].Id : teams[South].Id, now);
            c.OffenderManagerId = north ? omNorth.Id : omSouth.Id;
            // Two in three are referred to the PD service (their stories say when); most of those are allocated to the psychologist.
            if (Referred(i))
            {
                // The draw that once dated the referral is kept so the generator still makes the same people.
                _ = factory.Pick([14, 30, 45, 60, 90, 120, 200, 300]);
                if (i % 4 != 3) c.PsychologistId = psychologist.Id;
            }
            // Every sixth person currently lives at the approved premises.
            // Their keyworker alternates between a worker who has completed the DBT-based training and one part-way through.
            if (i % 6 == 1)
            {
                c.ApprovedPremisesId = teams[Premises].Id;
                c.ApKeyworkerId = staff[i % 12 == 1 ? "ap2@pathway.example" : "ap@pathway.example"].Id;
            }
            // High and very-high RoSH cases with MAPPA are shared with the police PPU.
            if (c.RoshLevel >= RoshLevel.High && c.MappaCategory != MappaCategory.None)
                c.Shares.Add(new CaseShare { CaseId = c.Id, TeamId = teams[Police].Id, SharedAt = now });
            cases.Add(c);
        }
        // One limited-access case: only its named staff see it.
        var restricted = cases[Personas.NicolaHussain.Index];
        restricted.IsRestricted = true;
        restricted.NamedStaff.Add(new CaseNamedStaff { CaseId = restricted.Id, UserId = omNorth.Id });
        restricted.NamedStaff.Add(new CaseNamedStaff { CaseId = restricted.Id, UserId = psychologist.Id });
        restricted.NamedStaff.Add(new CaseNamedStaff { CaseId = restricted.Id, UserId = staff["clinical.lead@pathway.example"].Id });

        // Some Southbridge cases are with an offender manager who has not done the DBT-based training yet.
        DemoEvaluation.AllocateUntrained(cases, staff["om2.south@pathway.example"].Id);

        // Each named persona's whole history is in its own file (Personas/); everyone else's follows from their licence.
        var story = new Personas.DemoStory(db, cases, staff, today, now);
        var personas = new Dictionary<int, Func<Personas.DemoStory, CaseRecord>>
        {
            [Personas.KieranBegum.Index] = Personas.KieranBegum.Write,
            [Personas.DeclanKowalski.Index] = Personas.DeclanKowalski.Write,
            [Personas.PaulBrown.Index] = Personas.PaulBrown.Write,
            [Personas.NicolaHussain.Index] = Personas.NicolaHussain.Write,
            [Personas.LeeCampbell.Index] = Personas.LeeCampbell.Write,
            [Personas.AdamPatel.Index] = Personas.AdamPatel.Write,
            [Personas.WayneMorris.Index] = Personas.WayneMorris.Write,
        };
        var background = new Random(5);
        for (var i = 0; i < cases.Count; i++)
        {
            if (personas.TryGetValue(i, out var write)) write(story);
            else Personas.DemoBackground.Write(story, cases[i], i, Referred(i), background);
        }
        // Work waiting for someone on the rest of the caseload: an assessment to countersign, recall steps, emergency access to review.
        Personas.WaitingWork.Write(story, cases, personas.Keys.ToHashSet());
        // Earlier licences and OGRS3 scores, so the evaluation has a history to compare with.
        DemoEvaluation.AddHistory(cases, story);
        // A case was opened, and each licence recorded, in working hours before the person's first release on record.
        foreach (var (c, i) in cases.Select((c, i) => (c, i)))
        {
            c.CreatedAt = c.UpdatedAt = DemoTime.Working(c.Licences.Min(l => l.ReleaseDate).AddDays(-14), i);
            foreach (var l in c.Licences) l.CreatedAt = l.UpdatedAt = DemoTime.Working(l.ReleaseDate.AddDays(-7), i);
        }
        db.Cases.AddRange(cases);
        // Training is dated from a morning today (nothing is dated today itself), so its times fall in the working day.
        await TrainingDemoSeed.AddAsync(db, staff, DemoTime.At(today, 9, 20), ct);
        AddConsultations(db, staff, story, today);
        DemoEvaluation.AddScores(db, cases, psychologist.Id, today);
        var directory = SyntheticDirectory.AddDemo(db, teams[Partner].Id, staff["clinical.lead@pathway.example"].Id, today, now);
        // Signposting for people on licence now and for the last two months, so a referral's story never runs into custody.
        SyntheticDirectory.AddDemoReferrals(db, cases.Where(c => c.ReferredToServiceOn is not null && !c.IsRestricted
                && DemoTime.OnLicence(c, today) && DemoTime.OnLicence(c, today.AddDays(-60))).ToList(), directory,
            psychologist.Id, staff["partner@pathway.example"].Id, today, now);
        // Declan Kowalski (Southbridge, allocated to the psychologist): his case discussion is hidden from the Northfield OM and the partner.
        SyntheticCoordination.AddDemo(db, directory, staff, cases[Personas.DeclanKowalski.Index], today, now);
        db.AuditEvents.Add(AuditEntries.Create(now, null, null, AuditActions.Demo.Seed, "Service", null, null));
        await db.SaveChangesAsync(ct);

        // Screening where each story reached it: SAPAS and the OPD screen (one screened in by clinical override), and an
        // HCR-20 rating sheet on the first person screened.
        var screening = await SyntheticScreening.LoadAsync(db, new Random(20261127), ct);
        for (var i = 0; i < story.Screenings.Count; i++)
        {
            var (c, at) = story.Screenings[i];
            db.InstrumentResponses.Add(screening.Sapas(c, psychologist.Id, at));
            if (screening.OpdScreen(c, psychologist.Id, at.AddMinutes(40), forceOverride: i == 1) is { } opd) db.InstrumentResponses.Add(opd);
            if (i == 0) db.InstrumentResponses.Add(screening.Hcr20(c, staff["clinical.lead@pathway.example"].Id, at.AddDays(3)));
        }
        // The most recent person screened: the psychologist has started an HCR-20 rating sheet for them and not finished it.
        if (story.Screenings.Count > 0)
        {
            var (lastScreened, lastAt) = story.Screenings.MaxBy(x => x.At);
            var draft = screening.Hcr20(lastScreened, psychologist.Id, lastAt.AddMinutes(45));
            draft.Status = ResponseStatus.Draft;
            draft.CompletedAt = null;
            draft.CompletedById = null;
            draft.ResultJson = null;
            draft.Outcome = null;
            draft.UpdatedAt = draft.StartedAt;
            db.InstrumentResponses.Add(draft);
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static bool Referred(int index) => index % 3 != 2;

    /// <summary>
    /// A consultation for every referral that reached consultation and is still open, held the day it moved there, with
    /// an action for the referrer (the Northfield offender manager's first one is overdue; the others are due soon, or
    /// done once a care plan is being written) and any actions a persona's story gives others.
    /// </summary>
    private static void AddConsultations(PathwayDbContext db, Dictionary<string, StaffUser> staff, Personas.DemoStory story, DateOnly today)
    {
        var overdueGiven = false;
        var omNorth = staff["om.north@pathway.example"].Id;
        var i = 0;
        foreach (var r in db.Referrals.Local.Where(r => !r.Stage.IsTerminal() && r.Stage != PathwayStage.Referred).ToList())
        {
            i++;
            var c = db.Cases.Local.FirstOrDefault(x => x.Id == r.CaseId);
            var inCommunity = c is not null && DemoTime.OnLicence(c, today);
            var heldAt = Personas.DemoStory.Entered(r, PathwayStage.Consultation)!.Value;
            var held = DateOnly.FromDateTime(heldAt.UtcDateTime);
            var psychologist = r.AllocatedPsychologistId!.Value;
            var con = new Consultation
            {
                CaseId = r.CaseId, ReferralId = r.Id, HeldOn = held, RecordedById = psychologist, CreatedAt = heldAt.AddHours(1), UpdatedAt = heldAt.AddHours(1), Version = 1,
                Questions = r.Questions,
                Advice = "Name the feeling before the problem; keep appointments at the same time and place; agree one response across probation and the AP.",
                NextConsultationOn = inCommunity ? today.AddDays(14 + i % 20) : null,
            };
            con.Attendees.Add(new ConsultationAttendee { ConsultationId = con.Id, StaffUserId = psychologist, Role = AttendeeRole.Psychologist });
            con.Attendees.Add(new ConsultationAttendee { ConsultationId = con.Id, StaffUserId = r.ReferredById, Role = AttendeeRole.OffenderManager });
            if (c?.ApprovedPremisesId is not null)
                con.Attendees.Add(new ConsultationAttendee { ConsultationId = con.Id, Name = "Key worker", Role = AttendeeRole.ApprovedPremisesStaff, Details = "AP key worker" });
            // The Northfield offender manager's first consultation action is overdue; the others are due later or done.
            var done = r.Stage >= PathwayStage.CarePlan;
            var overdue = !overdueGiven && inCommunity && r.ReferredById == omNorth && !done;
            overdueGiven |= overdue;
            con.Actions.Add(new ConsultationAction
            {
                ConsultationId = con.Id, CaseId = r.CaseId, Description = overdue ? (c?.ApprovedPremisesId is null ? "Arrange a three-way meeting with the psychologist" : "Arrange a three-way meeting with the AP key worker")
                    : c?.ApprovedPremisesId is null ? "Share the agreed response with the duty team" : "Share the agreed response with the AP and PPU",
                OwnerId = r.ReferredById, DueOn = overdue ? today.AddDays(-5) : done ? held.AddDays(14) : today.AddDays(3 + i % 10),
                CreatedAt = con.CreatedAt, UpdatedAt = con.CreatedAt, Version = 1,
                CompletedAt = done ? DemoTime.Working(held.AddDays(10), i) : null, CompletedById = done ? r.ReferredById : null,
            });
            foreach (var (_, description, owner, due) in story.ConsultationActions.Where(a => a.CaseId == r.CaseId))
                con.Actions.Add(new ConsultationAction
                {
                    ConsultationId = con.Id, CaseId = r.CaseId, Description = description, OwnerId = owner, DueOn = today.AddDays(due),
                    CreatedAt = con.CreatedAt, UpdatedAt = con.CreatedAt, Version = 1,
                });
            db.Consultations.Add(con);
        }
    }
}
