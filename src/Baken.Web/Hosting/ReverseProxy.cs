using System.Globalization;
using System.Net;
using Baken.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Baken.Web.Hosting;

/// <summary>
/// Section "ReverseProxy": which senders may tell this node who the client is (X-Forwarded-For), how it was reached
/// (X-Forwarded-Proto) and under which name (X-Forwarded-Host). Off by default: with nothing listed, forwarded headers
/// are ignored from everyone, also from the loopback address, so nobody can pose as another address by sending them.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>Addresses of the proxies to trust, such as "10.0.0.5" or "fd00::5". Default none.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies to trust in CIDR notation, such as "10.0.0.0/24". Default none.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>Host names a trusted proxy may forward in X-Forwarded-Host, such as "baken.example.nl"; empty: any. Default empty.</summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>How many proxies in a row are read from the end of X-Forwarded-For (each must be trusted). 1 to 10, default 1.</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool Enabled => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    /// <summary>Each bad setting as "ReverseProxy:Name: 'value' is not allowed; allowed: …".</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        for (var i = 0; i < KnownProxies.Length; i++)
            if (!IPAddress.TryParse(KnownProxies[i].Trim(), out _))
                problems.Add(FieldProblem.Describe($"{Section}:KnownProxies:{i}", KnownProxies[i], "an IPv4 or IPv6 address such as 10.0.0.5"));
        for (var i = 0; i < KnownNetworks.Length; i++)
            if (!System.Net.IPNetwork.TryParse(KnownNetworks[i].Trim(), out _))
                problems.Add(FieldProblem.Describe($"{Section}:KnownNetworks:{i}", KnownNetworks[i], "a network in CIDR notation such as 10.0.0.0/24"));
        for (var i = 0; i < AllowedHosts.Length; i++)
            if (string.IsNullOrWhiteSpace(AllowedHosts[i]) || AllowedHosts[i].Contains('/'))
                problems.Add(FieldProblem.Describe($"{Section}:AllowedHosts:{i}", AllowedHosts[i], "a host name such as baken.example.nl (optionally with :port or a leading *.)"));
        if (ForwardLimit is < 1 or > 10)
            problems.Add(FieldProblem.Describe($"{Section}:ForwardLimit", ForwardLimit.ToString(CultureInfo.InvariantCulture), "a whole number from 1 to 10"));
        return problems;
    }
}

/// <summary>Reads forwarded headers only from the proxies the settings name (docs/operations.md).</summary>
public static class ReverseProxy
{
    public static void AddBakenReverseProxy(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReverseProxyOptions>().Bind(builder.Configuration.GetSection(ReverseProxyOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ReverseProxyOptions>, ReverseProxyValidation>();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((o, proxy) =>
        {
            var settings = proxy.Value;
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // The framework trusts the loopback address by default; Baken trusts only what the settings name.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var address in settings.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(address.Trim()));
            foreach (var network in settings.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
            o.AllowedHosts = settings.AllowedHosts.Select(h => h.Trim()).ToList();
            o.ForwardLimit = settings.ForwardLimit;
            // A client that sends more addresses than there are proxies is ignored beyond them, not refused.
            o.RequireHeaderSymmetry = false;
        });
    }

    /// <summary>First in the pipeline, so the rate limiter, the logs, redirects and cookies see the client, not the proxy.</summary>
    public static void UseBakenReverseProxy(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value.Enabled) app.UseForwardedHeaders();
    }

    private sealed class ReverseProxyValidation : IValidateOptions<ReverseProxyOptions>
    {
        public ValidateOptionsResult Validate(string? name, ReverseProxyOptions options) =>
            options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
