using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Security;
using Pathway.Domain.Cases;
using Pathway.Domain.Staff;

namespace Pathway.Web.Tests.Infrastructure;

/// <summary>
/// Fresh people and cases for tests that change what someone can see, so they never disturb the shared
/// <see cref="TestWorld"/> that other tests in the class rely on.
/// </summary>
public abstract partial class AppFixture
{
    private int _nextCrn = 500000;

    /// <summary>A new member of staff with <see cref="TestWorld.Password"/>, an enrolled authenticator and no API token.</summary>
    public async Task<StaffUser> NewStaffAsync(StaffRole role, Guid? teamId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@test.pathway.example";
        var u = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Fresh {role}", TeamId = teamId, CreatedAt = DateTimeOffset.UtcNow };
        Check(await users.CreateAsync(u, TestWorld.Password));
        Check(await users.AddToRoleAsync(u, role.ToString()));
        Check(await users.SetAuthenticationTokenAsync(u, "[AspNetUserStore]", "AuthenticatorKey", TestWorld.AuthenticatorKey));
        Check(await users.SetTwoFactorEnabledAsync(u, true));
        return u;
    }

    /// <summary>A new browser-like client signed in as <paramref name="user"/> through the real pages.</summary>
    public async Task<HttpClient> SignedInAsync(StaffUser user)
    {
        var client = Anonymous();
        await SignInAsync(Factory.Services, client, user.Email!, TestWorld.Password, TestWorld.AuthenticatorKey);
        return client;
    }

    /// <summary>An API client with a new personal token for <paramref name="user"/>, made as an operator would on the server.</summary>
    public async Task<HttpClient> ApiAsAsync(StaffUser user, ApiTokenIssuance issuedVia = ApiTokenIssuance.OperatorCli)
    {
        var plain = await Factory.WithDbAsync(async db =>
        {
            ApiTokens.Issue(db, user.Id, "tests", DateTimeOffset.UtcNow, 30, issuedVia, out var p);
            await db.SaveChangesAsync();
            return p;
        });
        var c = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", plain);
        return c;
    }

    /// <summary>A new case in <paramref name="teamId"/> with a CRN no other case in this fixture has.</summary>
    public async Task<CaseRecord> NewCaseAsync(Guid teamId, bool restricted = false, params Guid[] namedStaff)
    {
        var crn = $"U{Interlocked.Increment(ref _nextCrn):D6}";
        return await Factory.WithDbAsync(async db =>
        {
            var c = new CaseRecord
            {
                Crn = crn, GivenName = "Fresh", FamilyName = "Person " + crn, DateOfBirth = new DateOnly(1990, 1, 2), Gender = Gender.Female,
                Ethnicity = Ethnicity.NotStated, RoshLevel = RoshLevel.Medium, TeamId = teamId, IsRestricted = restricted,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            foreach (var id in namedStaff) c.NamedStaff.Add(new CaseNamedStaff { CaseId = c.Id, UserId = id });
            db.Cases.Add(c);
            await db.SaveChangesAsync();
            return c;
        });
    }

    /// <summary>The page's text with HTML entities decoded, so assertions can use plain apostrophes and quotes.</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
    }
}
