using System.Globalization;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Cli.Tests;

/// <summary>baken measures: intervals over the run's draws, the class valuation rule, risk points that do not print as 0.</summary>
public sealed class MeasureCommandsTests
{
    private const string Header =
        "measure,title,pillar,type,owner,status,pv_cost_eur,pv_risk_reduction,npv_eur,reduction_per_eur,npv_p05,npv_p50,npv_p95,p_npv_positive," +
        "reduction_per_eur_p05,reduction_per_eur_p50,reduction_per_eur_p95,rule,draws,fragile,fragile_reason";

    [Fact]
    public async Task Measures_FreshDatabase_PrintsTheHeaderAndNothingElse()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, initialise: true);
        var result = await CliRun.Baken(database, "measures", "--format", "csv");
        result.ExitCode.ShouldBe(0, result.Err);
        result.Out.TrimEnd('\n').ShouldBe(Header);
        result.Err.ShouldContain("No analysis run yet");
        // Standard output stays the table; its marking (nothing classified went in) goes to standard error.
        result.Err.ShouldContain("Marked ONGERUBRICEERD.");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Measures_AfterARun_GiveOrderedIntervals_AndRiskPointsPerEuroAboveZero(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        async Task Ok(params string[] args) => (await CliRun.Baken(database, args)).ExitCode.ShouldBe(0, string.Join(' ', args));
        await Ok("assessments", "import", SharedData.File("examples/assessments-example.csv"));
        await Ok("analyse", "--iterations", "500", "--seed", "5", "--out", Path.Combine(Path.GetTempPath(), "baken-measures-" + Guid.NewGuid().ToString("N")));
        await Ok("measure", "add", "M-WATER", "--title", "Water buffers", "--type", "preventive", "--one-off-cost", "200000000", "--yearly-cost", "5000000",
            "--start-year", "2026", "--lifetime-years", "20", "--effects", "E-DROUGHT: likelihood 0.6-0.7-0.8; 3.1 0.2-0.4");
        await Ok("measure", "add", "M-BACKUP", "--title", "Offline back-ups", "--type", "preparatory", "--one-off-cost", "50000000",
            "--start-year", "2026", "--lifetime-years", "10", "--effects", "E-RANSOM: 3.1 0.3-0.5; 5.1 0.2-0.3");

        var ead = await CliRun.Baken(database, "measures", "--draws", "300");
        ead.ExitCode.ShouldBe(0, ead.Err);
        var lines = ead.Out.TrimEnd('\n').Split('\n');
        lines[0].ShouldBe(Header);
        lines.Length.ShouldBe(3);
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            double N(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
            N(10).ShouldBeLessThanOrEqualTo(N(11));
            N(11).ShouldBeLessThanOrEqualTo(N(12));
            N(13).ShouldBeInRange(0, 1);
            f[17].ShouldBe("geometric");
            f[18].ShouldBe("300");
        }
        ead.Err.ShouldContain("first 300 Monte Carlo draws");

        var points = await CliRun.Baken(database, "measures", "--metric", "points", "--rule", "lower", "--draws", "0");
        points.ExitCode.ShouldBe(0, points.Err);
        foreach (var line in points.Out.TrimEnd('\n').Split('\n').Skip(1))
        {
            var f = line.Split(',');
            double.Parse(f[9], CultureInfo.InvariantCulture).ShouldBeGreaterThan(0, line); // reduction_per_eur was printed as 0
            f[8].ShouldBeEmpty(); // no NPV without money
            f[17].ShouldBe("lower");
        }
    }
}
