using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Cases;
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
        new("spo.north@pathway.example", "Helen Marsh", StaffRole.SeniorProbationOfficer, North),
        new("ppu@pathway.example", "DC Sam Fenwick", StaffRole.PublicProtectionOfficer, Police),
        new("ap@pathway.example", "Jo Whitcombe", StaffRole.ApprovedPremisesStaff, Premises),
        new("partner@pathway.example", "Rae Donnelly", StaffRole.PartnerAgency, Partner),
        new("training@pathway.example", "Chris Amadi", StaffRole.TrainingCoordinator, Service),
        new("manager@pathway.example", "Morgan Lyle", StaffRole.ServiceManager, Service),
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
            if (i % 6 == 1) c.ApprovedPremisesId = teams[Premises].Id;
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

        db.Cases.AddRange(cases);
        DemoCarePlans.Add(db, cases[1], cases[0], cases[6], psychologist.Id, omSouth.Id, now);
        db.AuditEvents.Add(AuditEntries.Create(now, null, null, "demo.seed", "Service", null, null));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
