using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Baken.LoadTest;

/// <summary>
/// A bounded load test of the register (issue 4): seeds scenarios through the import API when the register holds fewer
/// than asked, measures each route once by a single user (the baseline), then runs N concurrent users back to back for a
/// fixed time and prints requests, errors and latency percentiles per route. HttpClient + Stopwatch, nothing else.
/// </summary>
public static class Program
{
    private const string Kind = "scenario";
    private const int ImportBatch = 2_000;
    private const double TargetP99Ms = 200;

    private static readonly string[] TitleWords =
        ["flood", "power outage", "cyberattack", "pandemic", "drought", "unrest", "espionage", "sabotage", "heatwave"];

    private static readonly string[] SearchTerms =
        ["flood", "outage", "cyber", "pandemic", "drought", "region 7", "S-0042", "S-09", "sabotage", "nothing-matches-this"];

    public static async Task<int> Main(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (OptionsException e)
        {
            if (e.Message != "help") await Console.Error.WriteLineAsync(e.Message);
            await Console.Out.WriteLineAsync(Options.Usage);
            return e.Message == "help" ? 0 : 2;
        }

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Users + 4,
            AllowAutoRedirect = false, // a redirect to the sign-in page is a failure, not a success
            UseCookies = false,
            UseProxy = false,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        using var http = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);

        await Console.Out.WriteLineAsync($"Baken load test against {options.Url} · {options.Users} users · {options.WarmupSeconds} s warm-up + {options.DurationSeconds} s measured · " +
                                         $"think {options.ThinkMilliseconds} ms · {Environment.ProcessorCount} cores · .NET {Environment.Version} · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        int total;
        try
        {
            total = await PrepareAsync(http, options);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or PreparationException or JsonException)
        {
            await Console.Error.WriteLineAsync("Could not prepare the server: " + e.Message);
            return 2;
        }

        var lastPage = Math.Max(1, (total + options.PageSize - 1) / options.PageSize);
        if (options.BaselineRequests > 0) await BaselineAsync(http, options, lastPage);
        var serverCpuBefore = ServerCpuSeconds(options.ServerPid);
        var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var (results, errors, elapsed) = await LoadAsync(http, options, lastPage);
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - clientCpuBefore;
        var serverCpu = ServerCpuSeconds(options.ServerPid) - serverCpuBefore;
        if (options.DumpFile is { } dump) await DumpAsync(dump, results);
        Report(results, errors, elapsed, options);
        // Warm-up included: both figures cover warm-up + measured time.
        var wall = elapsed.TotalSeconds + options.WarmupSeconds;
        var server = options.ServerPid is null ? "" : FormattableString.Invariant($", server {serverCpu:F1} s ({serverCpu / wall:F2} cores)");
        Console.WriteLine(FormattableString.Invariant(
            $"CPU during warm-up + load ({wall:F1} s wall): load client {clientCpu:F1} s ({clientCpu / wall:F2} cores){server}, machine has {Environment.ProcessorCount} cores."));
        if (WarmupErrors > 0) Console.WriteLine($"{WarmupErrors} requests failed during the warm-up.");
        return results.Values.Sum(r => r.Errors) + WarmupErrors + BaselineErrors.Count > 0 ? 1 : 0;
    }

    // ---------------------------------------------------------------- preparation and seeding

