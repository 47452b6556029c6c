using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Cases;
using Pathway.Domain.Referrals;
using Pathway.Domain.Staff;

namespace Pathway.Data.Seeding;

/// <summary>
/// National-scale synthetic data for benchmarks: probation teams in proportion to a large region's caseload, approved
/// premises, police units and staff (without sign-in passwords), then people on licence in batches.
/// </summary>
public static class SyntheticService
{
    public sealed record Result(int People, int Licences, int Conditions, int Recalls, int Teams, int Screenings = 0, int Contacts = 0);

    public static async Task<Result> GenerateAsync(PathwayDbContext db, int people, int seed, TimeProvider clock, Action<int>? progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var rng = new Random(seed);
        var run = $"G{seed}";
        // About 60 people on licence per probation team caseload slice, at least two teams.
        var teamCount = Math.Max(2, people / 600);
        var probation = Enumerable.Range(1, teamCount).Select(i => new Team { Name = $"{run} Probation Delivery Unit {i:000}", Kind = TeamKind.Probation, CreatedAt = now }).ToList();
        var premises = Enumerable.Range(1, Math.Max(1, teamCount / 4)).Select(i => new Team { Name = $"{run} Approved Premises {i:000}", Kind = TeamKind.ApprovedPremises, CreatedAt = now }).ToList();
        var police = Enumerable.Range(1, Math.Max(1, teamCount / 5)).Select(i => new Team { Name = $"{run} Police Public Protection Unit {i:000}", Kind = TeamKind.Police, CreatedAt = now }).ToList();
        db.Teams.AddRange(probation);
        db.Teams.AddRange(premises);
        db.Teams.AddRange(police);
        await db.SaveChangesAsync(ct);

        // Staff records for allocation: about 40 cases per offender manager. They have no password and cannot sign in.
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var omsByTeam = new Dictionary<Guid, List<Guid>>();
        var psychologists = new List<Guid>();
        var staff = new List<StaffUser>();
        var userRoles = new List<Microsoft.AspNetCore.Identity.IdentityUserRole<Guid>>();
        foreach (var t in probation)
        {
            var list = new List<Guid>();
            for (var i = 0; i < 15; i++)
            {
                var u = NewStaff($"om{i}.{t.Id:N}@generated.pathway.example", $"Offender manager {i + 1}", t.Id, now);
                staff.Add(u);
                list.Add(u.Id);
                userRoles.Add(new() { UserId = u.Id, RoleId = roleIds[nameof(StaffRole.OffenderManager)] });
            }
            omsByTeam[t.Id] = list;
        }
        for (var i = 0; i < Math.Max(2, teamCount / 3); i++)
        {
            var u = NewStaff($"psychologist{i}.{run.ToLowerInvariant()}@generated.pathway.example", $"Psychologist {i + 1}", null, now);
            staff.Add(u);
            psychologists.Add(u.Id);
            userRoles.Add(new() { UserId = u.Id, RoleId = roleIds[nameof(StaffRole.Psychologist)] });
        }
        // Approved-premises staff, last so earlier staff keep their generated training: each resident gets one as keyworker.
        var keyworkersByPremises = new Dictionary<Guid, List<Guid>>();
        foreach (var t in premises)
        {
            var list = new List<Guid>();
            for (var i = 0; i < 6; i++)
            {
                var u = NewStaff($"ap{i}.{t.Id:N}@generated.pathway.example", $"Approved premises worker {i + 1}", t.Id, now);
                staff.Add(u);
                list.Add(u.Id);
                userRoles.Add(new() { UserId = u.Id, RoleId = roleIds[nameof(StaffRole.ApprovedPremisesStaff)] });
            }
            keyworkersByPremises[t.Id] = list;
        }
        var keyworkerRng = new Random(unchecked(seed * 41 + 3));
        db.Users.AddRange(staff);
        db.UserRoles.AddRange(userRoles);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await SyntheticTraining.GenerateAsync(db, staff.Select(s => s.Id).ToList(), new Random(seed + 1), now, ct);
        // The directory has its own generator so adding it did not change the people an existing seed makes.
        SyntheticDirectory.Generate(db, new Random(unchecked(seed * 37 + 11)), people, run, today, now);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await SyntheticCoordination.GenerateAsync(db, new Random(unchecked(seed * 41 + 13)), run, today, now, ct);

        var factory = new SyntheticCaseFactory(rng, today) { CrnLetter = (char)('A' + (Math.Abs(seed) % 23)) };
        // Skip CRNs already used by an earlier run with the same letter.
        var prefix = factory.CrnLetter.ToString();
        var used = await db.Cases.CountAsync(c => c.Crn.StartsWith(prefix), ct);
        for (var i = 0; i < used; i++) factory.NextCrn();

        var screening = await SyntheticScreening.LoadAsync(db, new Random(seed + 1), ct);
        var licences = 0; var conditions = 0; var recalls = 0; var screenings = 0; var contacts = 0;
        // Its own generator, so adding care plans does not change the people a seed makes.
        var planRng = new Random(unchecked(seed * 31 + 7));
        var recallRng = new Random(unchecked(seed * 37 + 11));
        var ogrsRng = new Random(unchecked(seed * 43 + 17));
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        const int batch = 2000;
        for (var done = 0; done < people;)
        {
            var size = Math.Min(batch, people - done);
            for (var i = 0; i < size; i++)
            {
                var team = probation[rng.Next(probation.Count)];
                var c = factory.NextCase(team.Id, now);
                var oms = omsByTeam[team.Id];
                c.OffenderManagerId = rng.NextDouble() < 0.95 ? oms[rng.Next(oms.Count)] : null;
                // The PD pathway screens in a large share of high-RoSH people on licence; about 40% are referred.
                if (rng.NextDouble() < 0.4)
                {
                    c.ReferredToServiceOn = today.AddDays(-rng.Next(1, 700));
                    if (rng.NextDouble() < 0.8) c.PsychologistId = psychologists[rng.Next(psychologists.Count)];
                    // Most referred people have been screened: SAPAS and the OPD screen; a few have an HCR-20 sheet.
                    if (c.PsychologistId is { } by && rng.NextDouble() < 0.7)
                    {
                        var at = now.AddDays(-rng.Next(1, 300));
                        db.InstrumentResponses.Add(screening.Sapas(c, by, at));
                        screenings++;
                        if (screening.OpdScreen(c, by, at) is { } opd) { db.InstrumentResponses.Add(opd); screenings++; }
                        if (rng.NextDouble() < 0.1) { db.InstrumentResponses.Add(screening.Hcr20(c, by, at)); screenings++; }
                    }
                    // Older referrals are further along the pathway; about one in ten ended early.
                    var age = today.DayNumber - c.ReferredToServiceOn.Value.DayNumber;
                    var stage = rng.NextDouble() switch
                    {
                        < 0.05 => PathwayStage.NotSuitable,
                        < 0.10 => PathwayStage.Withdrawn,
                        _ when c.PsychologistId is null => PathwayStage.Referred,
                        _ => PathwayStages.Route[Math.Min(PathwayStages.Route.Count - 1, age / 60 + rng.Next(0, 2))],
                    };
                    db.Referrals.Add(SyntheticReferrals.Make(rng, c, c.OffenderManagerId ?? oms[0], c.PsychologistId, new DateTimeOffset(c.ReferredToServiceOn.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), stage, now));
                }
                if (rng.NextDouble() < 0.06)
                {
                    c.ApprovedPremisesId = premises[rng.Next(premises.Count)].Id;
                    var workers = keyworkersByPremises[c.ApprovedPremisesId.Value];
                    c.ApKeyworkerId = workers[keyworkerRng.Next(workers.Count)];
                }
                if (c.RoshLevel >= RoshLevel.High && c.MappaCategory != MappaCategory.None)
                    c.Shares.Add(new CaseShare { CaseId = c.Id, TeamId = police[rng.Next(police.Count)].Id, SharedAt = now });
                if (rng.NextDouble() < 0.005)
                {
                    c.IsRestricted = true;
                    if (c.OffenderManagerId is { } om) c.NamedStaff.Add(new CaseNamedStaff { CaseId = c.Id, UserId = om });
                }
                licences += c.Licences.Count;
                conditions += c.Licences.Sum(l => l.AdditionalConditions.Count);
                recalls += c.Licences.Sum(l => l.Recalls.Count);
                db.Cases.Add(c);
                // Fortnightly contacts over the last 12 weeks: enough for compliance figures and signals, few enough to stay fast.
                var planned = SyntheticCompliance.Contacts(c.Id, rng, today, now, 12, 14, rng.NextDouble() < 0.1 ? 0.35 : 0.05).ToList();
                contacts += planned.Count;
                db.Contacts.AddRange(planned);
                SyntheticCarePlans.Add(db, planRng, c, today, now);
                SyntheticRecall.Add(db, recallRng, c, today, now);
                // Most people have an OGRS3 score on record; the evaluation's Cox model adjusts for it.
                if (ogrsRng.NextDouble() < 0.85 && SyntheticOgrs3.Score(ogrsRng, c, c.PsychologistId ?? psychologists[0], today) is { } score)
                    db.Ogrs3Scores.Add(score);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += size;
            progress?.Invoke(done);
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        db.AuditEvents.Add(AuditEntries.Create(now, null, "Cli", AuditActions.Cli.Generate, "Service", run, null));
        await db.SaveChangesAsync(ct);
        return new Result(people, licences, conditions, recalls, probation.Count + premises.Count + police.Count, screenings, contacts);
    }

    private static StaffUser NewStaff(string email, string name, Guid? team, DateTimeOffset now) => new()
    {
        UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true, DisplayName = name, TeamId = team, CreatedAt = now, SecurityStamp = Guid.NewGuid().ToString("N"),
        LockoutEnabled = true,
    };
}
