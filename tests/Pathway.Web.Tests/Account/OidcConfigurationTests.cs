using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Account;

/// <summary>OpenID Connect is off unless configured, and on when it is.</summary>
public sealed class OidcConfigurationTests
{
    private sealed class OidcFactory() : PathwayFactory(Provider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Authentication:Oidc:Authority", "https://login.idp.example/tenant");
            builder.UseSetting("Authentication:Oidc:ClientId", "pathway");
            builder.UseSetting("Authentication:Oidc:DisplayName", "your NHS account");
        }
    }

    [Fact]
    public async Task WhenConfigured_TheSchemeIsRegistered_AndSignInOffersIt()
    {
        using var factory = new OidcFactory();
        var schemes = factory.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.NotNull(await schemes.GetSchemeAsync("OpenIdConnect"));
        using var client = factory.CreateClient();
        var page = await client.GetStringAsync("/account/sign-in");
        Assert.Contains("Sign in with your NHS account", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenNotConfigured_ThereIsNoSingleSignOn()
    {
        using var factory = new PathwayFactory(Provider.Sqlite);
        var schemes = factory.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.Null(await schemes.GetSchemeAsync("OpenIdConnect"));
        using var client = factory.CreateClient();
        Assert.DoesNotContain("Sign in with", await client.GetStringAsync("/account/sign-in"), StringComparison.Ordinal);
    }
}
