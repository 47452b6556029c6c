using System.Net;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Training;

/// <summary>The public certificate check is rate-limited per client address, so certificate numbers cannot be walked.</summary>
public sealed class VerifyRateLimitTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>TestServer lets a test say which address a request comes from.</summary>
    private async Task<(HttpStatusCode Status, string Body)> FromAsync(string ip, string path)
    {
        var ctx = await app.Factory.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = path;
            c.Connection.RemoteIpAddress = IPAddress.Parse(ip);
        });
        return ((HttpStatusCode)ctx.Response.StatusCode, await new StreamReader(ctx.Response.Body).ReadToEndAsync());
    }

    [Fact]
    public async Task TheTwentyFirstCheckInAMinute_FromOneAddress_Gets429_WithAClearPage_WhileOtherAddressesCarryOn()
    {
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.OK, (await FromAsync("203.0.113.7", $"/verify/PWT-0000-0000-0000-0000-{i:D4}")).Status);
        var refused = await FromAsync("203.0.113.7", "/verify/PWT-0000-0000-0000-0000-0021");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Contains("Too many requests", refused.Body, StringComparison.Ordinal);
        var api = await FromAsync("203.0.113.7", "/api/v1/training/certificates/PWT-0000-0000-0000-0000-0000/verify");
        Assert.Equal(HttpStatusCode.TooManyRequests, api.Status);
        Assert.Contains("\"status\":429", api.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await FromAsync("198.51.100.4", "/verify/PWT-0000-0000-0000-0000-0000")).Status);
    }
}
