using Xunit;

namespace Baken.Testing;

/// <summary>
/// Where Debian's Chromium is for browser tests: $BAKEN_CHROMIUM, else /usr/bin/chromium. CI installs it and sets
/// BAKEN_REQUIRE_CHROMIUM=1, so a missing browser fails the run there instead of silently testing less.
/// </summary>
public static class Browser
{
    public const string RequireVariable = "BAKEN_REQUIRE_CHROMIUM";

    public static string? ChromiumPath
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("BAKEN_CHROMIUM");
            if (!string.IsNullOrEmpty(configured) && File.Exists(configured)) return configured;
            if (File.Exists("/usr/bin/chromium")) return "/usr/bin/chromium";
            if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
                throw new InvalidOperationException($"{RequireVariable}=1 but no Chromium at $BAKEN_CHROMIUM or /usr/bin/chromium.");
            return null;
        }
    }

    /// <summary>Chromium's path, or a skip with the reason (a failure where CI requires Chromium).</summary>
    public static string ChromiumOrSkip() =>
        ChromiumPath ?? throw new SkipException("No Chromium for this browser test: install Debian's chromium or set BAKEN_CHROMIUM (CI does).");

    /// <summary>The flags this machine needs: headless, no sandbox as root, no background network (the network is closed).</summary>
    public static readonly string[] Arguments =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
}
