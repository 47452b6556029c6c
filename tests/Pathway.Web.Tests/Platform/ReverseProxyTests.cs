using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data.Entities;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Platform;

/// <summary>
/// Behind a load balancer that terminates TLS: Pathway believes X-Forwarded-Proto and X-Forwarded-For from the proxies it
/// is told about (and loopback), and from nobody else.
/// </summary>
public sealed class ReverseProxyTests(ReverseProxyTests.ProxiedApp app) : IClassFixture<ReverseProxyTests.ProxiedApp>
{
    private const string Proxy = "192.0.2.10";
    private const string Stranger = "203.0.113.9";

    /// <summary>An app that trusts one proxy; a test header says which address each request arrives from.</summary>
    public sealed class ProxiedApp : IDisposable
    {
        public PathwayFactory Factory { get; } = new ProxiedFactory();
        public void Dispose() => Factory.Dispose();
    }

    private sealed class ProxiedFactory() : PathwayFactory(Provider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ReverseProxy:KnownProxies:0", Proxy);
            builder.UseSetting("Training:Verify:PermitsPerMinute", "3");
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ArrivesFrom>());
        }
    }

    /// <summary>Runs before the app's pipeline, as the network would: sets the connection's address.</summary>
    private sealed class ArrivesFrom : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => b =>
        {
            b.Use((ctx, nextMiddleware) =>
            {
                if (ctx.Request.Headers.TryGetValue("X-Test-Connection-From", out var from))
                    ctx.Connection.RemoteIpAddress = IPAddress.Parse(from.ToString());
                return nextMiddleware(ctx);
            });
            next(b);
        };
    }

    private HttpClient Client(string from, string? forwardedProto = null)
    {
        var c = app.Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri("http://pathway.example"),
        });
        c.DefaultRequestHeaders.Add("X-Test-Connection-From", from);
        if (forwardedProto is not null) c.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        return c;
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage r) =>
        r.Headers.TryGetValues("Set-Cookie", out var v) ? v : [];

    [Fact]
    public async Task HttpsSeenThroughATrustedProxy_SendsHstsForAYearWithSubdomains_AndSecureCookies()
    {
        using var client = Client(Proxy, "https");
        var page = await client.GetAsync("/account/sign-in");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")));
        var antiforgery = Assert.Single(Cookies(page), c => c.StartsWith("pathway.antiforgery=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        // The session cookie: a role that sees no case data signs in with a password alone.
        var email = $"proxy-{Guid.NewGuid():N}@test.pathway.example";
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Proxy Test", CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(user, TestWorld.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, StaffRole.TrainingCoordinator.ToString())).Succeeded);
        }
        // The cookie jar rightly keeps a Secure cookie off plain http, which is what the proxy speaks to Pathway: carry it by hand.
        var form = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email, ["Password"] = TestWorld.Password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }),
        };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Assert.Single(Cookies(signedIn), c => c.StartsWith("pathway.session=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AClientThatIsNotAKnownProxy_CannotClaimHttps()
    {
        using var client = Client(Stranger, "https");
        var page = await client.GetAsync("/account/sign-in");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        var antiforgery = Assert.Single(Cookies(page), c => c.StartsWith("pathway.antiforgery=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheCertificateCheckLimit_KeysOnTheForwardedClient_AndCannotBeDodgedByAForgedHeader()
    {
        async Task<HttpStatusCode> CheckAsync(string from, string? forwardedFor)
        {
            using var client = Client(from);
            using var request = new HttpRequestMessage(HttpMethod.Get, "/verify/PWT-0000-0000-0000-0000-0001");
            if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
            return (await client.SendAsync(request)).StatusCode;
        }

        // Two people behind the same load balancer each have their own allowance (3 a minute in this app).
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, await CheckAsync(Proxy, "198.51.100.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await CheckAsync(Proxy, "198.51.100.1"));
        Assert.Equal(HttpStatusCode.OK, await CheckAsync(Proxy, "198.51.100.2"));

        // A client talking to Pathway directly cannot reset its allowance by naming a new address each time.
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, await CheckAsync(Stranger, $"198.51.100.{10 + i}"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await CheckAsync(Stranger, "198.51.100.99"));
    }

    [Fact]
    public async Task Pages_CarryTheStrictHeaders_NoInlineScriptNoFramingNoCaching()
    {
        using var client = Client(Proxy, "https");
        var page = await client.GetAsync("/account/sign-in");

        var csp = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(page.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(page.Headers.GetValues("X-Frame-Options")));
        Assert.True(page.Headers.CacheControl?.NoStore);
        var session = Cookies(page).Where(c => c.StartsWith("pathway.", StringComparison.Ordinal)).ToList();
        Assert.All(session, c => Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(session, c => Assert.Contains("samesite=", c, StringComparison.OrdinalIgnoreCase));
    }
}
