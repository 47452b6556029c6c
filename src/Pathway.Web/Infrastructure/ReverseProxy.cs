using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Pathway.Web.Infrastructure;

/// <summary>
/// The reverse proxies (load balancers, TLS terminators) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>
/// Pathway believes. Bound from <c>ReverseProxy</c>. Loopback is always trusted (a proxy on the same machine); any
/// other proxy must be named, or a client could claim any address and any scheme.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row may append to the headers (one load balancer: 1).</summary>
    public int ForwardLimit { get; set; } = 1;
}

public static class ReverseProxy
{
    /// <summary>HSTS as the NCSC and the GOV.UK Service Manual ask: a year, sub-domains included.</summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();
        if (options.ForwardLimit < 1) throw new InvalidOperationException($"{ReverseProxyOptions.Section}:ForwardLimit must be at least 1.");
        var proxies = options.KnownProxies.Select(p => IPAddress.TryParse(p, out var a)
            ? a : throw new InvalidOperationException($"{ReverseProxyOptions.Section}:KnownProxies has '{p}', which is not an IP address.")).ToList();
        var networks = options.KnownNetworks.Select(n => IPNetwork.TryParse(n, out var net)
            ? net : throw new InvalidOperationException($"{ReverseProxyOptions.Section}:KnownNetworks has '{n}', which is not a network in CIDR form (10.0.0.0/24).")).ToList();

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = options.ForwardLimit;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            o.KnownIPNetworks.Add(new IPNetwork(IPAddress.Loopback, 8));
            o.KnownProxies.Add(IPAddress.IPv6Loopback);
            foreach (var p in proxies) o.KnownProxies.Add(p);
            foreach (var n in networks) o.KnownIPNetworks.Add(n);
        });
        services.AddHsts(o =>
        {
            o.MaxAge = HstsMaxAge;
            o.IncludeSubDomains = true;
        });
        return services;
    }
}
