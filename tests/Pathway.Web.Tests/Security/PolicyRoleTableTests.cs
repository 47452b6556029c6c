using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Domain.Staff;
using Pathway.Web.Infrastructure.Auth;
using static Pathway.Domain.Staff.StaffRole;

namespace Pathway.Web.Tests.Security;

/// <summary>
/// Pins, for every authorization policy, exactly which roles it admits. The table below was copied from the policies as
/// they were before they were built from the role-set catalogue (issue 17); it must not change unless a policy is meant
/// to change. No database or app start-up: the policies are built and evaluated on their own.
/// </summary>
public sealed class PolicyRoleTableTests
{
    /// <summary>Policy → the roles that pass it, one role at a time.</summary>
    private static readonly Dictionary<string, StaffRole[]> Expected = new()
    {
        [Policies.CaseData] = [ClinicalLead, Psychologist, OffenderManager, SeniorProbationOfficer, PublicProtectionOfficer, ApprovedPremisesStaff, PartnerAgency],
        [Policies.CaseEditor] = [ClinicalLead, Psychologist, OffenderManager, SeniorProbationOfficer],
        [Policies.Administrator] = [Administrator],
        [Policies.ClinicalLead] = [ClinicalLead],
        [Policies.ScreeningRecorder] = [ClinicalLead, Psychologist],
        [Policies.TrainingCoordinator] = [TrainingCoordinator],
        [Policies.TrainingReports] = [TrainingCoordinator, ServiceManager],
        [Policies.KeyworkerSetter] = [OffenderManager, SeniorProbationOfficer, ApprovedPremisesStaff],
        [Policies.IncidentRecorder] = [ClinicalLead, Psychologist, OffenderManager, SeniorProbationOfficer, ApprovedPremisesStaff],
        [Policies.BreakGlass] = [ClinicalLead, Psychologist, OffenderManager, SeniorProbationOfficer, PublicProtectionOfficer, ApprovedPremisesStaff],
        [Policies.Referrer] = [ClinicalLead, OffenderManager, SeniorProbationOfficer],
        [Policies.PdService] = [ClinicalLead, Psychologist],
        [Policies.Assessor] = [ClinicalLead, Psychologist],
        [Policies.ProbationRecorder] = [OffenderManager, SeniorProbationOfficer],
        [Policies.ConcernRecorder] = [ClinicalLead, Psychologist, OffenderManager, SeniorProbationOfficer, PublicProtectionOfficer, ApprovedPremisesStaff],
        [Policies.RecallConsultant] = [ClinicalLead, Psychologist],
        [Policies.RecallDecider] = [SeniorProbationOfficer],
        [Policies.RuleEditor] = [Administrator, ClinicalLead],
        [Policies.RecallServiceReader] = [ClinicalLead, ServiceManager],
        [Policies.DirectoryReader] = [ClinicalLead, Psychologist, OffenderManager, SeniorProbationOfficer, PublicProtectionOfficer, ApprovedPremisesStaff, ServiceManager],
        [Policies.DirectoryEditor] = [ClinicalLead, Psychologist],
        [Policies.PartnerAgency] = [PartnerAgency],
        [Policies.PathwayMapReader] = [ClinicalLead, Psychologist, OffenderManager, SeniorProbationOfficer, PublicProtectionOfficer, ApprovedPremisesStaff, ServiceManager],
        [Policies.SignpostingReports] = [ClinicalLead, Psychologist, ServiceManager],
        [Policies.CoordinationReader] = [ClinicalLead, Psychologist, OffenderManager, SeniorProbationOfficer, PublicProtectionOfficer, ApprovedPremisesStaff, PartnerAgency, ServiceManager],
        [Policies.CoordinationAdmin] = [ClinicalLead, Psychologist],
        [Policies.EvaluationReader] = [ClinicalLead, Psychologist, ServiceManager],
    };

    /// <summary>Policies that are not about roles: the API's token scheme with two-factor sign-in.</summary>
    private static readonly string[] NotRoleBased = [Policies.Api, Policies.SubjectAccessService];

    private static (IAuthorizationService Service, AuthorizationOptions Options) Build()
    {
        var services = new ServiceCollection().AddLogging().AddAuthorizationCore(Policies.Configure).BuildServiceProvider();
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthorizationOptions>>().Value;
        return (services.GetRequiredService<IAuthorizationService>(), options);
    }

    private static ClaimsPrincipal Holding(params StaffRole[] roles) =>
        new(new ClaimsIdentity(roles.Select(r => new Claim(ClaimTypes.Role, r.ToString())), "test"));

    [Fact]
    public void EveryPolicyName_IsInTheTable()
    {
        var declared = typeof(Policies).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);
        Assert.Equal(declared, Expected.Keys.Concat(NotRoleBased).Order(StringComparer.Ordinal));
        var (_, options) = Build();
        foreach (var name in declared) Assert.NotNull(options.GetPolicy(name));
    }

    [Fact]
    public async Task EachPolicy_AdmitsExactlyTheRolesItAlwaysHas()
    {
        var (service, _) = Build();
        var failures = new List<string>();
        foreach (var (policy, expected) in Expected)
        {
            var admitted = new List<StaffRole>();
            foreach (var role in Enum.GetValues<StaffRole>())
                if ((await service.AuthorizeAsync(Holding(role), null, policy)).Succeeded) admitted.Add(role);
            if (!admitted.Order().SequenceEqual(expected.Order()))
                failures.Add($"{policy}: expected [{string.Join(", ", expected.Order())}] but admits [{string.Join(", ", admitted)}]");
            Assert.False((await service.AuthorizeAsync(Holding(), null, policy)).Succeeded, $"{policy} admits someone with no role");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Role policies are a single role requirement, so the one-role-at-a-time table also fixes what a user with
    /// several roles gets (any matching role passes). Break glass is an assertion and keeps its own rule.</summary>
    [Fact]
    public void RolePolicies_AreOneRoleRequirementEach()
    {
        var (_, options) = Build();
        foreach (var name in Expected.Keys.Where(n => n != Policies.BreakGlass))
        {
            var requirement = Assert.Single(options.GetPolicy(name)!.Requirements);
            var roles = Assert.IsType<RolesAuthorizationRequirement>(requirement).AllowedRoles;
            Assert.Equal(Expected[name].Select(r => r.ToString()).Order(StringComparer.Ordinal), roles.Order(StringComparer.Ordinal));
        }
    }

    /// <summary>HMPPS's subject access request service is a service account's role: no staff role, alone or together, passes it.</summary>
    [Fact]
    public async Task SubjectAccessService_AdmitsNoStaffRole()
    {
        var (service, _) = Build();
        Assert.False((await service.AuthorizeAsync(Holding(Enum.GetValues<StaffRole>()), null, Policies.SubjectAccessService)).Succeeded);
    }

    [Fact]
    public async Task BreakGlass_StillRefusesAPartnerAgencyOrAdministratorHoldingAnotherRole()
    {
        var (service, _) = Build();
        Assert.False((await service.AuthorizeAsync(Holding(OffenderManager, PartnerAgency), null, Policies.BreakGlass)).Succeeded);
        Assert.False((await service.AuthorizeAsync(Holding(Psychologist, Administrator), null, Policies.BreakGlass)).Succeeded);
        Assert.True((await service.AuthorizeAsync(Holding(Psychologist, ServiceManager), null, Policies.BreakGlass)).Succeeded);
    }
}