    private static async Task<int> PrepareAsync(HttpClient http, Options options)
    {
        var total = await CountAsync(http);
        await Console.Out.WriteLineAsync($"Register holds {total} scenarios; asked for {options.SeedScenarios}.");
        var next = 1;
        var sw = Stopwatch.StartNew();
        while (total < options.SeedScenarios)
        {
            var count = Math.Min(ImportBatch, options.SeedScenarios - total);
            if (next + count - 1 > 99_999) throw new PreparationException("ran out of S-nnnnn codes while seeding.");
            var csv = new StringBuilder("code,title,kind,theme,horizon_years\n");
            for (var i = next; i < next + count; i++)
                csv.Append(CultureInfo.InvariantCulture, $"S-{i:D5},{TitleWords[i % TitleWords.Length]} in region {i % 12 + 1} (load test {i:D5}),{(i % 3 == 0 ? "threat" : "hazard")},T{i % 9 + 1},5\n");
            using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
            var batch = Stopwatch.StartNew();
            using var response = await http.PostAsync($"api/register/{Kind}/import?format=csv", content);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
                throw new PreparationException($"import of S-{next:D5}..S-{next + count - 1:D5} answered {(int)response.StatusCode}: {Truncate(body, 600)}");
            next += count;
            total = await CountAsync(http);
            await Console.Out.WriteLineAsync($"  imported up to S-{next - 1:D5} in {batch.Elapsed.TotalSeconds:F1} s ({Truncate(body, 120)}); register now holds {total}.");
        }
        if (sw.Elapsed > TimeSpan.Zero && next > 1) await Console.Out.WriteLineAsync($"Seeding took {sw.Elapsed.TotalSeconds:F1} s.");

        // The page must really be the register list, not a sign-in page.
        using var page = await http.GetAsync($"register/{Kind}");
        var html = await page.Content.ReadAsStringAsync();
        if (page.StatusCode != HttpStatusCode.OK || !html.Contains("<table", StringComparison.OrdinalIgnoreCase))
            throw new PreparationException($"GET /register/{Kind} answered {(int)page.StatusCode} without the register table ({page.Headers.Location}).");
        return total;
    }

