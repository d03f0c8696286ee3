using System.Text;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Cli.Tests;

/// <summary>Issue 13: `baken import` of a file with thousands of bad rows prints the first 100 problems and counts the rest.</summary>
public sealed class ProblemListCapCommandsTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithThousandsOfBadRows_PrintsTheFirst100AndCountsTheRest(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var file = Path.Combine(Path.GetTempPath(), $"baken-bad-{Guid.NewGuid():N}.csv");
        try
        {
            var csv = new StringBuilder("code,title,kind\n");
            for (var i = 0; i < 250; i++) csv.Append("R-BAD-").Append(i).Append(",Risico,geen-soort\n");
            await File.WriteAllTextAsync(file, csv.ToString());

            var run = await CliRun.Baken(database, "import", file, "--kind", "risk");

            run.ExitCode.ShouldBe(2);
            var lines = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.Count(l => l.Contains("geen-soort", StringComparison.Ordinal)).ShouldBeLessThanOrEqualTo(100);
            run.Err.ShouldContain("more problem(s)");
            (await CliRun.Baken(database, "risk", "show", "R-BAD-1")).ExitCode.ShouldNotBe(0);
        }
        finally { File.Delete(file); }
    }
}
