using System.Globalization;
using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Tests.Analysis;

/// <summary>The integrated analysis over the register: stored assessments, stored runs, clearance, reproducibility.</summary>
public sealed class RunIntegratedAnalysisTests
{
    /// <summary>The example assessment file as raw rows (header first).</summary>
    private static List<AssessmentRawRow> ExampleRows(Func<string[], string[]>? change = null)
    {
        var lines = File.ReadAllLines(SharedData.File("examples/assessments-example.csv"));
        return lines.Select((l, i) => new AssessmentRawRow(i + 1, i == 0 || change is null ? l.Split(',') : change(l.Split(',')))).ToList();
    }

    private static async Task<Result<AnalysisRunOutcome>> Analyse(TestDatabase database, ICurrentUser user, RunIntegratedAnalysisRequest request)
    {
        await using var db = database.Context(user);
        return await new RunIntegratedAnalysis(db, user, TimeProvider.System, new LoadAnalysisCatalogue(db)).HandleAsync(request);
    }

    private static async Task Import(TestDatabase database, IReadOnlyList<AssessmentRawRow> rows)
    {
        await using var db = database.Context(FixedUser.System);
        var result = await new ImportAssessmentTable(db, FixedUser.System, new LoadAnalysisCatalogue(db)).HandleAsync(rows);
        result.IsOk.ShouldBeTrue(string.Join("; ", result.Errors));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportedExample_AnalysedFromTheRegister_ReproducesTheReferenceValues(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await Import(database, ExampleRows());
        var outcome = (await Analyse(database, FixedUser.System, new RunIntegratedAnalysisRequest(Iterations: 500, Seed: 3))).Value!;

        var expected = File.ReadAllLines(SharedData.File("examples/assessments-example.expected.csv")).Skip(1).Select(l => l.Split(','));
        foreach (var e in expected)
        {
            var s = outcome.Result.Scenarios.Single(x => x.Id == e[0]);
            s.Likelihood.ToString().ShouldBe(e[1]);
            s.ImpactValue.ShouldBe(double.Parse(e[2], CultureInfo.InvariantCulture), 1e-9);
        }
        outcome.RunCode.ShouldNotBeNull();
        outcome.Result.Scenarios.Single(s => s.Id == "E-DROUGHT").Theme.ShouldBe("T1"); // theme names resolve to catalogue codes
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SameSeed_GivesIdenticalStoredResults_AndTheRunRecordsItsInputsAndSettings(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await Import(database, ExampleRows());
        var first = (await Analyse(database, FixedUser.System, new RunIntegratedAnalysisRequest(Iterations: 1000, Seed: 11, CodeVersion: "test"))).Value!;
        var second = (await Analyse(database, FixedUser.System, new RunIntegratedAnalysisRequest(Iterations: 1000, Seed: 11, CodeVersion: "test"))).Value!;
        await using var db = database.Context(FixedUser.System);
        var runs = await db.AnalysisRuns.OrderBy(r => r.Code).ToListAsync();
        runs.Count.ShouldBe(2);
        runs[0].ResultsJson.ShouldBe(runs[1].ResultsJson);
        runs[0].Seed.ShouldBe(11);
        runs[0].CodeVersion.ShouldBe("test");
        runs[0].InputsJson.ShouldContain("E-RANSOM");
        runs[0].SettingsJson.ShouldContain("\"seed\":11");
        first.Result.Scenarios.Select(s => s.MonteCarlo!.P95).ShouldBe(second.Result.Scenarios.Select(s => s.MonteCarlo!.P95));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Run_IsClassifiedAtItsHighestInput_AndAsClearanceLeavesHigherScenariosOut(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        // E-RANSOM's rows become Staatsgeheim Geheim.
        await Import(database, ExampleRows(cells => cells[0] == "E-RANSOM" ? cells.Select((c, i) => i == 6 ? "Stg.G" : c).ToArray() : cells));

        var full = (await Analyse(database, FixedUser.System, new RunIntegratedAnalysisRequest(Iterations: 0))).Value!;
        full.Classification.Level.ShouldBe(ClassificationLevel.StaatsgeheimGeheim);
        full.Result.Scenarios.Select(s => s.Id).ShouldContain("E-RANSOM");

        var reduced = (await Analyse(database, FixedUser.System, new RunIntegratedAnalysisRequest(Iterations: 0, AsClearance: ClassificationLevel.DepartementaalVertrouwelijk))).Value!;
        reduced.Classification.Level.ShouldBe(ClassificationLevel.Ongerubriceerd);
        reduced.Result.Scenarios.Select(s => s.Id).ShouldNotContain("E-RANSOM");

        // A reader at Dep.V sees the register without E-RANSOM, gets the same reduced analysis, and cannot see the full run.
        var reader = TestDatabase.UserAt(ClassificationLevel.DepartementaalVertrouwelijk, 0, null, Domain.Users.Roles.Coordinator);
        var theirs = (await Analyse(database, reader, new RunIntegratedAnalysisRequest(Iterations: 0, Store: false))).Value!;
        theirs.Result.Scenarios.Select(s => s.Id).ShouldBe(reduced.Result.Scenarios.Select(s => s.Id));
        await using var db = database.Context(reader);
        (await db.AnalysisRuns.AnyAsync(r => r.Code == full.RunCode)).ShouldBeFalse();
        (await db.AnalysisRuns.AnyAsync(r => r.Code == reduced.RunCode)).ShouldBeTrue();

        var above = await Analyse(database, reader, new RunIntegratedAnalysisRequest(AsClearance: ClassificationLevel.StaatsgeheimGeheim));
        above.Status.ShouldBe(ResultStatus.Invalid);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Compare_NamesTheCriterionThatMovedAScenario(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await Import(database, ExampleRows());
        var before = (await Analyse(database, FixedUser.System, new RunIntegratedAnalysisRequest(Iterations: 0))).Value!.RunCode!;
        await using (var db = database.Context(FixedUser.System))
        {
            var edit = await new SaveRecord(db, FixedUser.System).HandleAsync(new SaveRecordRequest("assessment", "E-SUBVERT.analyst-wodc",
                new Dictionary<string, string?> { ["scores"] = "1.1=E;1.2=E;2.1=E;2.2=E;2.3=E;3.1=E;4.1=E;5.1=E;5.2=E;5.3=E" }, SaveMode.Update));
            edit.IsOk.ShouldBeTrue(string.Join("; ", edit.Errors));
        }
        var after = (await Analyse(database, FixedUser.System, new RunIntegratedAnalysisRequest(Iterations: 0))).Value!.RunCode!;
        await using var check = database.Context(FixedUser.System);
        var comparison = (await new CompareAnalysisRuns(check).HandleAsync(before, after)).Value!;
        var moved = comparison.Moves.Single(m => m.Id == "E-SUBVERT");
        moved.RankAfter!.Value.ShouldBeLessThan(moved.RankBefore!.Value);
        moved.Reasons.ShouldContain(r => r.StartsWith("criterion ", StringComparison.Ordinal));
        comparison.SettingChanges.ShouldBeEmpty();
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AssessmentTableWithErrors_ImportsNothing_AndNamesLineFieldAndValue(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var rows = ExampleRows(cells => cells[0] == "E-ZOONOSE" ? cells.Select((c, i) => i == 14 ? "F" : c).ToArray() : cells);
        await using var db = database.Context(FixedUser.System);
        var result = await new ImportAssessmentTable(db, FixedUser.System, new LoadAnalysisCatalogue(db)).HandleAsync(rows);
        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.ShouldContain(e => e.Field == "2.1" && e.Value == "F" && e.Line != null);
        (await db.Scenarios.CountAsync()).ShouldBe(0);
        (await db.Assessments.CountAsync()).ShouldBe(0);
    }
}
