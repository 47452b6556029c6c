using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OtpNet;
using Pathway.Data.Entities;
using Pathway.Data.Security;
using Pathway.Data.Security.Keys;
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
    public async Task Enrolment_StoresTheAuthenticatorKeySealed_AndRecoveryCodesHashed_AndEachCodeWorksOnce()
    {
        var user = await NewUserAsync(StaffRole.OffenderManager);
        using var client = app.Anonymous();
        await AppFixture.PostFormAsync(client, "/account/sign-in", new() { ["Email"] = user.Email!, ["Password"] = TestWorld.Password });
        var page = await client.GetStringAsync("/account/two-factor/enrol");
        var key = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"shared-key\">([^<]+)<").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await AppFixture.PostFormAsync(client, "/account/two-factor/enrol", new() { ["Code"] = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp() });
        var codesPage = await client.GetStringAsync("/account/two-factor/recovery-codes");
        var codes = System.Text.RegularExpressions.Regex.Matches(codesPage, "<li><code>([^<]+)</code>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);

        var stored = await app.Factory.WithDbAsync(db => db.UserTokens.AsNoTracking().Where(t => t.UserId == user.Id).ToListAsync());
        Assert.StartsWith("enc1:", stored.Single(t => t.Name == "AuthenticatorKey").Value, StringComparison.Ordinal);
        Assert.StartsWith("hmac1:", stored.Single(t => t.Name == "RecoveryCodes").Value, StringComparison.Ordinal);
        foreach (var secret in codes.Append(key))
            Assert.All(stored, t => Assert.DoesNotContain(secret, t.Value ?? "", StringComparison.OrdinalIgnoreCase));

        async Task<HttpResponseMessage> RecoverAsync(string code)
        {
            using var fresh = app.Anonymous();
            await AppFixture.PostFormAsync(fresh, "/account/sign-in", new() { ["Email"] = user.Email!, ["Password"] = TestWorld.Password });
            return await AppFixture.PostFormAsync(fresh, "/account/sign-in/recovery-code", new() { ["Code"] = code });
        }
        Assert.Equal(HttpStatusCode.Redirect, (await RecoverAsync(codes[3])).StatusCode);
        var again = await RecoverAsync(codes[3]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("not correct or has been used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.Equal(9, await users.CountRecoveryCodesAsync((await users.FindByIdAsync(user.Id.ToString()))!));
    }

    [Fact]
    public async Task AKeySetThroughIdentity_IsStoredSealed_AndSignInWithTheAuthenticatorStillWorks()
    {
        var psychologist = app.World.Users[StaffRole.Psychologist].Id;
        var stored = await app.Factory.WithDbAsync(db => db.UserTokens.AsNoTracking().SingleAsync(t => t.UserId == psychologist && t.Name == "AuthenticatorKey"));
        Assert.StartsWith("enc1:", stored.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(TestWorld.AuthenticatorKey, stored.Value!, StringComparison.OrdinalIgnoreCase);
        using var client = app.Anonymous();
        await AppFixture.SignInAsync(client, app.World.Users[StaffRole.Psychologist].Email!, TestWorld.Password, TestWorld.AuthenticatorKey);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cases")).StatusCode);
    }

    [Fact]
    public async Task SecretsStoredInClearBeforeSealing_StillWork_AndAreSealedAtStartUp()
    {
        var user = await NewUserAsync(StaffRole.OffenderManager);
        await app.Factory.WithDbAsync(async db =>
        {
            db.UserTokens.Add(new IdentityUserToken<Guid> { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = TestWorld.AuthenticatorKey });
            db.UserTokens.Add(new IdentityUserToken<Guid> { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "RecoveryCodes", Value = "AAAAA-11111;BBBBB-22222" });
            await db.SaveChangesAsync();
        });
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var u = (await users.FindByIdAsync(user.Id.ToString()))!;
            Assert.Equal(TestWorld.AuthenticatorKey, await users.GetAuthenticatorKeyAsync(u));
            Assert.True((await users.RedeemTwoFactorRecoveryCodeAsync(u, "AAAAA-11111")).Succeeded);
        }
        var keys = app.Factory.Services.GetRequiredService<PathwayKeys>();
        await app.Factory.WithDbAsync(db => PathwayUserStore.ProtectStoredSecretsAsync(db, keys));
        var stored = await app.Factory.WithDbAsync(db => db.UserTokens.AsNoTracking().Where(t => t.UserId == user.Id).ToListAsync());
        Assert.All(stored, t => Assert.DoesNotContain("AAAAA", t.Value!, StringComparison.Ordinal));
        Assert.All(stored, t => Assert.DoesNotContain("BBBBB", t.Value!, StringComparison.Ordinal));
        Assert.All(stored, t => Assert.DoesNotContain(TestWorld.AuthenticatorKey, t.Value!, StringComparison.Ordinal));
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var u = (await users.FindByIdAsync(user.Id.ToString()))!;
            Assert.Equal(TestWorld.AuthenticatorKey, await users.GetAuthenticatorKeyAsync(u));
            Assert.False((await users.RedeemTwoFactorRecoveryCodeAsync(u, "AAAAA-11111")).Succeeded);
            Assert.True((await users.RedeemTwoFactorRecoveryCodeAsync(u, "BBBBB-22222")).Succeeded);
        }
    }

    [Fact]
    public async Task TheDataProtectionKeyRing_IsStoredSealed_WithNoMasterKeyInClear()
    {
        using var client = app.Anonymous();
        await client.GetAsync("/account/sign-in"); // antiforgery: the app has made its key
        var keyManager = app.Factory.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.KeyManagement.IKeyManager>();
        var secrets = keyManager.GetAllKeys()
            .Select(k => k.Descriptor.ExportToXml().SerializedDescriptorElement.Descendants().Single(e => e.Name.LocalName == "value").Value.Trim())
            .ToList();
        Assert.NotEmpty(secrets);
        var rows = await app.Factory.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(rows);
        Assert.All(rows, xml =>
        {
            Assert.DoesNotContain("<masterKey", xml!, StringComparison.Ordinal);
            Assert.Contains("pathwaySealedKey", xml!, StringComparison.Ordinal);
            foreach (var s in secrets) Assert.DoesNotContain(s, xml!, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task AKeyInsertedInClearIntoTheKeyRingTable_IsIgnored()
    {
        var id = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var forged = $"""
            <key id="{id}" version="1"><creationDate>{now.AddDays(-1):O}</creationDate><activationDate>{now.AddDays(-1):O}</activationDate><expirationDate>{now.AddDays(80):O}</expirationDate>
            <descriptor deserializerType="Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel.AuthenticatedEncryptorDescriptorDeserializer, Microsoft.AspNetCore.DataProtection">
            <descriptor><encryption algorithm="AES_256_CBC" /><validation algorithm="HMACSHA256" />
            <masterKey xmlns:p4="http://schemas.asp.net/2015/03/dataProtection" p4:requiresEncryption="true"><value>{Convert.ToBase64String(new byte[64])}</value></masterKey>
            </descriptor></descriptor></key>
            """;
        await app.Factory.WithDbAsync(async db =>
        {
            db.DataProtectionKeys.Add(new Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey { FriendlyName = "key-" + id, Xml = forged });
            await db.SaveChangesAsync();
        });
        var repository = app.Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>().Value.XmlRepository!;
        var seen = repository.GetAllElements().Any(e => (string?)e.Attribute("id") == id.ToString());
        // Remove it so the table-wide check in TheDataProtectionKeyRing_IsStoredSealed… sees only what the app wrote.
        await app.Factory.WithDbAsync(db => db.DataProtectionKeys.Where(k => k.FriendlyName == "key-" + id).ExecuteDeleteAsync());
        Assert.False(seen);
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
