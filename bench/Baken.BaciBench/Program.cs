using System.Diagnostics;
using System.Globalization;
using Baken.Methods.Dependencies;
using Baken.Infrastructure.Dependencies;

namespace Baken.BaciBench;

/// <summary>
/// Benchmark of the strategic-dependency screen (issue 7): target ≤ 30 s wall and ≤ 2 GB peak memory for one BACI year of
/// 10 million rows on 2 cores, with the same EU bottom-up criteria run as one DuckDB SQL query for comparison.
/// Verbs: generate (write a deterministic synthetic BACI year), run (measure both engines, each repetition in a fresh
/// child process so that its peak memory is the screen's own). The child verb 'screen-once' is internal.
/// </summary>
public static class Program
{
    private const double TargetSeconds = 30;
    private const double TargetPeakMb = 2048;

    private const string Usage = """
        Usage:
          Baken.BaciBench generate --out FILE.csv [--rows 10000000] [--year 2022] [--seed 1]
          Baken.BaciBench run --baci FILE.csv [--year 2022] [--repeat 3]
        """;

    public static int Main(string[] args)
    {
        try
        {
            if (args.Length == 0) throw new UsageException("No verb given.");
            var options = Options(args.Skip(1).ToArray());
            return args[0] switch
            {
                "generate" => Generate(options),
                "run" => RunBenchmark(options),
                "screen-once" => ScreenOnce(options),
                "--help" or "-h" or "help" => Help(),
                _ => throw new UsageException($"Unknown verb '{args[0]}'."),
            };
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }

    private static int Help()
    {
        Console.WriteLine(Usage);
        return 0;
    }

    private static int Generate(Dictionary<string, string> options)
    {
        var rows = Long(options, "rows", 10_000_000);
        var year = (int)Long(options, "year", 2022);
        var seed = (ulong)Long(options, "seed", 1);
        var path = Required(options, "out");
        var clock = Stopwatch.StartNew();
        var bytes = BaciYearGenerator.Write(rows, year, seed, path);
        Console.WriteLine(Invariant(
            $"Wrote {path}: {rows:N0} rows of {year} (seed {seed}), {bytes:N0} bytes ({bytes / 1048576.0:F0} MiB) in {clock.Elapsed.TotalSeconds:F1} s."));
        return 0;
    }

    private static int RunBenchmark(Dictionary<string, string> options)
    {
        var path = Path.GetFullPath(Required(options, "baci"));
        var year = (int)Long(options, "year", 2022);
        var repeat = (int)Long(options, "repeat", 3);
        if (!File.Exists(path)) throw new UsageException($"--baci: file '{path}' not found.");
        if (repeat < 1) throw new UsageException($"--repeat must be at least 1, not {repeat}.");

        var size = new FileInfo(path).Length;
        Console.WriteLine(Invariant(
            $"BACI dependency screen benchmark · {path} ({size / 1048576.0:F0} MiB) · year {year} · importer EU27 · criteria EuBottomUp · ",
            $"{repeat} repetition(s), each in a fresh process · {Environment.ProcessorCount} cores · .NET {Environment.Version} · ",
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · DuckDB {DuckDbScreen.Describe()}"));
        // One unmeasured read so that every measured run finds the file in the page cache (the first run would otherwise pay the disk).
        using (var warm = File.OpenRead(path)) warm.CopyTo(Stream.Null, 1 << 20);

        var runs = new Dictionary<string, List<ChildResult>> { ["Baken"] = [], ["DuckDB"] = [] };
        for (var r = 1; r <= repeat; r++)
        {
            // Interleaved, so that drift in the machine's load hits both engines alike.
            foreach (var engine in runs.Keys)
            {
                var result = Child(engine, path, year);
                runs[engine].Add(result);
                Console.WriteLine(Invariant(
                    $"  run {r} {engine,-6}: {result.Seconds,6:F2} s screen, {result.ProcessSeconds,6:F2} s process, {result.CpuSeconds,6:F2} s CPU, peak {result.PeakMb,6:F0} MB, ",
                    $"{result.Rows.Count:N0} products, {result.Rows.Count(x => x.Dependent):N0} dependent"));
            }
        }

        var baken = runs["Baken"];
        var duck = runs["DuckDB"];
        var reference = baken[0].Rows;
        var consistent = true;
        foreach (var other in baken.Skip(1).Concat(duck))
            consistent &= Compare(reference, other.Rows, quiet: true) == 0;
        var difference = Compare(reference, duck[0].Rows, quiet: false);

        double Median(IEnumerable<double> xs)
        {
            var s = xs.Order().ToArray();
            return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
        }
        var bakenSeconds = Median(baken.Select(x => x.Seconds));
        var duckSeconds = Median(duck.Select(x => x.Seconds));
        var bakenPeak = baken.Max(x => x.PeakMb);
        var duckPeak = duck.Max(x => x.PeakMb);

        Console.WriteLine();
        Console.WriteLine("| engine | wall s (median) | wall s (min–max) | process wall s (median) | process CPU s (median) | peak MB (max) | products | dependent |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var (engine, list) in runs)
            Console.WriteLine(Invariant(
                $"| {engine} | {Median(list.Select(x => x.Seconds)):F2} | {list.Min(x => x.Seconds):F2}–{list.Max(x => x.Seconds):F2} | ",
                $"{Median(list.Select(x => x.ProcessSeconds)):F2} | {Median(list.Select(x => x.CpuSeconds)):F2} | {list.Max(x => x.PeakMb):F0} | {list[0].Rows.Count:N0} | ",
                $"{list[0].Rows.Count(x => x.Dependent):N0} |"));
        Console.WriteLine();
        Console.WriteLine(Invariant(
            $"Ratio Baken / DuckDB: wall {bakenSeconds / duckSeconds:F2}, CPU {Median(baken.Select(x => x.CpuSeconds)) / Median(duck.Select(x => x.CpuSeconds)):F2}, ",
            $"peak memory {bakenPeak / duckPeak:F2}."));
        Console.WriteLine(Invariant(
            $"Dependent products: symmetric difference {difference}; all repetitions agree: {(consistent ? "yes" : "NO")}."));
        var met = bakenSeconds <= TargetSeconds && bakenPeak <= TargetPeakMb;
        Console.WriteLine(Invariant(
            $"Target (≤ {TargetSeconds:F0} s, ≤ {TargetPeakMb:F0} MB peak): {(met ? "met" : "MISSED")} ({bakenSeconds:F2} s, {bakenPeak:F0} MB)."));
        return difference == 0 && consistent && met ? 0 : 1;
    }

    /// <summary>Size of the symmetric difference of the dependent sets; prints the indicator agreement unless quiet.</summary>
    private static int Compare(List<ScreenRow> baken, List<ScreenRow> duck, bool quiet)
    {
        var a = baken.Where(x => x.Dependent).Select(x => x.Hs6).ToHashSet();
        var b = duck.Where(x => x.Dependent).Select(x => x.Hs6).ToHashSet();
        var onlyA = a.Except(b).Order().ToList();
        var onlyB = b.Except(a).Order().ToList();
        if (!quiet)
        {
            var byCode = duck.ToDictionary(x => x.Hs6);
            double maxHhi = 0, maxShare = 0;
            var missing = 0;
            foreach (var x in baken)
            {
                if (!byCode.TryGetValue(x.Hs6, out var y)) { missing++; continue; }
                if ((x.SupplierHhi is null) != (y.SupplierHhi is null)) maxHhi = double.PositiveInfinity;
                else if (x.SupplierHhi is { } h) maxHhi = Math.Max(maxHhi, Math.Abs(h - y.SupplierHhi!.Value));
                maxShare = Math.Max(maxShare, Math.Abs(x.ExtraShare - y.ExtraShare));
            }
            Console.WriteLine(Invariant(
                $"Agreement: products Baken {baken.Count:N0} / DuckDB {duck.Count:N0} ({missing} of Baken's missing in DuckDB); ",
                $"max |Δ supplier HHI| {maxHhi:E1}, max |Δ extra share| {maxShare:E1}; dependent only in Baken: {onlyA.Count} ",
                $"[{string.Join(' ', onlyA.Take(10))}], only in DuckDB: {onlyB.Count} [{string.Join(' ', onlyB.Take(10))}]."));
        }
        return onlyA.Count + onlyB.Count;
    }

    private sealed record ChildResult(double Seconds, double ProcessSeconds, double PeakMb, double CpuSeconds, List<ScreenRow> Rows);

    private static ChildResult Child(string engine, string path, int year)
    {
        var resultFile = Path.Combine(Path.GetTempPath(), $"baken-bacibench-{Environment.ProcessId}-{engine}.txt");
        var start = new ProcessStartInfo { RedirectStandardOutput = false, UseShellExecute = false };
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark cannot find its own executable.");
        start.FileName = self;
        // Started as 'dotnet Baken.BaciBench.dll' the process path is the host; start the same assembly again.
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var a in new[] { "screen-once", "--engine", engine, "--baci", path, "--year", year.ToString(CultureInfo.InvariantCulture), "--result", resultFile })
            start.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using (var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the {engine} run."))
        {
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"The {engine} run failed with exit code {process.ExitCode}.");
        }
        var processSeconds = clock.Elapsed.TotalSeconds;
        var lines = File.ReadAllLines(resultFile);
        File.Delete(resultFile);
        var head = lines[0].Split(',');
        var rows = lines.Skip(1).Select(line =>
        {
            var f = line.Split(',');
            return new ScreenRow(
                int.Parse(f[0], CultureInfo.InvariantCulture),
                f[1].Length == 0 ? null : double.Parse(f[1], CultureInfo.InvariantCulture),
                double.Parse(f[2], CultureInfo.InvariantCulture),
                f[3] == "1");
        }).ToList();
        return new ChildResult(
            double.Parse(head[0], CultureInfo.InvariantCulture), processSeconds, double.Parse(head[1], CultureInfo.InvariantCulture),
            double.Parse(head[2], CultureInfo.InvariantCulture), rows);
    }

    /// <summary>One measured screen in this process; writes "seconds,peakMB" and one line per product to --result.</summary>
    private static int ScreenOnce(Dictionary<string, string> options)
    {
        var engine = Required(options, "engine");
        var path = Required(options, "baci");
        var year = (int)Long(options, "year", 2022);
        var criteria = DependencyCriteria.EuBottomUp;
        var clock = Stopwatch.StartNew();
        List<ScreenRow> rows = engine switch
        {
            "Baken" => DependencyScreen.Run(path, year, DependencyImporter.Eu27, criteria).Products
                .Select(p => new ScreenRow(p.Hs6, p.SupplierHhi, p.ExtraShare ?? 0, p.Dependent)).ToList(),
            "DuckDB" => DuckDbScreen.Run(path, year, criteria),
            _ => throw new UsageException($"--engine must be Baken or DuckDB, not '{engine}'."),
        };
        var seconds = clock.Elapsed.TotalSeconds;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        // Peak working set (Linux VmHWM): the most physical memory the process ever held — runtime, managed heap and native (DuckDB) alike.
        var peakMb = self.PeakWorkingSet64 / 1048576.0;
        // CPU time of the whole process (all threads, runtime start-up included): on a shared machine it varies less than wall time.
        var cpuSeconds = self.TotalProcessorTime.TotalSeconds;
        using var writer = new StreamWriter(Required(options, "result"));
        writer.Write(Invariant($"{seconds:R},{peakMb:R},{cpuSeconds:R}\n"));
        foreach (var r in rows)
            writer.Write(Invariant($"{r.Hs6},{r.SupplierHhi:R},{r.ExtraShare:R},{(r.Dependent ? 1 : 0)}\n"));
        return 0;
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new UsageException($"Expected '--name value', got '{args[i]}'.");
            options[args[i][2..]] = args[i + 1];
        }
        return options;
    }

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) ? value : throw new UsageException($"--{name} is required.");

    private static long Long(Dictionary<string, string> options, string name, long fallback)
    {
        if (!options.TryGetValue(name, out var text)) return fallback;
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"--{name}: '{text}' is not a whole number.");
    }

    private static string Invariant(params FormattableString[] parts) => string.Concat(parts.Select(FormattableString.Invariant));

    private sealed class UsageException(string message) : Exception(message);
}
