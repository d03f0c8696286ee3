using Baken.Application.Common;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Cli.Tests;

/// <summary>Flagged dependencies as records: options, decision, re-screening, and a council agenda item about one.</summary>
public sealed class DependencyRecordsTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Screen_RecordsDependentProducts_KeepsTheAnalystsOptionsWhenRescreened_AndTheyCanGoOnTheAgenda(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        string[] screen = ["dependencies", "screen", "--baci", SharedData.File("examples/baci-example-2022.csv"), "--year", "2022", "--importer", "EU27", "--record", "--out", Path.GetTempFileName()];
        var first = await CliRun.Baken(database, screen);
        first.ExitCode.ShouldBe(0, first.Err);
        first.Err.ShouldContain("Dependency records:");
        var code = "DEP-EU27-271111";
        var recorded = (await CliRun.Baken(database, "dependency", "show", code)).Out;
        recorded.ShouldContain("271111");
        // HS 2711 (natural gas) maps to the energy domain and the gas and electricity processes (catalog/product_domains.json).
        recorded.ShouldContain("dependency_domains.ENERGY");
        recorded.ShouldContain("3;4;1");
        // Every supplier from outside, largest first: Norway 700, the United States 200, Qatar 100 of 1,000.
        recorded.ShouldContain("579 0.7; 842 0.2; 634 0.1");

        // The options are the framework's: an unknown one is a field error naming it and the allowed ones, and nothing is written.
        var badOption = await CliRun.Baken(database, "dependency", "edit", code, "--options", "diversify;nationalise");
        badOption.ExitCode.ShouldBe(2);
        badOption.Err.ShouldContain("options");
        badOption.Err.ShouldContain("'nationalise'");
        badOption.Err.ShouldContain("accept-or-delay, diversify, stockpile, substitute, counter-power");
        (await CliRun.Baken(database, "dependency", "show", code)).Out.ShouldNotContain("diversify");
        var brief = await CliRun.Baken(database, "dependency", "edit", code, "--options", "diversify;stockpile");
        brief.ExitCode.ShouldBe(0, brief.Err);
        (await CliRun.Baken(database, "dependency", "show", code)).Out.ShouldContain("diversify;stockpile");
        var options = await CliRun.Baken(database, "dependency", "edit", code, "--options",
            "diversify (chosen): €40m a year; halves the top supplier's share\nstockpile (rejected): €15m once; 90 days of demand\ncounter-power",
            "--decision", "Diversify via two new LNG contracts", "--status", "decided", "--decided-on", "2026-10-01");
        options.ExitCode.ShouldBe(0, options.Err);

        (await CliRun.Baken(database, screen)).Err.ShouldContain("0 new");
        var shown = (await CliRun.Baken(database, "dependency", "show", code)).Out;
        shown.ShouldContain("Diversify via two new LNG contracts");
        shown.ShouldContain("decided");

        var folder = Directory.CreateTempSubdirectory("baken-deps-").FullName;
        try
        {
            var report = await CliRun.Baken(database, "report", "dependencies", "--out", folder, "--lang", "en");
            report.ExitCode.ShouldBe(0, report.Err);
            var html = await File.ReadAllTextAsync(Path.Combine(folder, "dependencies.html"));
            html.ShouldContain("Energy");
            html.ShouldContain("271111");
            html.ShouldContain("Diversify via two new LNG contracts");
            // The chosen options, then every option weighed with its status, in the report's language.
            html.ShouldContain("Chosen: diversify");
            html.ShouldContain("stockpile (rejected): €15m once; 90 days of demand");
            html.ShouldContain("exercise counter-power (considered)");
            var dutch = await CliRun.Baken(database, "report", "dependencies", "--out", folder);
            dutch.ExitCode.ShouldBe(0, dutch.Err);
            var nl = await File.ReadAllTextAsync(Path.Combine(folder, "dependencies.html"));
            nl.ShouldContain("Gekozen: diversifiëren");
            nl.ShouldContain("voorraad aanleggen (verworpen)");
            nl.ShouldContain("besloten");
            // China (BACI 156) is on the catalogue's list of countries of concern; Norway (579), LNG's largest supplier, is not.
            html.ShouldContain("156 88 % (country of concern)");
            html.ShouldContain("<td>579 70 %, 842 20 %, 634 10 %</td>");
            using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(Path.Combine(folder, "dependencies.docx"), false);
            new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(doc).ShouldBeEmpty();
        }
        finally { Directory.Delete(folder, true); }

        // A second year screened gives the product's concentration trend.
        var earlier = Path.Combine(Path.GetTempPath(), $"baci-2021-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(earlier, (await File.ReadAllLinesAsync(SharedData.File("examples/baci-example-2022.csv")))
            .Select(l => l.StartsWith("2022,", StringComparison.Ordinal) ? "2021," + l[5..] : l));
        try
        {
            (await CliRun.Baken(database, "dependencies", "screen", "--baci", earlier, "--year", "2021", "--importer", "EU27", "--record", "--out", Path.GetTempFileName())).ExitCode.ShouldBe(0);
        }
        finally { File.Delete(earlier); }
        await using (var db = database.Context(FixedUser.System))
            db.Observations.Where(o => o.IndicatorCode == "HHI-EU27-271111").Select(o => o.Date.Year).OrderBy(y => y).ToList().ShouldBe([2021, 2022]);

        var item = await CliRun.Baken(database, "agenda-item", "add", "AI-GAS", "--council", "MCEV", "--title", "LNG dependency", "--links", $"dependency:{code}");
        item.ExitCode.ShouldBe(0, item.Err);
    }
}
