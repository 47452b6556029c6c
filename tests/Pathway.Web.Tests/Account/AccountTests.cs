using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OtpNet;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Security;
using Pathway.Data.Security.Keys;
using Pathway.Domain.Staff;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Account;

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
    public async Task PasswordOnlySession_CannotOpenTheTokensPage_OrMakeAToken()
    {
        var user = await NewUserAsync(StaffRole.OffenderManager);
        using var client = app.Anonymous();
        await AppFixture.PostFormAsync(client, "/account/sign-in", new() { ["Email"] = user.Email!, ["Password"] = TestWorld.Password });

        foreach (var path in new[] { "/account/tokens", "/account" })
        {
            var page = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/account/two-factor/enrol", page.Headers.Location!.OriginalString);
        }
        // Posting straight to the handler, with an antiforgery token from the enrolment page, is turned away too.
        var post = await AppFixture.PostFormAsync(client, "/account/tokens?handler=Create", new() { ["Name"] = "no second factor", ["Days"] = "7" },
            formPage: "/account/two-factor/enrol");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(0, await app.Factory.WithDbAsync(db => db.ApiTokens.CountAsync(t => t.UserId == user.Id)));
    }

    [Fact]
    public async Task RoleWithoutCaseData_SignedInWithoutASecondFactor_CannotMakeAToken()
    {
        var user = await NewUserAsync(StaffRole.TrainingCoordinator);
        using var client = app.Anonymous();
        await AppFixture.PostFormAsync(client, "/account/sign-in", new() { ["Email"] = user.Email!, ["Password"] = TestWorld.Password });
        var res = await AppFixture.PostFormAsync(client, "/account/tokens?handler=Create", new() { ["Name"] = "report tool", ["Days"] = "7" }, formPage: "/account/tokens");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains("Set up two-factor sign-in", await AppFixture.TextAsync(res), StringComparison.Ordinal);
        Assert.Equal(0, await app.Factory.WithDbAsync(db => db.ApiTokens.CountAsync(t => t.UserId == user.Id)));
    }

    [Fact]
    public async Task TokenNotMadeAfterASecondFactor_OpensNoCaseData_ThroughTheApiOrFhir()
    {
        var om = app.World.Users[StaffRole.OffenderManager];
        var patient = $"/fhir/r4/Patient/{app.World.InScope.Id}";
        // Unverified: made before issuance was recorded. A waived demo session's token counts only in Development.
        foreach (var issuedVia in new[] { ApiTokenIssuance.Unverified, ApiTokenIssuance.WaivedDemoSession })
        {
            using var api = await app.ApiAsAsync(om, issuedVia);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/cases")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(patient)).StatusCode);
        }
        foreach (var issuedVia in new[] { ApiTokenIssuance.TwoFactorSession, ApiTokenIssuance.OperatorCli })
        {
            using var api = await app.ApiAsAsync(om, issuedVia);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/cases")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(patient)).StatusCode);
        }
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
    public async Task FiveWrongPasswords_LockTheAccount_WithoutSayingSo()
    {
        var user = await NewUserAsync(StaffRole.Psychologist);
        using var client = app.Anonymous();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 6; i++)
            last = await AppFixture.PostFormAsync(client, "/account/sign-in", new() { ["Email"] = user.Email!, ["Password"] = "Wrong-Password-1!" });
        var text = await AppFixture.TextAsync(last);
        Assert.Contains(Features.Account.SignInModel.Failed, text, StringComparison.Ordinal);
        Assert.DoesNotContain("locked", text, StringComparison.OrdinalIgnoreCase);
        // Even the right password is refused while locked, with the same words as a wrong one.
        var right = await AppFixture.PostFormAsync(client, "/account/sign-in", new() { ["Email"] = user.Email!, ["Password"] = TestWorld.Password });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(ErrorSummary(text), ErrorSummary(await AppFixture.TextAsync(right)));
    }

    [Fact]
    public async Task UnknownLockedDisabledAndWrongPassword_AllGetExactlyTheSameAnswer()
    {
        var locked = await NewUserAsync(StaffRole.Psychologist);
        var disabled = await NewUserAsync(StaffRole.Psychologist);
        var known = await NewUserAsync(StaffRole.Psychologist);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var l = (await users.FindByIdAsync(locked.Id.ToString()))!;
            await users.SetLockoutEndDateAsync(l, DateTimeOffset.UtcNow.AddMinutes(15));
            var d = (await users.FindByIdAsync(disabled.Id.ToString()))!;
            d.DisabledAt = DateTimeOffset.UtcNow;
            await users.UpdateAsync(d);
        }
        async Task<string> Answer(string email, string password)
        {
            using var client = app.Anonymous();
            var res = await AppFixture.PostFormAsync(client, "/account/sign-in", new() { ["Email"] = email, ["Password"] = password });
            Assert.Equal(HttpStatusCode.OK, res.StatusCode);
            return ErrorSummary(await AppFixture.TextAsync(res));
        }

        var wrong = await Answer(known.Email!, "Wrong-Password-1!");
        Assert.Contains(Features.Account.SignInModel.Failed, wrong, StringComparison.Ordinal);
        Assert.Equal(wrong, await Answer($"nobody-{Guid.NewGuid():N}@test.pathway.example", TestWorld.Password));
        Assert.Equal(wrong, await Answer(locked.Email!, TestWorld.Password));
        Assert.Equal(wrong, await Answer(disabled.Email!, TestWorld.Password));
    }

    [Fact]
    public async Task LockedOutUser_KeepsTheirApiToken_ButADisabledUsersTokenIsRefused()
    {
        var user = await NewUserAsync(StaffRole.OffenderManager);
        using var api = await app.ApiAsAsync(user);
        using (var client = app.Anonymous())
            for (var i = 0; i < 5; i++)
                await AppFixture.PostFormAsync(client, "/account/sign-in", new() { ["Email"] = user.Email!, ["Password"] = "Wrong-Password-1!" });
        var lockoutEnd = await app.Factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow, "five wrong passwords lock interactive sign-in");

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/cases")).StatusCode);

        await app.Factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledAt, DateTimeOffset.UtcNow)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/cases")).StatusCode);
    }

    [Fact]
    public async Task AuthenticatorCode_IsAcceptedOnlyOnce()
    {
        var user = await app.NewStaffAsync(StaffRole.Psychologist, app.World.Service.Id);
        var code = new Totp(Base32Encoding.ToBytes(TestWorld.AuthenticatorKey)).ComputeTotp();
        async Task<HttpResponseMessage> SignInWithTheCode()
        {
            using var client = app.Anonymous();
            await AppFixture.PostFormAsync(client, "/account/sign-in", new() { ["Email"] = user.Email!, ["Password"] = TestWorld.Password });
            return await AppFixture.PostFormAsync(client, "/account/sign-in/two-factor", new() { ["Code"] = code });
        }

        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithTheCode()).StatusCode);
        var replay = await SignInWithTheCode();
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("The code is not correct", await AppFixture.TextAsync(replay), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticatorCodes_AreAcceptedOneStepEitherSideOfNow_AndNeverForAStepAtOrBeforeTheLastAccepted()
    {
        var user = await app.NewStaffAsync(StaffRole.Psychologist, app.World.Service.Id);
        var now = new DateTimeOffset(2026, 12, 7, 9, 0, 15, TimeSpan.Zero);
        var totp = new Totp(Base32Encoding.ToBytes(TestWorld.AuthenticatorKey));
        string At(int seconds) => totp.ComputeTotp(now.AddSeconds(seconds).UtcDateTime);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var provider = new PathwayAuthenticatorTokenProvider(scope.ServiceProvider.GetRequiredService<PathwayDbContext>(), new FixedClock(now));
        var u = (await users.FindByIdAsync(user.Id.ToString()))!;
        Task<bool> Accepts(string code) => provider.ValidateAsync("TwoFactor", code, users, u);

        Assert.False(await Accepts(At(-60)));
        Assert.False(await Accepts(At(60)));
        Assert.True(await Accepts(At(-30)));
        Assert.False(await Accepts(At(-30)));
        Assert.True(await Accepts(At(0)));
        Assert.False(await Accepts(At(-30)));
        Assert.True(await Accepts(At(30)));
        Assert.False(await Accepts(At(0)));
        var stored = await app.Factory.WithDbAsync(db => db.Users.Where(x => x.Id == user.Id).Select(x => x.LastAuthenticatorStep).SingleAsync());
        Assert.Equal(now.ToUnixTimeSeconds() / 30 + 1, stored);
    }

    [Fact]
    public async Task SigningOut_EndsEverySessionOfThatUser_AndTheOldCookieReadsNothing()
    {
        var user = await app.NewStaffAsync(StaffRole.OffenderManager, app.World.TeamA.Id);
        var jar = new CookieContainer();
        var origin = new Uri("http://localhost");
        using var device = app.Factory.CreateDefaultClient(origin, new CookieContainerHandler(jar));
        await AppFixture.SignInAsync(app.Factory.Services, device, user.Email!, TestWorld.Password, TestWorld.AuthenticatorKey);
        var copied = jar.GetCookieHeader(origin);
        using var otherDevice = await app.SignedInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await device.GetAsync("/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherDevice.GetAsync("/cases")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(device, "/account/sign-out", [])).StatusCode);

        using var replay = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        replay.DefaultRequestHeaders.Add("Cookie", copied);
        var reads = await CaseListReadsAsync(user.Id);
        await AssertSentToSignInAsync(replay);
        await AssertSentToSignInAsync(otherDevice);
        Assert.Equal(reads, await CaseListReadsAsync(user.Id));
    }

    [Fact]
    public async Task ARoleChange_APasswordChange_OrDisabling_EndsTheirSessionsAtOnce()
    {
        var admin = await app.PagesAsync(StaffRole.Administrator);
        var moved = await app.NewStaffAsync(StaffRole.OffenderManager, app.World.TeamA.Id);
        using var movedSession = await app.SignedInAsync(moved);
        Assert.Equal(HttpStatusCode.OK, (await movedSession.GetAsync("/cases")).StatusCode);
        var page = $"/admin/users/{moved.Id}";
        var stamp = await app.Factory.WithDbAsync(db => db.Users.Where(u => u.Id == moved.Id).Select(u => u.ConcurrencyStamp).SingleAsync());
        var saved = await AppFixture.PostFormAsync(admin, $"{page}?handler=Update", new()
        {
            ["Input.Role"] = nameof(StaffRole.SeniorProbationOfficer), ["Input.TeamId"] = app.World.TeamA.Id.ToString(), ["Input.Stamp"] = stamp!,
        }, formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await AssertSentToSignInAsync(movedSession);

        var changed = await app.NewStaffAsync(StaffRole.OffenderManager, app.World.TeamA.Id);
        using var changedSession = await app.SignedInAsync(changed);
        Assert.Equal(HttpStatusCode.OK, (await changedSession.GetAsync("/cases")).StatusCode);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var u = (await users.FindByIdAsync(changed.Id.ToString()))!;
            Assert.True((await users.ChangePasswordAsync(u, TestWorld.Password, "Another-Passw0rd!")).Succeeded);
        }
        await AssertSentToSignInAsync(changedSession);

        // Disabling is refused on the next request even without a new security stamp.
        var disabled = await app.NewStaffAsync(StaffRole.OffenderManager, app.World.TeamA.Id);
        using var disabledSession = await app.SignedInAsync(disabled);
        Assert.Equal(HttpStatusCode.OK, (await disabledSession.GetAsync("/cases")).StatusCode);
        await app.Factory.WithDbAsync(db => db.Users.Where(u => u.Id == disabled.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledAt, DateTimeOffset.UtcNow)));
        await AssertSentToSignInAsync(disabledSession);
    }

    [Fact]
    public async Task ASession_EndsAtItsAbsoluteLifetime_HoweverActiveItHasBeen()
    {
        Assert.Equal(10, app.Factory.Services.GetRequiredService<IOptions<PathwayAuthOptions>>().Value.AbsoluteSessionHours);
        var user = await app.NewStaffAsync(StaffRole.OffenderManager, app.World.TeamA.Id);
        // A cookie the app itself would issue, from a sign-in this long ago, renewed a minute ago by activity.
        async Task<HttpStatusCode> CasesInASessionStarted(TimeSpan ago)
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<StaffUser>>();
            var principal = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByIdAsync(user.Id.ToString()))!);
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim("amr", "mfa"));
            var now = DateTimeOffset.UtcNow;
            var properties = new AuthenticationProperties { IssuedUtc = now.AddMinutes(-1), ExpiresUtc = now.AddMinutes(29) };
            properties.Items[ServerSideSessions.SignedInAtItem] = now.Subtract(ago).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var cookie = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
            var value = cookie.TicketDataFormat.Protect(new AuthenticationTicket(principal, properties, IdentityConstants.ApplicationScheme));
            using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            client.DefaultRequestHeaders.Add("Cookie", $"{cookie.Cookie.Name}={value}");
            return (await client.GetAsync("/cases")).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await CasesInASessionStarted(TimeSpan.FromHours(9)));
        Assert.Equal(HttpStatusCode.Redirect, await CasesInASessionStarted(TimeSpan.FromHours(10)));
    }

    private Task<int> CaseListReadsAsync(Guid userId) =>
        app.Factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.UserId == userId && e.Action == "case.list"));

    private static async Task AssertSentToSignInAsync(HttpClient client)
    {
        var res = await client.GetAsync("/cases");
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Contains("/account/sign-in", res.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static string ErrorSummary(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<div class=\"govuk-error-summary\".*?</div>\\s*</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;

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
        Assert.Equal(ApiTokenIssuance.TwoFactorSession, stored.IssuedVia);
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
        await AppFixture.SignInAsync(app.Factory.Services, client, app.World.Users[StaffRole.Psychologist].Email!, TestWorld.Password, TestWorld.AuthenticatorKey);
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
            var record = ApiTokens.Issue(db, user.Id, "old", DateTimeOffset.UtcNow.AddDays(-10), 1, ApiTokenIssuance.OperatorCli, out var p);
            await db.SaveChangesAsync();
            return p;
        });
        using var api = app.Anonymous();
        api.DefaultRequestHeaders.Authorization = new("Bearer", plain);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/cases")).StatusCode);
    }
}

