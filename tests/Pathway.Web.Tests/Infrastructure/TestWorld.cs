using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Security;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Cases;
using Pathway.Domain.Incidents;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;

namespace Pathway.Web.Tests.Infrastructure;

/// <summary>
/// A small, fully known service: one user per role, and cases placed so that each role has one case in scope and
/// one out of scope. Every user has an authenticator key (for page sign-in) and an API token.
/// </summary>
public sealed class TestWorld
{
    public const string Password = "Test-Password-2026!";
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    public required Team TeamA { get; init; }
    public required Team TeamB { get; init; }
    public required Team Ppu { get; init; }
    public required Team Premises { get; init; }
    public required Team Service { get; init; }
    public required Team Partner { get; init; }
    public required Dictionary<StaffRole, StaffUser> Users { get; init; }
    public required Dictionary<StaffRole, string> Tokens { get; init; }

    /// <summary>Team A, referred, resident at the AP, shared with the PPU: in scope for every case-data role but partners.</summary>
    public required CaseRecord InScope { get; init; }
    /// <summary>Team B, not referred, not resident, not shared: out of scope for everyone in <see cref="Users"/>.</summary>
    public required CaseRecord OutOfScope { get; init; }
    /// <summary>Team A and referred, but restricted to the offender manager only.</summary>
    public required CaseRecord Restricted { get; init; }
    public required Licence InScopeLicence { get; init; }
    public required Licence OutOfScopeLicence { get; init; }
    public required AdditionalCondition InScopeCondition { get; init; }
    public required AdditionalCondition OutOfScopeCondition { get; init; }
    public required Licence RestrictedLicence { get; init; }
    public required AdditionalCondition RestrictedCondition { get; init; }
    /// <summary>An active care plan (with a restricted note) and an incident with a chain analysis, on each case.</summary>
    public required Dictionary<Guid, CarePlan> Plans { get; init; }
    public required Dictionary<Guid, Incident> Incidents { get; init; }

    public static async Task<TestWorld> CreateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var now = DateTimeOffset.UtcNow;
        Team T(string name, TeamKind kind) => new() { Name = name, Kind = kind, CreatedAt = now };
        var teamA = T("Alpha Probation", TeamKind.Probation);
        var teamB = T("Bravo Probation", TeamKind.Probation);
        var ppu = T("Test PPU", TeamKind.Police);
        var ap = T("Test Approved Premises", TeamKind.ApprovedPremises);
        var service = T("Test PD Service", TeamKind.Service);
        var partner = T("Test Partner", TeamKind.Partner);
        db.Teams.AddRange(teamA, teamB, ppu, ap, service, partner);
        await db.SaveChangesAsync();

        var byRole = new Dictionary<StaffRole, StaffUser>();
        var tokens = new Dictionary<StaffRole, string>();
        foreach (var role in Enum.GetValues<StaffRole>())
        {
            Guid? team = role switch
            {
                StaffRole.OffenderManager or StaffRole.SeniorProbationOfficer => teamA.Id,
                StaffRole.PublicProtectionOfficer => ppu.Id,
                StaffRole.ApprovedPremisesStaff => ap.Id,
                StaffRole.PartnerAgency => partner.Id,
                StaffRole.Administrator => null,
                _ => service.Id,
            };
            var email = $"{role.ToString().ToLowerInvariant()}@test.pathway.example";
            var u = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Test {role}", TeamId = team, CreatedAt = now };
            Check(await users.CreateAsync(u, Password));
            Check(await users.AddToRoleAsync(u, role.ToString()));
            Check(await users.SetAuthenticationTokenAsync(u, "[AspNetUserStore]", "AuthenticatorKey", AuthenticatorKey));
            Check(await users.SetTwoFactorEnabledAsync(u, true));
            byRole[role] = u;
            ApiTokens.Issue(db, u.Id, "tests", now, 30, out var plain);
            tokens[role] = plain;
        }