    private static async Task<int> CountAsync(HttpClient http)
    {
        using var response = await http.GetAsync($"api/register/{Kind}?page=1&pageSize=1");
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            throw new PreparationException("401: the token was refused; create one with 'baken user token admin' against the same database.");
        if (!response.IsSuccessStatusCode) throw new PreparationException($"GET /api/register/{Kind} answered {(int)response.StatusCode}: {Truncate(body, 300)}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("total").GetInt32();
    }

    // ---------------------------------------------------------------- the routes

    private sealed record Route(string Name, Func<int, string> Path);

    /// <summary>The mix each user loops over: the register page, the API list (pages 1..N in turn) and an API search.</summary>
    private static Route[] Mix(Options o, int lastPage) =>
    [
        new("page /register/scenario", _ => $"register/{Kind}"),
        new($"api list page 1..{lastPage}, size {o.PageSize}", n => $"api/register/{Kind}?page={n % lastPage + 1}&pageSize={o.PageSize}"),
        new("api search", n => $"api/register/{Kind}?search={Uri.EscapeDataString(SearchTerms[n % SearchTerms.Length])}&page=1&pageSize={o.PageSize}"),
    ];

    /// <summary>Extra routes measured only by the single-user baseline, to show where the time goes.</summary>
    private static Route[] BaselineRoutes(Options o, int lastPage) =>
    [
        new("GET /health (framework floor)", _ => "health"),
        .. Mix(o, lastPage),
        new("api list page 1, size 1", _ => $"api/register/{Kind}?page=1&pageSize=1"),
        new("api list page 1, size 500", _ => $"api/register/{Kind}?page=1&pageSize=500"),
        new($"api list last page ({lastPage}), size {o.PageSize}", _ => $"api/register/{Kind}?page={lastPage}&pageSize={o.PageSize}"),
        new("page /register/scenario?page=2", _ => $"register/{Kind}?page=2"),
    ];

    // ---------------------------------------------------------------- single-user baseline

    private static async Task BaselineAsync(HttpClient http, Options options, int lastPage)
    {
        await Console.Out.WriteLineAsync();
        await Console.Out.WriteLineAsync($"Baseline: one user, {options.BaselineRequests} requests per route after 3 unmeasured ones (ms):");
        var results = new Dictionary<string, RouteResult>(StringComparer.Ordinal);
        foreach (var route in BaselineRoutes(options, lastPage))
        {
            var r = results[route.Name] = new RouteResult();
            for (var i = 0; i < 3; i++) await SendAsync(http, route.Path(i), null, null);
            for (var i = 0; i < options.BaselineRequests; i++)
                r.Bytes = (await SendAsync(http, route.Path(i), r, BaselineErrors)).Bytes;
        }
        PrintTable(results, null, withBytes: true);
        foreach (var e in BaselineErrors) await Console.Out.WriteLineAsync("  error: " + e);
    }

    private static readonly List<string> BaselineErrors = [];

    // ---------------------------------------------------------------- concurrent load

    private static async Task<(Dictionary<string, RouteResult> Results, List<string> Errors, TimeSpan Elapsed)> LoadAsync(
        HttpClient http, Options options, int lastPage)
    {
        var mix = Mix(options, lastPage);
        var errors = new List<string>();
        var warmupEnd = Stopwatch.GetTimestamp() + (long)(options.WarmupSeconds * (double)Stopwatch.Frequency);
        var end = warmupEnd + (long)(options.DurationSeconds * (double)Stopwatch.Frequency);
        using var hardStop = new CancellationTokenSource(TimeSpan.FromSeconds(options.WarmupSeconds + options.DurationSeconds + options.TimeoutSeconds + 10));

        await Console.Out.WriteLineAsync();
        await Console.Out.WriteLineAsync($"Load: {options.Users} users, each looping over the mix of {mix.Length} routes back to back" +
                                         (options.ThinkMilliseconds > 0 ? $" with {options.ThinkMilliseconds / 2}–{options.ThinkMilliseconds * 3 / 2} ms between requests" : "") + "...");
        var perUser = new Dictionary<string, RouteResult>[options.Users];
        var tasks = new Task[options.Users];
        for (var u = 0; u < options.Users; u++)
        {
            var user = u;
            perUser[user] = mix.ToDictionary(r => r.Name, _ => new RouteResult(), StringComparer.Ordinal);
            tasks[user] = Task.Run(async () =>
            {
                var mine = perUser[user];
                // Users start spread over the first second (or the mean think time) and think for 0.5–1.5 × the mean,
                // so they do not arrive in lockstep waves. Seeded per user: the same run gives the same pattern.
                var random = new Random(2026 + user);
                await Task.Delay(random.Next(0, Math.Max(1000, options.ThinkMilliseconds)), CancellationToken.None);
                for (var n = 0; n < options.MaxRequestsPerUser && !hardStop.IsCancellationRequested; n++)
                {
                    var started = Stopwatch.GetTimestamp();
                    if (started >= end) break;
                    var route = mix[(n + user) % mix.Length];
                    var measured = started >= warmupEnd;
                    var (_, ok) = await SendAsync(http, route.Path(n / mix.Length + user * 7), measured ? mine[route.Name] : null, measured ? errors : null);
                    if (!ok && !measured) Interlocked.Increment(ref WarmupErrors);
                    if (options.ThinkMilliseconds > 0)
                    {
                        var think = options.ThinkMilliseconds / 2 + random.Next(0, options.ThinkMilliseconds + 1);
                        if (Stopwatch.GetTimestamp() + think * Stopwatch.Frequency / 1000 >= end) break;
                        await Task.Delay(think, CancellationToken.None);
                    }
                }
            });
        }
        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(warmupEnd);

        var merged = mix.ToDictionary(r => r.Name, _ => new RouteResult(), StringComparer.Ordinal);
        foreach (var user in perUser)
        foreach (var (name, r) in user)
        {
            merged[name].LatenciesMs.AddRange(r.LatenciesMs);
            merged[name].StartTimestamps.AddRange(r.StartTimestamps);
            merged[name].Errors += r.Errors;
        }
        return (merged, errors, elapsed);
    }

    private static int WarmupErrors;

    /// <summary>Sends one GET and reads the whole body; records its latency (and any failure) when a result is given.</summary>
    private static async Task<(long Bytes, bool Ok)> SendAsync(HttpClient http, string path, RouteResult? result, List<string>? errors)
    {
        var start = Stopwatch.GetTimestamp();
        string? failure = null;
        long bytes = 0;
        try
        {
            using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            bytes = body.Length;
            if (!response.IsSuccessStatusCode)
                failure = $"{(int)response.StatusCode} {path}: {Truncate(Encoding.UTF8.GetString(body), 200)}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            failure = $"{e.GetType().Name} {path}: {e.Message}";
        }
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (result is null) return (bytes, failure is null);
        result.LatenciesMs.Add(ms);
        result.StartTimestamps.Add(start);
        if (failure is not null)
        {
            result.Errors++;
            if (errors is not null)
                lock (errors)
                    if (errors.Count < 10) errors.Add(failure);
        }
        return (bytes, failure is null);
    }

    // ---------------------------------------------------------------- report

    /// <summary>Every measured request as CSV (route, start in ms since the first measured request, latency in ms).</summary>
    private static async Task DumpAsync(string path, Dictionary<string, RouteResult> results)
    {
        var first = results.Values.SelectMany(r => r.StartTimestamps).DefaultIfEmpty(0).Min();
        var csv = new StringBuilder("route,start_ms,latency_ms\n");
        foreach (var (name, r) in results)
            for (var i = 0; i < r.LatenciesMs.Count; i++)
                csv.Append(CultureInfo.InvariantCulture, $"\"{name}\",{(r.StartTimestamps[i] - first) * 1000.0 / Stopwatch.Frequency:F1},{r.LatenciesMs[i]:F1}\n");
        await File.WriteAllTextAsync(path, csv.ToString());
        await Console.Out.WriteLineAsync($"Wrote every measured request to {path}.");
    }

    /// <summary>User + system CPU seconds of another process, from /proc (Linux); 0 when unknown.</summary>
    private static double ServerCpuSeconds(int? pid)
    {
        if (pid is null) return 0;
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // Fields 14 and 15 of stat (utime, stime) are 11 and 12 after "pid (comm) state"; clock ticks of 1/100 s on Linux.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }

    private sealed class RouteResult
    {
        public List<double> LatenciesMs { get; } = [];
        public List<long> StartTimestamps { get; } = [];
        public int Errors { get; set; }
        public long Bytes { get; set; }
    }

    private static void Report(Dictionary<string, RouteResult> results, List<string> errors, TimeSpan elapsed, Options options)
    {
        Console.WriteLine($"Measured {elapsed.TotalSeconds:F1} s (ms):");
        var all = new RouteResult();
        foreach (var r in results.Values)
        {
            all.LatenciesMs.AddRange(r.LatenciesMs);
            all.Errors += r.Errors;
        }
        results["all"] = all;
        PrintTable(results, elapsed, withBytes: false);
        Console.WriteLine();
        foreach (var (name, r) in results)
        {
            if (name == "all" || r.LatenciesMs.Count == 0) continue;
            var p99 = Percentile(r.LatenciesMs.Order().ToList(), 99);
            Console.WriteLine($"  target p99 < {TargetP99Ms} ms · {name}: {(p99 < TargetP99Ms ? "met" : "MISSED")} ({p99:F0} ms)");
        }
        if (errors.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine($"{all.Errors} errors; the first {errors.Count}:");
            foreach (var e in errors) Console.WriteLine("  " + e);
        }
        Console.WriteLine(options.ThinkMilliseconds > 0 ? "" : "(users send their next request as soon as the previous answer is read: a closed loop without think time)");
    }

    private static void PrintTable(Dictionary<string, RouteResult> results, TimeSpan? elapsed, bool withBytes)
    {
        var width = Math.Max(24, results.Keys.Max(k => k.Length));
        var header = $"  {"route".PadRight(width)} {"requests",8} {"errors",6} {(elapsed is null ? "" : $"{"req/s",7} ")}{"p50",7} {"p95",7} {"p99",7} {"max",7}{(withBytes ? $" {"bytes",9}" : "")}";
        Console.WriteLine(header);
        foreach (var (name, r) in results)
        {
            var sorted = r.LatenciesMs.Order().ToList();
            var rate = elapsed is { } e ? $"{sorted.Count / e.TotalSeconds,7:F1} " : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name.PadRight(width)} {sorted.Count,8} {r.Errors,6} {rate}{Percentile(sorted, 50),7:F1} {Percentile(sorted, 95),7:F1} {Percentile(sorted, 99),7:F1} {(sorted.Count == 0 ? 0 : sorted[^1]),7:F1}{(withBytes ? $" {r.Bytes,9}" : "")}"));
        }
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, double p)
    {
        if (sorted.Count == 0) return 0;
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s.ReplaceLineEndings(" ") : s[..max].ReplaceLineEndings(" ") + "…";

    private sealed class PreparationException(string message) : Exception(message);
}
