using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OtpNet;
using Pathway.Data.Entities;
using Pathway.Data.Security;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests;

public abstract class AccountTests(AppFixture app)
{
    private async Task<StaffUser> NewUserAsync(StaffRole role, bool demo = false)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"{Guid.NewGuid():N}@test.pathway.example";
        var u = new StaffUser { UserName = email, Email = email, DisplayName = "New " + role, TeamId = app.World.TeamA.Id, IsDemoAccount = demo, CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(u, TestWorld.Password)).Succeeded);
        await users.AddToRoleAsync(u, role.ToString());
        return u;
    }

    [Fact]
    public async Task CaseDataRole_WithoutAnAuthenticator_MustEnrolBeforeSeeingAnything_EvenADemoAccountOutsideDevelopment()
    {
        var user = await NewUserAsync(StaffRole.OffenderManager, demo: true);
        using var client = app.Anonymous();
        var signIn = await AppFixture.PostFormAsync(client, "/account/sign-in", new() { ["Email"] = user.Email!, ["Password"] = TestWorld.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cases = await client.GetAsync("/cases");
        Assert.Equal(HttpStatusCode.Redirect, cases.StatusCode);
        Assert.Equal("/account/two-factor/enrol", cases.Headers.Location!.OriginalString);

        // Enrol as a person would: read the key off the page, type the code.
        var page = await client.GetStringAsync("/account/two-factor/enrol");
        var key = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"shared-key\">([^<]+)<").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        var enrol = await AppFixture.PostFormAsync(client, "/account/two-factor/enrol", new() { ["Code"] = code });
        Assert.Equal("/account/two-factor/recovery-codes", enrol.Headers.Location!.OriginalString);
        var codes = await client.GetStringAsync("/account/two-factor/recovery-codes");
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Matches(codes, "<li><code>").Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cases")).StatusCode);
    }

    [Fact]
    public async Task RoleWithoutCaseData_IsNotForcedToEnrol()
    {
        var user = await NewUserAsync(StaffRole.TrainingCoordinator);
        using var client = app.Anonymous();
        await AppFixture.PostFormAsync(client, "/account/sign-in", new() { ["Email"] = user.Email!, ["Password"] = TestWorld.Password });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WithAControlCharacterInTheReturnUrl_GoesHome_NotA500()
    {
        var user = await NewUserAsync(StaffRole.TrainingCoordinator);
        using var client = app.Anonymous();
        var res = await AppFixture.PostFormAsync(client, "/account/sign-in",
            new() { ["Email"] = user.Email!, ["Password"] = TestWorld.Password, ["ReturnUrl"] = "/training\tx" });
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Equal("/", res.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task WrongCode_IsRefused_WithAMessage()
    {
        using var client = app.Anonymous();
        await AppFixture.PostFormAsync(client, "/account/sign-in", new() { ["Email"] = app.World.Users[StaffRole.Psychologist].Email!, ["Password"] = TestWorld.Password });
        var res = await AppFixture.PostFormAsync(client, "/account/sign-in/two-factor", new() { ["Code"] = "000000" });
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains("The code is not correct", await res.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount()
    {
        var user = await NewUserAsync(StaffRole.Psychologist);
        using var client = app.Anonymous();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 6; i++)
            last = await AppFixture.PostFormAsync(client, "/account/sign-in", new() { ["Email"] = user.Email!, ["Password"] = "Wrong-Password-1!" });
        Assert.Contains("Your account is locked", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Even the right password is refused while locked.
        var right = await AppFixture.PostFormAsync(client, "/account/sign-in", new() { ["Email"] = user.Email!, ["Password"] = TestWorld.Password });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public void Sessions_EndAfterThirtyMinutesIdle()
    {
        var options = app.Factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.Equal(TimeSpan.FromMinutes(30), options.ExpireTimeSpan);
        Assert.True(options.SlidingExpiration);
        Assert.True(options.Cookie.HttpOnly);
    }

    [Fact]
    public async Task ApiToken_IsShownOnce_StoredHashed_AndStopsWorkingWhenRevoked()
    {
        var client = await app.PagesAsync(StaffRole.SeniorProbationOfficer);
        var res = await AppFixture.PostFormAsync(client, "/account/tokens?handler=Create", new() { ["Name"] = "report tool", ["Days"] = "7" }, formPage: "/account/tokens");
        var html = await res.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"new-token\">([^<]+)<").Groups[1].Value;
        Assert.StartsWith("pwy_", token, StringComparison.Ordinal);
        var stored = await app.Factory.WithDbAsync(db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.Name == "report tool"));
        Assert.Equal(ApiTokens.Hash(token), stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);
        Assert.DoesNotContain(token, await client.GetStringAsync("/account/tokens"), StringComparison.Ordinal);

        using var api = app.Anonymous();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/cases")).StatusCode);
        var revoke = await AppFixture.PostFormAsync(client, $"/account/tokens?handler=Revoke&id={stored.Id}", new(), formPage: "/account/tokens");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/cases")).StatusCode);
    }

    [Fact]
    public async Task ExpiredApiToken_IsRefused()
    {
        var user = await NewUserAsync(StaffRole.OffenderManager);
        var plain = await app.Factory.WithDbAsync(async db =>
        {
            var record = ApiTokens.Issue(db, user.Id, "old", DateTimeOffset.UtcNow.AddDays(-10), 1, out var p);
            await db.SaveChangesAsync();
            return p;
        });
        using var api = app.Anonymous();
        api.DefaultRequestHeaders.Authorization = new("Bearer", plain);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/cases")).StatusCode);
    }
}

public sealed class AccountTestsSqlite(SqliteApp app) : AccountTests(app), IClassFixture<SqliteApp>;

public sealed class AccountTestsPostgres(PostgresApp app) : AccountTests(app), IClassFixture<PostgresApp>;