        CaseRecord Case(string crn, Team team) => new()
        {
            Crn = crn, GivenName = "Test", FamilyName = "Person " + crn, DateOfBirth = new DateOnly(1988, 4, 12), Gender = Gender.Male,
            Ethnicity = Ethnicity.NotStated, RoshLevel = RoshLevel.High, MappaCategory = MappaCategory.Category2, MappaLevel = MappaLevel.Level1,
            TeamId = team.Id, CreatedAt = now,
        };
        var inScope = Case("T000001", teamA);
        inScope.ReferredToServiceOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-10);
        inScope.ApprovedPremisesId = ap.Id;
        inScope.OffenderManagerId = byRole[StaffRole.OffenderManager].Id;
        inScope.Shares.Add(new CaseShare { CaseId = inScope.Id, TeamId = ppu.Id, SharedAt = now });
        var outOfScope = Case("T000002", teamB);
        var restricted = Case("T000003", teamA);
        restricted.ReferredToServiceOn = inScope.ReferredToServiceOn;
        restricted.IsRestricted = true;
        restricted.NamedStaff.Add(new CaseNamedStaff { CaseId = restricted.Id, UserId = byRole[StaffRole.OffenderManager].Id });
        Licence L(CaseRecord c) => new()
        {
            CaseId = c.Id, SentenceType = SentenceType.StandardDeterminate, SentenceLengthMonths = 36, ReleaseDate = new DateOnly(2025, 6, 1),
            LicenceExpiryDate = new DateOnly(2027, 6, 1), SentenceExpiryDate = new DateOnly(2027, 6, 1),
            StandardConditionSetCode = StandardConditionSets.Lco2015.Code, CreatedAt = now,
        };
        var inLicence = L(inScope);
        var outLicence = L(outOfScope);
        AdditionalCondition Cond(Licence l) => new() { LicenceId = l.Id, Category = AdditionalConditionCategory.Curfew, Text = "Curfew 9pm to 6am.", CreatedAt = now };
        var inCondition = Cond(inLicence);
        var outCondition = Cond(outLicence);
        inLicence.AdditionalConditions.Add(inCondition);
        var restrictedLicence = L(restricted);
        var restrictedCondition = Cond(restrictedLicence);
        restrictedLicence.AdditionalConditions.Add(restrictedCondition);
        restricted.Licences.Add(restrictedLicence);
        outLicence.AdditionalConditions.Add(outCondition);
        inScope.Licences.Add(inLicence);
        outOfScope.Licences.Add(outLicence);
        db.Cases.AddRange(inScope, outOfScope, restricted);
        await db.SaveChangesAsync();

        var plans = new Dictionary<Guid, CarePlan>();
        var incidents = new Dictionary<Guid, Incident>();
        foreach (var c in new[] { inScope, outOfScope, restricted })
        {
            var plan = new CarePlan
            {
                CaseId = c.Id, Number = 1, Status = CarePlanStatus.Active, Reason = "First plan", CreatedById = byRole[StaffRole.Psychologist].Id,
                SignedById = byRole[StaffRole.Psychologist].Id, SignedAt = now, CountersignedById = byRole[StaffRole.OffenderManager].Id, CountersignedAt = now,
                Agreement = PersonAgreement.Agreed, ReviewDate = DateOnly.FromDateTime(now.UtcDateTime).AddMonths(3), CreatedAt = now,
            };
            foreach (var f in CarePlanFields.All.Where(f => f.Section != CarePlanSection.NotToBeDisclosed))
                plan.Texts.Add(new CarePlanText { CarePlanId = plan.Id, Key = f.Key, Text = $"World text for {f.Key}" });
            db.CarePlans.Add(plan);
            db.CarePlanRestrictedNotes.Add(new CarePlanRestrictedNote { CarePlanId = plan.Id, Text = "WORLD-RESTRICTED-NOTE" });
            var incident = new Incident
            {
                CaseId = c.Id, OccurredAt = now.AddDays(-2), Location = "Hostel kitchen", Type = IncidentType.AngryOutburst, Severity = IncidentSeverity.Moderate,
                Description = "Shouted at a resident.", Trigger = "Phone call", StaffResponse = "Talked it down.", WhoWasInformed = "Offender manager",
                RecordedById = byRole[StaffRole.ApprovedPremisesStaff].Id, CreatedAt = now,
            };
            db.Incidents.Add(incident);
            plans[c.Id] = plan;
            incidents[c.Id] = incident;
        }
        await db.SaveChangesAsync();

        return new TestWorld
        {
            TeamA = teamA, TeamB = teamB, Ppu = ppu, Premises = ap, Service = service, Partner = partner, Users = byRole, Tokens = tokens,
            InScope = inScope, OutOfScope = outOfScope, Restricted = restricted, InScopeLicence = inLicence, OutOfScopeLicence = outLicence,
            InScopeCondition = inCondition, OutOfScopeCondition = outCondition,
            RestrictedLicence = restrictedLicence, RestrictedCondition = restrictedCondition, Plans = plans, Incidents = incidents,
        };
    }

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
    }
}
