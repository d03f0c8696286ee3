using System.Diagnostics;

namespace Baken.Infrastructure;

/// <summary>
/// Where start-up time goes (docs/performance.md): with BAKEN_STARTUP_TRACE=1 each phase writes one line to standard error,
/// the milliseconds since the process started and since the previous mark. Off (and free) otherwise.
/// </summary>
public static class StartupTrace
{
    public static readonly bool On = Environment.GetEnvironmentVariable("BAKEN_STARTUP_TRACE") == "1";
    private static long _last;

    public static void Mark(string phase)
    {
        if (!On) return;
        var now = DateTime.Now;
        var sinceStart = (now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        var delta = _last == 0 ? 0 : (Stopwatch.GetTimestamp() - _last) * 1000.0 / Stopwatch.Frequency;
        _last = Stopwatch.GetTimestamp();
        Console.Error.WriteLine($"[start] {sinceStart,7:0} ms  +{delta,6:0} ms  {phase}");
    }
}
