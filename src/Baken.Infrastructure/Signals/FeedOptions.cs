namespace Baken.Infrastructure.Signals;

/// <summary>Settings of the feed poller (configuration section <c>Feeds</c>).</summary>
public sealed class FeedOptions
{
    public const string Section = "Feeds";

    /// <summary>
    /// Hosts, addresses or networks (CIDR, e.g. <c>10.20.0.0/16</c>) that a feed may be read from although they are
    /// loopback, link-local or private. Empty by default: feeds come from the public internet only.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Seconds a whole poll of one feed may take, from connecting to the last byte (default 30).</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Whether the web host polls the due feeds and evaluates the indicators every minute (default true).</summary>
    public bool PollingEnabled { get; set; } = true;
}
