using System.Net;
using Microsoft.EntityFrameworkCore;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Admin;

public abstract class AdminTests(AppFixture app)
{
    private Task<HttpClient> Admin() => app.PagesAsync(StaffRole.Administrator);

    [Fact]
    public async Task CreateUser_WithValidDetails_AddsTheAccountWithRoleAndTeam_AndAuditsIt()
    {
        var email = $"new-om-{Guid.NewGuid():N}@test.pathway.example";
        var res = await AppFixture.PostFormAsync(await Admin(), "/admin/users/new", new()
        {
            ["Input.Name"] = "Nia Newcomer", ["Input.Email"] = email, ["Input.Role"] = "OffenderManager",
            ["Input.TeamId"] = app.World.TeamA.Id.ToString(), ["Input.Password"] = "Another-Good-Pass-77",
        });

        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        var (user, roles, audited) = await app.Factory.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.NormalizedEmail == email.ToUpperInvariant());
            var r = await db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, ro => ro.Id, (_, ro) => ro.Name).ToListAsync();
            var a = await db.AuditEvents.AnyAsync(e => e.Action == "admin.users.create" && e.EntityId == u.Id.ToString());
            return (u, r, a);
        });
        Assert.Equal($"/admin/users/{user.Id}", res.Headers.Location?.ToString());
        Assert.Equal("Nia Newcomer", user.DisplayName);
        Assert.Equal(app.World.TeamA.Id, user.TeamId);
        Assert.False(user.TwoFactorEnabled);
        Assert.Equal(["OffenderManager"], roles);
        Assert.True(audited);
    }

    [Fact]
    public async Task CreateUser_WithWeakPasswordAndATeamOfTheWrongKind_ShowsFieldErrors_AndCreatesNothing()
    {
        var email = $"bad-{Guid.NewGuid():N}@test.pathway.example";
        var res = await AppFixture.PostFormAsync(await Admin(), "/admin/users/new", new()
        {
            ["Input.Name"] = "Wrong Fit", ["Input.Email"] = email, ["Input.Role"] = "OffenderManager",
            ["Input.TeamId"] = app.World.Ppu.Id.ToString(), ["Input.Password"] = "short",
        });

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var html = await AppFixture.TextAsync(res);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Password-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Passwords must be at least 12 characters.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_TeamId-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Offender manager accounts must belong to a probation team, not a police public protection unit", html, StringComparison.Ordinal);
        Assert.False(await app.Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant())));
    }

    [Fact]
    public async Task CreateUser_ForARoleThatNeedsATeam_WithoutOne_IsRefused()
    {
        var email = $"no-team-{Guid.NewGuid():N}@test.pathway.example";
        var res = await AppFixture.PostFormAsync(await Admin(), "/admin/users/new", new()
        {
            ["Input.Name"] = "No Team", ["Input.Email"] = email, ["Input.Role"] = "PublicProtectionOfficer",
            ["Input.TeamId"] = "", ["Input.Password"] = "Another-Good-Pass-77",
        });

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains("Select a team. Public protection officer accounts must belong to a police public protection unit",
            await AppFixture.TextAsync(res), StringComparison.Ordinal);
        Assert.False(await app.Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant())));
    }

    [Fact]
    public async Task CreateUser_WithAnEmailAlreadyInUse_IsRefused()
    {
        var res = await AppFixture.PostFormAsync(await Admin(), "/admin/users/new", new()
        {
            ["Input.Name"] = "Copy Cat", ["Input.Email"] = app.World.Users[StaffRole.Psychologist].Email!, ["Input.Role"] = "Psychologist",
            ["Input.Password"] = "Another-Good-Pass-77",
        });

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains("A user with this email address already exists", await AppFixture.TextAsync(res), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StaffRole.ClinicalLead)]
    [InlineData(StaffRole.Psychologist)]
    [InlineData(StaffRole.OffenderManager)]
    [InlineData(StaffRole.SeniorProbationOfficer)]
    [InlineData(StaffRole.PublicProtectionOfficer)]
    [InlineData(StaffRole.ApprovedPremisesStaff)]
    [InlineData(StaffRole.PartnerAgency)]
    [InlineData(StaffRole.TrainingCoordinator)]
    [InlineData(StaffRole.ServiceManager)]
    public async Task AdminPages_ForEveryOtherRole_AreRefused(StaffRole role)
    {
        var client = await app.PagesAsync(role);
        var someone = app.World.Users[StaffRole.Psychologist].Id;
        foreach (var path in new[] { "/admin/users", "/admin/users/new", $"/admin/users/{someone}", "/admin/teams", "/admin/teams/new",
                     $"/admin/teams/{app.World.TeamA.Id}/edit", "/admin/reference-data" })
        {
            var res = await client.GetAsync(path);
            Assert.True(res.StatusCode == HttpStatusCode.Forbidden
                || (res.StatusCode == HttpStatusCode.Redirect && res.Headers.Location!.PathAndQuery.StartsWith("/account/access-denied", StringComparison.Ordinal)),
                $"{role} got {res.StatusCode} {res.Headers.Location} for {path}");
        }
    }

    [Fact]
    public async Task AdminPages_ForTheAdministrator_Open()
    {
        var client = await Admin();
        foreach (var path in new[] { "/admin/users", "/admin/users/new", $"/admin/users/{app.World.Users[StaffRole.Psychologist].Id}",
                     "/admin/teams", "/admin/teams/new", $"/admin/teams/{app.World.TeamA.Id}/edit", "/admin/reference-data" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Administrator_GetsNoCaseData()
    {
        var client = await Admin();
        foreach (var path in new[] { "/cases", $"/cases/{app.World.InScope.Id}", $"/cases/{app.World.InScope.Id}/sharing", "/break-glass" })
        {
            var res = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
            Assert.StartsWith("/account/access-denied", res.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        using var api = app.Api(StaffRole.Administrator);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/cases/{app.World.InScope.Id}")).StatusCode);
    }

    [Fact]
    public async Task UserList_FiltersByTextAndRole_AndMarksTheSortedColumn()
    {
        var client = await Admin();
        var html = await AppFixture.TextAsync(await client.GetAsync("/admin/users?q=PSYCHOLOGIST@test"));
        Assert.Contains(app.World.Users[StaffRole.Psychologist].Email!, html, StringComparison.Ordinal);
        Assert.DoesNotContain(app.World.Users[StaffRole.ClinicalLead].Email!, html, StringComparison.Ordinal);
        Assert.Contains("aria-sort=\"ascending\"", html, StringComparison.Ordinal);

        html = await AppFixture.TextAsync(await client.GetAsync("/admin/users?role=ClinicalLead&sort=email&dir=desc"));
        Assert.Contains(app.World.Users[StaffRole.ClinicalLead].Email!, html, StringComparison.Ordinal);
        Assert.DoesNotContain(app.World.Users[StaffRole.Psychologist].Email!, html, StringComparison.Ordinal);
        Assert.Contains("aria-sort=\"descending\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserList_PagesTwentyFiveAtATime()
    {
        for (var i = 0; i < 26; i++) await app.NewStaffAsync(StaffRole.ServiceManager, null);
        var html = await AppFixture.TextAsync(await (await Admin()).GetAsync("/admin/users?role=ServiceManager"));
        var rows = html.Split("<td class=\"govuk-table__cell\"><a class=\"govuk-link\" href=\"/admin/users/", StringSplitOptions.None).Length - 1;
        Assert.Equal(25, rows);
        Assert.Contains("aria-label=\"Page 1\" aria-current=\"page\"", html, StringComparison.Ordinal);

        html = await AppFixture.TextAsync(await (await Admin()).GetAsync("/admin/users?role=ServiceManager&page=2"));
        Assert.Contains("aria-label=\"Page 2\" aria-current=\"page\"", html, StringComparison.Ordinal);
        rows = html.Split("<td class=\"govuk-table__cell\"><a class=\"govuk-link\" href=\"/admin/users/", StringSplitOptions.None).Length - 1;
        Assert.Equal(2, rows); // the world's service manager and the 26 added here: 27 in all
    }

    [Fact]
    public async Task DisablingAUser_StopsTheirApiToken_AndEnablingRestoresIt()
    {
        var om = await app.NewStaffAsync(StaffRole.OffenderManager, app.World.TeamA.Id);
        using var api = await app.ApiAsAsync(om);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/cases")).StatusCode);

        var admin = await Admin();
        var res = await AppFixture.PostFormAsync(admin, $"/admin/users/{om.Id}?handler=Disable", [], formPage: $"/admin/users/{om.Id}");
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/cases")).StatusCode);
        var disabled = await app.Factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == om.Id));
        Assert.NotNull(disabled.DisabledAt);
        Assert.True(disabled.LockoutEnd > DateTimeOffset.UtcNow.AddYears(1000));
        Assert.NotEqual(om.SecurityStamp, disabled.SecurityStamp);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "admin.users.disable" && e.EntityId == om.Id.ToString())));

        res = await AppFixture.PostFormAsync(admin, $"/admin/users/{om.Id}?handler=Enable", [], formPage: $"/admin/users/{om.Id}");
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/cases")).StatusCode);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "admin.users.enable" && e.EntityId == om.Id.ToString())));
    }

    [Fact]
    public async Task DisabledUser_CannotSignIn()
    {
        var psych = await app.NewStaffAsync(StaffRole.Psychologist, app.World.Service.Id);
        await AppFixture.PostFormAsync(await Admin(), $"/admin/users/{psych.Id}?handler=Disable", [], formPage: $"/admin/users/{psych.Id}");
        using var client = app.Anonymous();
        var res = await AppFixture.PostFormAsync(client, "/account/sign-in", new() { ["Email"] = psych.Email!, ["Password"] = TestWorld.Password });
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
    }

    [Fact]
    public async Task Administrator_CannotDisableThemselves()
    {
        var me = app.World.Users[StaffRole.Administrator].Id;
        var res = await AppFixture.PostFormAsync(await Admin(), $"/admin/users/{me}?handler=Disable", [], formPage: $"/admin/users/{me}");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains("You cannot disable your own account", await AppFixture.TextAsync(res), StringComparison.Ordinal);
        Assert.Null((await app.Factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == me))).DisabledAt);
    }

    [Fact]
    public async Task ResetTwoFactor_TurnsItOffAndReplacesTheKey_SoTheyEnrolAgain()
    {
        var om = await app.NewStaffAsync(StaffRole.OffenderManager, app.World.TeamA.Id);
        var res = await AppFixture.PostFormAsync(await Admin(), $"/admin/users/{om.Id}?handler=ResetTwoFactor", [], formPage: $"/admin/users/{om.Id}");
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        var (enabled, key) = await app.Factory.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.Id == om.Id);
            var k = await db.UserTokens.Where(t => t.UserId == om.Id && t.Name == "AuthenticatorKey").Select(t => t.Value).SingleAsync();
            return (u.TwoFactorEnabled, k);
        });
        Assert.False(enabled);
        Assert.NotEqual(TestWorld.AuthenticatorKey, key);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "admin.users.two-factor.reset" && e.EntityId == om.Id.ToString())));

        // Password alone now signs them in, straight into enrolment.
        using var client = app.Anonymous();
        var signIn = await AppFixture.PostFormAsync(client, "/account/sign-in", new() { ["Email"] = om.Email!, ["Password"] = TestWorld.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var next = await client.GetAsync("/cases");
        Assert.Equal("/account/two-factor/enrol", next.Headers.Location?.ToString());
    }

    [Fact]
    public async Task ChangeRoleAndTeam_WhenTheTeamFits_Saves_AndWhenItDoesNot_ShowsTheRule()
    {
        var user = await app.NewStaffAsync(StaffRole.OffenderManager, app.World.TeamA.Id);
        var admin = await Admin();
        var page = $"/admin/users/{user.Id}";
        var stamp = await app.Factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.ConcurrencyStamp).SingleAsync());

        var refused = await AppFixture.PostFormAsync(admin, $"{page}?handler=Update", new()
        {
            ["Input.Role"] = "ApprovedPremisesStaff", ["Input.TeamId"] = app.World.TeamB.Id.ToString(), ["Input.Stamp"] = stamp!,
        }, formPage: page);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Approved premises staff accounts must belong to an approved premises, not a probation team",
            await AppFixture.TextAsync(refused), StringComparison.Ordinal);

        var saved = await AppFixture.PostFormAsync(admin, $"{page}?handler=Update", new()
        {
            ["Input.Role"] = "ApprovedPremisesStaff", ["Input.TeamId"] = app.World.Premises.Id.ToString(), ["Input.Stamp"] = stamp!,
        }, formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (team, roles) = await app.Factory.WithDbAsync(async db => (
            await db.Users.Where(u => u.Id == user.Id).Select(u => u.TeamId).SingleAsync(),
            await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync()));
        Assert.Equal(app.World.Premises.Id, team);
        Assert.Equal(["ApprovedPremisesStaff"], roles);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "admin.users.update" && e.EntityId == user.Id.ToString())));

        // The stamp has moved on: a second save from the old form is a conflict, not an overwrite.
        var stale = await AppFixture.PostFormAsync(admin, $"{page}?handler=Update", new()
        {
            ["Input.Role"] = "Psychologist", ["Input.TeamId"] = "", ["Input.Stamp"] = stamp!,
        }, formPage: page);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this account", await AppFixture.TextAsync(stale), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teams_AddWithAUniqueName_ThenRename_AndAStaleRenameShowsTheConflict()
    {
        var admin = await Admin();
        var name = $"Delta PPU {Guid.NewGuid():N}"[..20];
        var added = await AppFixture.PostFormAsync(admin, "/admin/teams/new", new() { ["Name"] = name, ["Kind"] = "Police" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var team = await app.Factory.WithDbAsync(db => db.Teams.SingleAsync(t => t.Name == name));
        Assert.Equal(TeamKind.Police, team.Kind);

        var duplicate = await AppFixture.PostFormAsync(admin, "/admin/teams/new", new() { ["Name"] = name.ToUpperInvariant(), ["Kind"] = "Police" });
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("A team with this name already exists", await AppFixture.TextAsync(duplicate), StringComparison.Ordinal);

        var edit = $"/admin/teams/{team.Id}/edit";
        var renamed = await AppFixture.PostFormAsync(admin, edit, new() { ["Name"] = name + " East", ["Version"] = team.Version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);

        var stale = await AppFixture.PostFormAsync(admin, edit, new() { ["Name"] = name + " West", ["Version"] = team.Version.ToString() });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = await AppFixture.TextAsync(stale);
        Assert.Contains("Someone else changed this team", html, StringComparison.Ordinal);
        Assert.Contains(name + " East", html, StringComparison.Ordinal);
        Assert.Equal(name + " East", (await app.Factory.WithDbAsync(db => db.Teams.SingleAsync(t => t.Id == team.Id))).Name);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "admin.teams.update" && e.EntityId == team.Id.ToString())));
    }

    [Fact]
    public async Task TeamList_ShowsKindAndActiveStaffCount()
    {
        var html = await AppFixture.TextAsync(await (await Admin()).GetAsync("/admin/teams"));
        Assert.Contains(app.World.Ppu.Name, html, StringComparison.Ordinal);
        Assert.Contains("Police public protection unit", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReferenceData_ListsTheStandardConditionSetsAndTheirConditions()
    {
        var html = await AppFixture.TextAsync(await (await Admin()).GetAsync("/admin/reference-data"));
        var set = Pathway.Domain.Licences.StandardConditionSets.Lco2015;
        Assert.Contains(set.Code, html, StringComparison.Ordinal);
        Assert.Contains(set.Name, html, StringComparison.Ordinal);
        Assert.Contains(set.Conditions[1].Text, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserPages_AuditViewsOfStaffDetails()
    {
        var admin = await Admin();
        var before = await app.Factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "admin.users.list"));
        await admin.GetAsync("/admin/users");
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "admin.users.list" && e.Outcome == AuditOutcome.Allowed)) > before);
    }
}

public sealed class AdminTestsSqlite(SqliteApp app) : AdminTests(app), IClassFixture<SqliteApp>;

public sealed class AdminTestsPostgres(PostgresApp app) : AdminTests(app), IClassFixture<PostgresApp>;
