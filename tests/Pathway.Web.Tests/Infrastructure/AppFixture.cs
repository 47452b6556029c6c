using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using OtpNet;
using Pathway.Domain.Staff;

namespace Pathway.Web.Tests.Infrastructure;

/// <summary>
/// A running app on a database of its own, and its <see cref="TestWorld"/>, shared by the tests of a class. The app
/// itself comes from <see cref="AppPool"/>: starting one costs seconds of CPU, so a class borrows one that another class
/// has finished with, moved first to a database of its own holding a new copy of the app's world. Classes that change
/// the app itself (its key files, its settings) use <see cref="OwnSqliteApp"/> or <see cref="OwnPostgresApp"/> instead.
/// </summary>
public abstract partial class AppFixture(Provider provider, bool pooled = true) : IAsyncLifetime
{
    public PathwayFactory Factory { get; private set; } = null!;
    public TestWorld World { get; private set; } = null!;
    private readonly Dictionary<StaffRole, HttpClient> _signedIn = [];
    private readonly SemaphoreSlim _signInGate = new(1, 1);

    public async Task InitializeAsync()
    {
        if (pooled)
        {
            Factory = AppPool.Take(provider);
            World = await Factory.FreshWorldAsync();
            return;
        }
        Factory = new PathwayFactory(provider);
        _ = Factory.Server; // start the app: migrations and reference data run at start-up
        World = await TestWorld.CreateAsync(Factory.Services);
    }

    public Task DisposeAsync()
    {
        foreach (var c in _signedIn.Values) c.Dispose();
        if (pooled) AppPool.Return(Factory);
        else Factory.Dispose();
        return Task.CompletedTask;
    }

    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public HttpClient Api(StaffRole role)
    {
        var c = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", World.Tokens[role]);
        return c;
    }

    /// <summary>A browser-like client signed in through the real pages: password, then the authenticator code.</summary>
    public async Task<HttpClient> PagesAsync(StaffRole role)
    {
        await _signInGate.WaitAsync();
        try
        {
            if (_signedIn.TryGetValue(role, out var existing)) return existing;
            var client = Anonymous();
            await SignInAsync(Factory.Services, client, World.Users[role].Email!, TestWorld.Password, TestWorld.AuthenticatorKey);
            _signedIn[role] = client;
            return client;
        }
        finally
        {
            _signInGate.Release();
        }
    }

    /// <summary>
    /// Signs in through the pages. Every helper types the code for now from a shared key, and a code is accepted only
    /// once, so the user's last accepted step is forgotten first (<see cref="TestWorld.ForgetLastAuthenticatorCodeAsync"/>).
    /// </summary>
    public static async Task SignInAsync(IServiceProvider app, HttpClient client, string email, string password, string authenticatorKey)
    {
        await TestWorld.ForgetLastAuthenticatorCodeAsync(app, email);
        var first = await PostFormAsync(client, "/account/sign-in", new() { ["Email"] = email, ["Password"] = password });
        if (first.StatusCode != HttpStatusCode.Redirect || first.Headers.Location?.ToString().Contains("two-factor", StringComparison.Ordinal) != true)
            throw new InvalidOperationException($"Password step did not ask for a code: {first.StatusCode} {first.Headers.Location}");
        var code = new Totp(Base32Encoding.ToBytes(authenticatorKey)).ComputeTotp();
        var second = await PostFormAsync(client, "/account/sign-in/two-factor", new() { ["Code"] = code });
        if (second.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Two-factor step failed: {second.StatusCode}");
    }

    /// <summary>GETs the form page for its antiforgery token, then posts the fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetAsync(formPage ?? path);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        if (!token.Success) throw new InvalidOperationException($"No antiforgery token on {formPage ?? path} ({page.StatusCode})");
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(path, new FormUrlEncodedContent(all));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public sealed class SqliteApp() : AppFixture(Provider.Sqlite);

public sealed class PostgresApp() : AppFixture(Provider.Postgres);

/// <summary>An app started for this class alone, for tests that change the app itself (key files, checkpoints).</summary>
public sealed class OwnSqliteApp() : AppFixture(Provider.Sqlite, pooled: false);

/// <inheritdoc cref="OwnSqliteApp"/>
public sealed class OwnPostgresApp() : AppFixture(Provider.Postgres, pooled: false);