public sealed class AccountTestsSqlite(SqliteApp app) : AccountTests(app), IClassFixture<SqliteApp>
{
    /// <summary>
    /// The limits are per app instance and do not touch the database, so this runs on SQLite only, in a second app
    /// over the fixture's database with small limits (the test apps otherwise set them out of reach).
    /// </summary>
    [Fact]
    public async Task SignIn_IsThrottledPerAccountAndPerClientAddress_WithATooManySignInAttemptsPage()
    {
        using var throttled = app.Factory.WithWebHostBuilder(b => b
            .UseSetting("Authentication:SignInThrottle:AttemptsPerAccount", "3")
            .UseSetting("Authentication:SignInThrottle:AttemptsPerAddressPerMinute", "8"));
        using var client = throttled.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var target = app.World.Users[StaffRole.Psychologist].Email!;

        // Per account: the fourth try at one email address is refused, even with the right password...
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await AppFixture.PostFormAsync(client, "/account/sign-in", new() { ["Email"] = target, ["Password"] = "Wrong-Password-1!" })).StatusCode);
        var refused = await AppFixture.PostFormAsync(client, "/account/sign-in", new() { ["Email"] = target, ["Password"] = TestWorld.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many sign-in attempts", await AppFixture.TextAsync(refused), StringComparison.Ordinal);
        // ...while another address carries on (and one that belongs to nobody is counted just the same).
        var other = await AppFixture.PostFormAsync(client, "/account/sign-in", new() { ["Email"] = $"nobody-{Guid.NewGuid():N}@test.pathway.example", ["Password"] = "x" });
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        // Per client address: posts to the sign-in pages from one address, whatever the account.
        async Task<HttpStatusCode> PostFrom(string ip, string method = "POST")
        {
            var ctx = await throttled.Server.SendAsync(c =>
            {
                c.Request.Method = method;
                c.Request.Path = "/account/sign-in";
                c.Connection.RemoteIpAddress = IPAddress.Parse(ip);
            });
            return (HttpStatusCode)ctx.Response.StatusCode;
        }
        for (var i = 0; i < 8; i++) Assert.NotEqual(HttpStatusCode.TooManyRequests, await PostFrom("203.0.113.9"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostFrom("203.0.113.9"));
        Assert.Equal(HttpStatusCode.OK, await PostFrom("203.0.113.9", "GET"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await PostFrom("198.51.100.9"));
    }
}

public sealed class AccountTestsPostgres(PostgresApp app) : AccountTests(app), IClassFixture<PostgresApp>;
