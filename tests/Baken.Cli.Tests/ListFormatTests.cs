using System.Text.Json;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Cli.Tests;

/// <summary>--format csv|json on the list-like commands: parseable, with the documented columns; CSV when piped by default.</summary>
public sealed class ListFormatTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListCommands_WriteCsvAndJson_WithTheirColumns(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        (await CliRun.Baken(database, "measure", "add", "M-1", "--title", "Oefenen, \"samen\"", "--status", "planned")).ExitCode.ShouldBe(0);

        foreach (var (args, columns) in new (string[] Args, string[] Columns)[]
                 {
                     (["strategy", "gaps", "--as-of", "2026-11-23"], ["kind", "subject", "code", "title", "since", "explanation"]),
                     (["council", "agenda", "--as-of", "2026-11-23"], ["date", "council", "meeting", "security_level", "item", "title", "classification", "links"]),
                     (["council", "actions", "--as-of", "2026-11-23"], ["action", "title", "owner", "deadline", "status", "council", "decision", "next_meeting"]),
                     (["signals", "review"], ["code", "date", "title", "source", "reliability", "credibility", "tags", "duplicate_of"]),
                     (["alerts"], ["code", "indicator", "date", "value", "from", "to", "status", "scenarios", "explanation"]),
                     (["user", "list"], ["user", "clearance", "compartments", "roles"]),
                 })
        {
            var name = string.Join(' ', args);
            var csv = await CliRun.Baken(database, [.. args, "--format", "csv"]);
            csv.ExitCode.ShouldBe(0, name + ": " + csv.Err);
            csv.Out.Split('\n')[0].ShouldBe(string.Join(',', columns), name);
            var json = await CliRun.Baken(database, [.. args, "--format", "json"]);
            json.ExitCode.ShouldBe(0, name + ": " + json.Err);
            foreach (var row in JsonDocument.Parse(json.Out).RootElement.EnumerateArray())
                row.EnumerateObject().Select(p => p.Name).ShouldBe(columns, name);
        }

        // A title with a comma and quotes survives CSV (RFC 4180) and JSON.
        var measures = await CliRun.Baken(database, "measures", "--format", "csv");
        measures.Out.ShouldContain("M-1,\"Oefenen, \"\"samen\"\"\"");
        JsonDocument.Parse((await CliRun.Baken(database, "measures", "--format", "json")).Out).RootElement[0].GetProperty("title").GetString().ShouldBe("Oefenen, \"samen\"");
        // Piped (not a terminal) and without --format: CSV, as scripts have always read it; no progress bar or colour codes.
        var piped = await CliRun.Baken(database, "measures");
        piped.Out.ShouldContain("measure,title,pillar");
        (piped.Out + piped.Err).ShouldNotContain("\u001b[");
        var bad = await CliRun.Baken(database, "council", "actions", "--format", "xml");
        bad.ExitCode.ShouldBe(ExitCodes.Invalid);
        bad.Err.ShouldContain("--format: 'xml' is not allowed; allowed: table, csv, json");
    }
}
