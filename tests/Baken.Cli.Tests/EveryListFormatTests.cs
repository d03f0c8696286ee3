using System.Text;
using System.Text.Json;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using CsvHelper;

namespace Baken.Cli.Tests;

/// <summary>
/// Every list-like command takes --format table|csv|json over the demonstration data: the table for people, CSV that a
/// CSV reader (CsvHelper) parses with a header and the same number of fields in every record, and a JSON array.
/// </summary>
public sealed class EveryListFormatTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryListCommand_AcceptsTableCsvAndJson_AndItsCsvParsesWithAHeader(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var demo = await CliRun.Baken(database, "demo", "--analyst-password", "Demo-analist-2026!");
        demo.ExitCode.ShouldBe(0, demo.Err);
        (await CliRun.Baken(database, "cycle", "open", "DEMO-C1", "--title", "Demoronde", "--scenarios", "DEMO-T1-FLOOD;DEMO-T8-RANSOM", "--due", "2030-01-01")).ExitCode.ShouldBe(0);
        var run = JsonDocument.Parse((await CliRun.Baken(database, "analyse", "runs", "--format", "json")).Out).RootElement[0].GetProperty("run").GetString()!;

        string[][] commands =
        [
            ["scenario", "list"], ["measure", "list"], ["goal", "list"], ["council", "list"], ["signal", "list"],
            ["user", "list"], ["user", "tokens", "admin"], ["analyse", "runs"], ["analyse", "compare", run, run], ["history", "scenario", "DEMO-T1-FLOOD"],
            ["capabilities", "gaps"], ["cascade", "critical", "--hours", "24", "--horizon", "48"], ["strategy", "gaps"], ["strategy", "tree"],
            ["council", "agenda"], ["council", "actions"], ["council", "coverage", "--from", "2020-01-01"], ["signals", "review"], ["alerts"],
            ["threats", "stacked"], ["releases"], ["inbox"], ["cycle", "status", "DEMO-C1"], ["measures"], ["portfolio", "--budget", "500m", "--draws", "0"],
        ];
        var withRows = 0;
        foreach (var args in commands)
        {
            var name = string.Join(' ', args);
            var table = await CliRun.Baken(database, [.. args, "--format", "table"]);
            table.ExitCode.ShouldBe(0, name + ": " + table.Err);
            table.Out.ShouldNotBeEmpty(name);

            var csv = await CliRun.Baken(database, [.. args, "--format", "csv"]);
            csv.ExitCode.ShouldBe(0, name + ": " + csv.Err);
            var (header, records) = ParseCsv(csv.Out, name);
            header.ShouldNotBeEmpty(name);
            header.ShouldAllBe(h => h.Length > 0 && h == h.Trim(), name);
            records.ShouldAllBe(r => r == header.Count, name);
            if (records.Count > 0) withRows++;

            var json = await CliRun.Baken(database, [.. args, "--format", "json"]);
            json.ExitCode.ShouldBe(0, name + ": " + json.Err);
            var array = JsonDocument.Parse(json.Out).RootElement;
            array.ValueKind.ShouldBe(JsonValueKind.Array, name);
            array.GetArrayLength().ShouldBe(records.Count, name);
        }
        // The demo fills most lists (tokens, releases and a comparison of a run with itself stay empty): rows were parsed, not only headers.
        withRows.ShouldBeGreaterThan(commands.Length / 2);

        var bad = await CliRun.Baken(database, "inbox", "--format", "xml");
        bad.ExitCode.ShouldBe(ExitCodes.Invalid);
        bad.Err.ShouldContain("--format: 'xml' is not allowed; allowed: table, csv, json");
    }

    /// <summary>The header and, per record, its number of fields, as CsvHelper reads them.</summary>
    private static (IReadOnlyList<string> Header, List<int> Records) ParseCsv(string text, string name)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        using var reader = CsvReader.Create(stream, new CsvReaderOptions { HasHeader = true, MalformedData = CsvMalformedDataHandling.Throw }, leaveOpen: true);
        var header = reader.Headers;
        var records = new List<int>();
        while (reader.Read()) records.Add(reader.FieldCount);
        return (header, records);
    }
}
