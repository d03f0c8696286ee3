using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Baken.LoadTest;

/// <summary>Command-line options. Every limit is bounded: the run cannot outlast its duration cap or its request cap.</summary>
public sealed class Options
{
    public const int MaxDurationSeconds = 120;
    public const int MaxUsers = 500;

    public Uri Url { get; private set; } = new("http://127.0.0.1:5181");
    public string? Token { get; private set; }
    public int Users { get; private set; } = 50;
    public int DurationSeconds { get; private set; } = 30;
    public int WarmupSeconds { get; private set; } = 5;
    public int SeedScenarios { get; private set; } = 10_000;
    public int PageSize { get; private set; } = 50;
    public int MaxRequestsPerUser { get; private set; } = 20_000;
    public int ThinkMilliseconds { get; private set; }
    public int TimeoutSeconds { get; private set; } = 30;
    public int BaselineRequests { get; private set; } = 20;
    public int? ServerPid { get; private set; }
    public string? DumpFile { get; private set; }

    public const string Usage = """
        Baken.LoadTest: a bounded load test of the register (issue 4). Starts nothing; talks HTTP to a running 'baken serve'.

          --url URL               server, loopback only                          (default http://127.0.0.1:5181)
          --token TOKEN           personal API token ('baken user token admin'); or $BAKEN_TOKEN
          --users N               concurrent users                                (default 50, at most 500)
          --duration S            measured seconds                                (default 30, at most 120)
          --warmup S              unmeasured seconds before that                  (default 5, at most 30)
          --seed-scenarios N      import scenarios until the register holds N    (default 10000; 0 = no seeding)
          --page-size N           page size of the API list route                 (default 50)
          --think-ms N            mean pause between a user's requests, drawn uniformly from 0.5–1.5 × N (default 0: back to back)
          --max-requests-per-user N  cap on each user's requests                  (default 20000)
          --timeout S             per request                                     (default 30)
          --baseline N            requests per route by one user before the load (default 20; 0 = skip)
          --server-pid PID        report the server's CPU use during the measured phase (Linux /proc)
          --dump FILE             write every measured request (route, start, latency) to a CSV file

        Exit codes: 0 no errors, 1 a request failed during the load, 2 bad options or the server could not be prepared.
        """;

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help") throw new OptionsException(null);
            if (i + 1 >= args.Length) throw new OptionsException($"{name} needs a value.");
            var value = args[++i];
            switch (name)
            {
                case "--url": o.Url = ParseUrl(value); break;
                case "--token": o.Token = value; break;
                case "--users": o.Users = Int(name, value, 1, MaxUsers); break;
                case "--duration": o.DurationSeconds = Int(name, value, 1, MaxDurationSeconds); break;
                case "--warmup": o.WarmupSeconds = Int(name, value, 0, 30); break;
                case "--seed-scenarios": o.SeedScenarios = Int(name, value, 0, 99_999); break;
                case "--page-size": o.PageSize = Int(name, value, 1, 500); break;
                case "--think-ms": o.ThinkMilliseconds = Int(name, value, 0, 60_000); break;
                case "--max-requests-per-user": o.MaxRequestsPerUser = Int(name, value, 1, 1_000_000); break;
                case "--timeout": o.TimeoutSeconds = Int(name, value, 1, 120); break;
                case "--baseline": o.BaselineRequests = Int(name, value, 0, 1_000); break;
                case "--server-pid": o.ServerPid = Int(name, value, 1, int.MaxValue); break;
                case "--dump": o.DumpFile = value; break;
                default: throw new OptionsException($"Unknown option {name}.");
            }
        }
        o.Token ??= Environment.GetEnvironmentVariable("BAKEN_TOKEN");
        if (string.IsNullOrWhiteSpace(o.Token)) throw new OptionsException("--token is required (or set BAKEN_TOKEN); create one with 'baken user token admin'.");
        return o;
    }

    private static int Int(string name, string value, int min, int max)
    {
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            throw new OptionsException($"{name} must be a whole number from {min} to {max}, not '{value}'.");
        return v;
    }

    /// <summary>Only loopback addresses: this tool must never put load on another machine.</summary>
    private static Uri ParseUrl(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new OptionsException($"--url must be an absolute http(s) address, not '{value}'.");
        var loopback = uri.IsLoopback
                       || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        if (!loopback)
            throw new OptionsException($"--url must be a loopback address (127.0.0.1, ::1 or localhost), not '{uri.Host}'.");
        if (uri.IsLoopback && !IPAddress.TryParse(uri.Host.Trim('[', ']'), out _))
        {
            // "localhost": make sure it really resolves to loopback only.
            var addresses = Dns.GetHostAddresses(uri.Host);
            if (addresses.Length == 0 || addresses.Any(a => !IPAddress.IsLoopback(a) && a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
                throw new OptionsException($"--url host '{uri.Host}' does not resolve to loopback only.");
        }
        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }
}

public sealed class OptionsException(string? message) : Exception(message ?? "help");
