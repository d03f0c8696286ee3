using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Cli.Tests;

/// <summary>The Analysis section from --config reaches 'baken analyse': on, the run records the widening; out of range, exit 2 naming the setting.</summary>
public sealed class KnowledgeWideningCommandTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Analyse_WithTheWideningOn_RecordsIt_AndABadSettingExits2(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var folder = Directory.CreateTempSubdirectory("baken-widen-").FullName;
        try
        {
            var on = Path.Combine(folder, "on.json");
            await File.WriteAllTextAsync(on, """{ "Analysis": { "WidenForWeakKnowledge": true, "WeakKnowledgeAtMost": 2 } }""");
            var bad = Path.Combine(folder, "bad.json");
            await File.WriteAllTextAsync(bad, """{ "Analysis": { "WidenForWeakKnowledge": true, "WideningSteps": 9 } }""");
            (await CliRun.Baken(database, "assessments", "import", SharedData.File("examples/assessments-example.csv"))).ExitCode.ShouldBe(0);
            (await CliRun.Baken(database, "assessment", "edit", "E-ZOONOSE.analyst-iss", "--knowledge-evidence", "2")).ExitCode.ShouldBe(0);

            var refused = await CliRun.Baken(database, "analyse", "--iterations", "200", "--format", "csv", "--out", Path.Combine(folder, "bad"), "--config", bad);
            refused.ExitCode.ShouldBe(2);
            refused.Err.ShouldContain("Analysis:WideningSteps: '9'");

            var run = await CliRun.Baken(database, "analyse", "--iterations", "200", "--format", "csv", "--out", Path.Combine(folder, "on"), "--config", on);
            run.ExitCode.ShouldBe(0, run.Err);
            var list = await CliRun.Baken(database, "analysis-run", "list", "--format", "csv");
            list.Out.ShouldContain("steps=1; at-most=2; assessments=E-ZOONOSE.analyst-iss");
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
