using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Security;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Cases;
using Pathway.Domain.Incidents;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;
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

    /// <summary>
    /// Test-only: forgets the last authenticator step accepted for <paramref name="email"/>, so a helper that signs the
    /// same person in again within 30 seconds (with the code for now, from the shared key) is not refused as a replay.
    /// </summary>
    public static async Task ForgetLastAuthenticatorCodeAsync(IServiceProvider app, string email)
    {
        await using var scope = app.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
        var normalized = email.Trim().ToUpperInvariant();
        await db.Users.Where(u => u.NormalizedEmail == normalized).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastAuthenticatorStep, (long?)null));
    }

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
    /// <summary>A draft SAPAS screen on each of the three cases.</summary>
    public required InstrumentResponse InScopeScreening { get; init; }
    public required InstrumentResponse OutOfScopeScreening { get; init; }
    public required InstrumentResponse RestrictedScreening { get; init; }
    /// <summary>Open referrals (at Consultation) on the in-scope and restricted cases, each with one consultation and one action owned by the offender manager.</summary>
    public required Consultation InScopeConsultation { get; init; }
    public required ConsultationAction InScopeAction { get; init; }
    public required Consultation RestrictedConsultation { get; init; }
    public required ConsultationAction RestrictedAction { get; init; }
    /// <summary>A draft assessment by the psychologist on each case.</summary>
    public required Assessment InScopeAssessment { get; init; }
    public required Assessment OutOfScopeAssessment { get; init; }
    public required Assessment RestrictedAssessment { get; init; }

    /// <summary>Records under the three cases by route parameter name ("contactId" …), for the authorization matrix.</summary>
    public required IReadOnlyDictionary<string, ScopedIds> RecordIds { get; init; }
    /// <summary>An active care plan (with a restricted note) and an incident with a chain analysis, on each case.</summary>
    public required Dictionary<Guid, CarePlan> Plans { get; init; }
    public required Dictionary<Guid, Incident> Incidents { get; init; }
    /// <summary>A directory organisation (linked to the partner team) and one of its services.</summary>
    public required DirectoryOrganisation DirectoryOrganisation { get; init; }
    public required DirectoryService DirectoryService { get; init; }

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
            ApiTokens.Issue(db, u.Id, "tests", now, 30, ApiTokenIssuance.OperatorCli, out var plain);
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
        Assessment Draft(CaseRecord c)
        {
            var a = new Assessment
            {
                CaseId = c.Id, Status = Pathway.Domain.Assessments.AssessmentStatus.Draft, AssessmentDate = new DateOnly(2026, 1, 5),
                AuthorId = byRole[StaffRole.Psychologist].Id, CreatedAt = now,
            };
            a.SeriesId = a.Id;
            return a;
        }
        var inAssessment = Draft(inScope);
        var outAssessment = Draft(outOfScope);
        var restrictedAssessment = Draft(restricted);
        db.Assessments.AddRange(inAssessment, outAssessment, restrictedAssessment);
        await db.SaveChangesAsync();

        var sapas = await db.InstrumentDefinitions.AsNoTracking().SingleAsync(d => d.Key == "sapas" && d.Version == 1);
        InstrumentResponse Screen(CaseRecord c) => new()
        {
            CaseId = c.Id, DefinitionId = sapas.Id, InstrumentKey = sapas.Key, DefinitionVersion = sapas.Version, Status = ResponseStatus.Draft,
            AnswersJson = """{"sapas-1":"Y"}""", StartedById = byRole[StaffRole.Psychologist].Id, StartedAt = now,
        };
        var screenings = new[] { Screen(inScope), Screen(outOfScope), Screen(restricted) };
        db.InstrumentResponses.AddRange(screenings);
        var om = byRole[StaffRole.OffenderManager];
        (Consultation, ConsultationAction) Referred(CaseRecord c)
        {
            var r = new Referral
            {
                CaseId = c.Id, ReferredById = om.Id, ReferredAt = now.AddDays(-10), Reason = "Escalating anger in supervision", Questions = "How should I respond?",
                ConcernsBehaviour = "Shouting at staff", Urgency = ReferralUrgency.Soon, SharingBasis = SharingBasis.AgreedToSharing,
                Stage = PathwayStage.Consultation, StageEnteredAt = now.AddDays(-3), CreatedAt = now,
            };
            r.StageChanges.Add(new PathwayStageChange { ReferralId = r.Id, To = PathwayStage.Referred, At = r.ReferredAt, ById = om.Id });
            r.StageChanges.Add(new PathwayStageChange { ReferralId = r.Id, From = PathwayStage.Referred, To = PathwayStage.Consultation, At = r.StageEnteredAt, ById = om.Id });
            var con = new Consultation
            {
                CaseId = c.Id, ReferralId = r.Id, HeldOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-3), Advice = "Keep contact predictable.", RecordedById = om.Id, CreatedAt = now,
            };
            con.Attendees.Add(new ConsultationAttendee { ConsultationId = con.Id, StaffUserId = om.Id, Role = AttendeeRole.OffenderManager });
            var action = new ConsultationAction
            {
                ConsultationId = con.Id, CaseId = c.Id, Description = "Book a three-way meeting", OwnerId = om.Id, DueOn = con.HeldOn.AddDays(14), CreatedAt = now,
            };
            con.Actions.Add(action);
            db.Referrals.Add(r);
            db.Consultations.Add(con);
            return (con, action);
        }
        var (inConsultation, inAction) = Referred(inScope);
        var (restrictedConsultation, restrictedAction) = Referred(restricted);
        await db.SaveChangesAsync();
        IReadOnlyDictionary<string, ScopedIds> recordIds = await ComplianceWorld.AddAsync(db, inScope, outOfScope, restricted, byRole, now);
        recordIds = recordIds.Concat(await RecallWorld.AddAsync(db, inScope, outOfScope, restricted, byRole, now)).ToDictionary();
        recordIds = await TrainingWorld.AddAsync(db, recordIds, byRole, now);

        var plans = new Dictionary<Guid, CarePlan>();
        var incidents = new Dictionary<Guid, Incident>();
        var goals = new Dictionary<Guid, Guid>();
        var planActions = new Dictionary<Guid, Guid>();
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
            var goal = new CarePlanGoal
            {
                CarePlanId = plan.Id, Area = Pathway.Domain.Assessments.NeedArea.Relationships, InOwnWords = "World goal in own words", Smart = "World SMART goal",
                TargetDate = DateOnly.FromDateTime(now.UtcDateTime).AddMonths(4), Status = GoalStatus.Active, CreatedAt = now,
            };
            goal.SeriesId = goal.Id;
            goal.History.Add(new CarePlanGoalStatusChange { GoalId = goal.Id, To = GoalStatus.Active, ChangedById = byRole[StaffRole.Psychologist].Id, ChangedAt = now });
            var action = new CarePlanAction { CarePlanId = plan.Id, What = "World action", Who = "PD service", When = "Weekly", Status = ActionStatus.InProgress, CreatedAt = now };
            action.SeriesId = action.Id;
            db.CarePlanGoals.Add(goal);
            db.CarePlanActions.Add(action);
            db.CarePlanSkills.Add(new CarePlanSkill { CarePlanId = plan.Id, SkillCode = "tip" });
            goals[c.Id] = goal.Id;
            planActions[c.Id] = action.Id;
            var incident = new Incident
            {
                CaseId = c.Id, OccurredAt = now.AddDays(-2), Location = "Hostel kitchen", Type = IncidentType.AngryOutburst, Severity = IncidentSeverity.Moderate,
                Description = "Shouted at a resident.", Trigger = "Phone call", StaffResponse = "Talked it down.", WhoWasInformed = "Offender manager",
                RecordedById = byRole[StaffRole.ApprovedPremisesStaff].Id, CreatedAt = now,
            };
            db.Incidents.Add(incident);
            // A draft analysis without links, so its API has something to read; the page tests add the links.
            db.ChainAnalyses.Add(new ChainAnalysis { IncidentId = incident.Id, CaseId = c.Id, ProblemBehaviour = "World problem behaviour", CreatedAt = now });
            plans[c.Id] = plan;
            incidents[c.Id] = incident;
        }
        var directoryOrg = new DirectoryOrganisation { Name = "World Wellbeing", Sector = Pathway.Domain.Signposting.Sector.VoluntaryAndCommunity, PartnerTeamId = partner.Id, CreatedAt = now };
        var directoryService = new DirectoryService
        {
            OrganisationId = directoryOrg.Id, Name = "World group", ReferralRoute = "Referral form", NeedsMet = [Pathway.Domain.Assessments.NeedArea.EmotionalRegulation],
            LastVerifiedOn = DateOnly.FromDateTime(now.UtcDateTime), CreatedAt = now,
        };
        db.DirectoryOrganisations.Add(directoryOrg);
        db.DirectoryServices.Add(directoryService);
        await db.SaveChangesAsync();
        // One signposting referral, sent to the partner's service, under each of the three cases.
        SignpostingReferral Sent(CaseRecord c) => new()
        {
            CaseId = c.Id, ServiceId = directoryService.Id, Need = Pathway.Domain.Assessments.NeedArea.EmotionalRegulation, ReasonForReferral = "World reason",
            ContactRoute = "Via the offender manager", PersonConsented = true, Status = Pathway.Domain.Signposting.SignpostingReferralStatus.Referred,
            StatusOn = DateOnly.FromDateTime(now.UtcDateTime), ReferredOn = DateOnly.FromDateTime(now.UtcDateTime), CreatedById = byRole[StaffRole.Psychologist].Id, CreatedAt = now,
        };
        var sent = new[] { Sent(inScope), Sent(outOfScope), Sent(restricted) };
        db.SignpostingReferrals.AddRange(sent);
        await db.SaveChangesAsync();
        recordIds = new Dictionary<string, ScopedIds>(recordIds) { ["signpostingId"] = new(sent[0].Id, sent[1].Id, sent[2].Id) };
        recordIds = await GroupWorld.AddAsync(db, recordIds, directoryOrg, inScope, restricted, byRole, now);

        return new TestWorld
        {
            TeamA = teamA, TeamB = teamB, Ppu = ppu, Premises = ap, Service = service, Partner = partner, Users = byRole, Tokens = tokens,
            InScope = inScope, OutOfScope = outOfScope, Restricted = restricted, InScopeLicence = inLicence, OutOfScopeLicence = outLicence,
            InScopeCondition = inCondition, OutOfScopeCondition = outCondition,
            RestrictedLicence = restrictedLicence, RestrictedCondition = restrictedCondition,
            InScopeScreening = screenings[0], OutOfScopeScreening = screenings[1], RestrictedScreening = screenings[2],
            InScopeConsultation = inConsultation, InScopeAction = inAction,
            RestrictedConsultation = restrictedConsultation, RestrictedAction = restrictedAction,
            InScopeAssessment = inAssessment, OutOfScopeAssessment = outAssessment, RestrictedAssessment = restrictedAssessment,
            RecordIds = new Dictionary<string, ScopedIds>(recordIds)
            {
                ["goalId"] = new(goals[inScope.Id], goals[outOfScope.Id], goals[restricted.Id]),
                ["planActionId"] = new(planActions[inScope.Id], planActions[outOfScope.Id], planActions[restricted.Id]),
            },
            Plans = plans, Incidents = incidents,
            DirectoryOrganisation = directoryOrg, DirectoryService = directoryService,
        };
    }

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
    }
}
