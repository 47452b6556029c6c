using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Cases;
using Pathway.Domain.Referrals;
using Pathway.Domain.Compliance;
using Pathway.Domain.Staff;

namespace Pathway.Data.Seeding;

/// <summary>
/// A believable synthetic service: two probation teams, an approved premises, a police PPU, a partner charity and the
/// PD service itself, staff in every role, and about 60 invented people on licence. Runs only on an empty database.
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
            // Two in three have been referred to the PD service; most of those are allocated to the psychologist.
            if (i % 3 != 2)
            {
                c.ReferredToServiceOn = today.AddDays(-factory.Pick([14, 30, 45, 60, 90, 120, 200, 300]));
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
        var restricted = cases[4];
        restricted.IsRestricted = true;
        restricted.NamedStaff.Add(new CaseNamedStaff { CaseId = restricted.Id, UserId = omNorth.Id });
        restricted.NamedStaff.Add(new CaseNamedStaff { CaseId = restricted.Id, UserId = psychologist.Id });
        restricted.NamedStaff.Add(new CaseNamedStaff { CaseId = restricted.Id, UserId = staff["clinical.lead@pathway.example"].Id });

        // Some Southbridge cases are with an offender manager who has not done the DBT-based training yet.
        DemoEvaluation.AllocateUntrained(cases, staff["om2.south@pathway.example"].Id);
        db.Cases.AddRange(cases);
        await TrainingDemoSeed.AddAsync(db, staff, now, ct);
        AddReferrals(db, cases, staff, now);
        AddCompliance(db, cases, staff, today, now);
        DemoCarePlans.Add(db, cases[1], cases[0], cases[6], psychologist.Id, omSouth.Id, now);
        DemoComplianceTimeline.Add(db, cases[1], cases[1].OffenderManagerId ?? omSouth.Id, staff["ap@pathway.example"].Id, today, now);
        // cases[6] (Northfield, on the pathway, active care plan) gets a signal to consider recall on; cases[10] a fixed-term recall.
        DemoRecall.Add(db, cases[6], cases[10], omNorth.Id, staff["spo.north@pathway.example"].Id, staff["spo2.north@pathway.example"].Id, psychologist.Id, today, now);
        DemoAssessments.Add(db, cases[1], cases[4], psychologist.Id, staff["clinical.lead@pathway.example"].Id, now);
        // cases[25] (an approved-premises resident, allocated to the psychologist) has a locked formulation and no care
        // plan yet: the demo of writing a plan from a formulation, countersigning it and working from it.
        DemoAssessments.AddReadyForCarePlan(db, cases[25], psychologist.Id, staff["clinical.lead@pathway.example"].Id, now);
        // Earlier licences and OGRS3 scores, so the evaluation has a history to compare with.
        DemoEvaluation.Add(db, cases, psychologist.Id, today, now);
        var directory = SyntheticDirectory.AddDemo(db, teams[Partner].Id, staff["clinical.lead@pathway.example"].Id, today, now);
        SyntheticDirectory.AddDemoReferrals(db, cases.Where(c => c.ReferredToServiceOn is not null && !c.IsRestricted).ToList(), directory,
            psychologist.Id, staff["partner@pathway.example"].Id, today, now);
        // cases[1] (Southbridge, allocated to the psychologist): its case discussion is hidden from the Northfield OM and the partner.
        SyntheticCoordination.AddDemo(db, directory, staff, cases[1], today, now);
        db.AuditEvents.Add(AuditEntries.Create(now, null, null, "demo.seed", "Service", null, null));
        await db.SaveChangesAsync(ct);

        // Screening on most referred people: SAPAS and the OPD screen (one screened in by clinical override), and an
        // HCR-20 rating sheet on the first referred person.
        var screening = await SyntheticScreening.LoadAsync(db, new Random(20261127), ct);
        var referred = cases.Where(c => c.ReferredToServiceOn is not null).ToList();
        for (var i = 0; i < referred.Count; i++)
        {
            if (i % 4 == 3) continue;
            var c = referred[i];
            var at = now.AddDays(-Math.Max(1, today.DayNumber - c.ReferredToServiceOn!.Value.DayNumber - 7));
            db.InstrumentResponses.Add(screening.Sapas(c, psychologist.Id, at));
            if (screening.OpdScreen(c, psychologist.Id, at.AddMinutes(40), forceOverride: i == 1) is { } opd) db.InstrumentResponses.Add(opd);
            if (i == 0) db.InstrumentResponses.Add(screening.Hcr20(c, staff["clinical.lead@pathway.example"].Id, at.AddDays(3)));
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Referrals for the referred cases, at every stage: new ones waiting unallocated in the queue, some in consultation
    /// with recorded consultations, and one action owned by the Northfield offender manager that is overdue.
    /// </summary>
    private static void AddReferrals(PathwayDbContext db, List<CaseRecord> cases, Dictionary<string, StaffUser> staff, DateTimeOffset now)
    {
        var rng = new Random(20261127);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var lead = staff["clinical.lead@pathway.example"];
        PathwayStage[] stages =
        [
            PathwayStage.Referred, PathwayStage.Consultation, PathwayStage.Referred, PathwayStage.Screening, PathwayStage.Assessment,
            PathwayStage.Consultation, PathwayStage.Formulation, PathwayStage.CarePlan, PathwayStage.Review, PathwayStage.Closed,
            PathwayStage.NotSuitable, PathwayStage.Withdrawn,
        ];
        var referred = cases.Where(c => c.ReferredToServiceOn is not null).ToList();
        var overdueGiven = false;
        for (var i = 0; i < referred.Count; i++)
        {
            var c = referred[i];
            var stage = stages[i % stages.Length];
            var referrer = c.OffenderManagerId ?? lead.Id;
            var referredAt = new DateTimeOffset(c.ReferredToServiceOn!.Value.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
            // Newly referred cases wait in the queue unallocated.
            Guid? psychologist = stage == PathwayStage.Referred ? null : c.PsychologistId ?? lead.Id;
            if (stage == PathwayStage.Referred) c.PsychologistId = null;
            var r = SyntheticReferrals.Make(rng, c, referrer, psychologist, referredAt, stage, now);
            db.Referrals.Add(r);
            if (stage is PathwayStage.Referred or PathwayStage.NotSuitable or PathwayStage.Withdrawn) continue;

            var held = DateOnly.FromDateTime(r.StageChanges[Math.Min(1, r.StageChanges.Count - 1)].At.UtcDateTime);
            if (held > today) held = today;
            var con = new Consultation
            {
                CaseId = c.Id, ReferralId = r.Id, HeldOn = held, RecordedById = psychologist!.Value, CreatedAt = now, UpdatedAt = now, Version = 1,
                Questions = r.Questions,
                Advice = "Name the feeling before the problem; keep appointments at the same time and place; agree one response across probation and the AP.",
                NextConsultationOn = stage == PathwayStage.Closed ? null : today.AddDays(14 + i % 20),
            };
            con.Attendees.Add(new ConsultationAttendee { ConsultationId = con.Id, StaffUserId = psychologist, Role = AttendeeRole.Psychologist });
            con.Attendees.Add(new ConsultationAttendee { ConsultationId = con.Id, StaffUserId = referrer, Role = AttendeeRole.OffenderManager });
            if (c.ApprovedPremisesId is not null)
                con.Attendees.Add(new ConsultationAttendee { ConsultationId = con.Id, Name = "Key worker", Role = AttendeeRole.ApprovedPremisesStaff, Details = "AP key worker" });
            // The Northfield offender manager's first consultation action is overdue; the others are due later or done.
            var overdue = !overdueGiven && referrer == staff["om.north@pathway.example"].Id && stage == PathwayStage.Consultation;
            overdueGiven |= overdue;
            con.Actions.Add(new ConsultationAction
            {
                ConsultationId = con.Id, CaseId = c.Id, Description = overdue ? "Arrange a three-way meeting with the AP key worker" : "Share the agreed response with the AP and PPU",
                OwnerId = referrer, DueOn = overdue ? today.AddDays(-5) : today.AddDays(3 + i % 10), CreatedAt = now, UpdatedAt = now, Version = 1,
                CompletedAt = stage >= PathwayStage.CarePlan ? now.AddDays(-2) : null, CompletedById = stage >= PathwayStage.CarePlan ? referrer : null,
            });
            db.Consultations.Add(con);
        }
    }
    /// Weekly contacts over six months on every demo case, mostly kept; two Northfield cases with recent missed
    /// appointments and behaviours of concern, so the compliance figures and early-warning signals have something to show.
    /// </summary>
    private static void AddCompliance(PathwayDbContext db, List<CaseRecord> cases, Dictionary<string, StaffUser> staff, DateOnly today, DateTimeOffset now)
    {
        var rng = new Random(5);
        foreach (var c in cases)
            db.Contacts.AddRange(SyntheticCompliance.Contacts(c.Id, rng, today, now, 26, 7, 0.04));

        var om = staff["om.north@pathway.example"].Id;
        var ap = staff["ap@pathway.example"].Id;
        // cases[0] and cases[2] are Northfield's, referred to the service.
        var first = cases[0];
        foreach (var daysAgo in new[] { 4, 18 })
            db.Contacts.Add(new Contact
            {
                CaseId = first.Id, Date = today.AddDays(-daysAgo), Kind = ContactKind.HomeVisit, Outcome = ContactOutcome.UnacceptableAbsence,
                Reason = "Not at the address; phone switched off", RecordedById = om, CreatedAt = now,
            });
        db.BehavioursOfConcern.Add(new BehaviourOfConcern
        {
            CaseId = first.Id, Date = today.AddDays(-3), Type = ConcernType.Withdrawal, RecordedById = om, CreatedAt = now,
            Description = "Sister reports he has stopped answering the phone and has not left his room for days.",
            MatchedEarlyWarningSign = "Stops answering the phone and withdraws from family",
        });
        var second = cases[2];
        db.BehavioursOfConcern.Add(new BehaviourOfConcern
        {
            CaseId = second.Id, Date = today.AddDays(-6), Type = ConcernType.LossOfAccommodation, RecordedById = om, CreatedAt = now,
            Description = "Given notice by the landlord after rent arrears; staying with a friend at an address not yet approved.",
        });
        db.BehavioursOfConcern.Add(new BehaviourOfConcern
        {
            CaseId = second.Id, Date = today.AddDays(-9), Type = ConcernType.SubstanceUse, RecordedById = ap, CreatedAt = now,
            Description = "Appeared intoxicated at a keywork session.",
        });
        if (second.Licences.OrderByDescending(l => l.ReleaseDate).FirstOrDefault() is { } licence)
            db.WarningLetters.Add(new WarningLetter
            {
                CaseId = second.Id, LicenceId = licence.Id, Level = WarningLevel.First, IssuedOn = today.AddDays(-5), IssuedById = om, CreatedAt = now,
                Circumstances = "You stayed overnight at an address that had not been approved.",
                Conditions = [Linked(StandardConditionFor(licence, Pathway.Domain.Licences.StandardConditionTopic.Residence))],
            });
    }

    private static Pathway.Domain.Licences.StandardConditionDefinition StandardConditionFor(Licence l, Pathway.Domain.Licences.StandardConditionTopic topic) =>
        Pathway.Domain.Licences.StandardConditionSets.All.Single(s => s.Code == l.StandardConditionSetCode).About(topic)!;

    private static LinkedCondition Linked(Pathway.Domain.Licences.StandardConditionDefinition c) =>
        new() { Ref = "S:" + c.Code, Text = $"Standard condition {c.Number}: {c.Text}" };
}
