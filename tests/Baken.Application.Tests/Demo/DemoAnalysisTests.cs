using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Common;
using Baken.Application.Demo;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Application.Tests.Demo;

/// <summary>The demo's assessment table through the normal import, and a stored run that recomputes to the same results.</summary>
public sealed class DemoAnalysisTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DemoTable_Imports_AndItsStoredRun_RecomputesToTheSameResults_WithoutANote(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var table = DemoPicture.AssessmentTable();
        await using (var db = database.Context(FixedUser.System))
        {
            var imported = await new ImportAssessmentTable(db, FixedUser.System, new LoadAnalysisCatalogue(db)).HandleAsync(table);
            imported.IsOk.ShouldBeTrue(string.Join("; ", imported.Errors));
            imported.Value!.ScenariosCreated.ShouldBe(DemoPicture.Scenarios.Count);
            imported.Value.AssessmentsCreated.ShouldBe(table.Count - 1);
        }
        string code;
        await using (var db = database.Context(FixedUser.System))
        {
            var run = await new RunIntegratedAnalysis(db, FixedUser.System, TimeProvider.System, new LoadAnalysisCatalogue(db))
                .HandleAsync(new RunIntegratedAnalysisRequest(Iterations: 300, Seed: 7, CodeVersion: "test"));
            run.IsOk.ShouldBeTrue(string.Join("; ", run.Errors));
            run.Value!.Result.Scenarios.Count.ShouldBe(DemoPicture.Scenarios.Count);
            code = run.Value.RunCode!;
        }
        await using (var db = database.Context(FixedUser.System))
        {
            var reproduced = (await new ReproduceAnalysisRun(db, new LoadAnalysisCatalogue(db)).HandleAsync(code)).Value!;
            reproduced.Note.ShouldBeNull();
            reproduced.Reproduced.ShouldBeTrue();
        }
    }

    [Fact]
    public void EveryThemeOfTheCatalogue_HasTwoScenarios_AndEachAnalystScoresOnlyWithinTheirClearance()
    {
        DemoPicture.Scenarios.GroupBy(s => s.Theme).Select(g => g.Key).Order().ShouldBe(["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"]);
        DemoPicture.Scenarios.GroupBy(s => s.Theme).ShouldAllBe(g => g.Count() >= 2);
        var rows = DemoPicture.AssessmentTable().Skip(1).ToList();
        // The Stg.G scenario is scored by the AIVD analyst alone; an unclassified one by all three.
        rows.Where(r => r.Cells[0] == "DEMO-T6-HYBRID").Select(r => r.Cells[4]).ShouldBe(["analist-aivd"]);
        rows.Count(r => r.Cells[0] == "DEMO-T1-FLOOD").ShouldBe(3);
    }
}

public sealed class SameResultsTests
{
    [SkippableTheory]
    [InlineData("""[{"id":"A","impactValue":43.8,"rank":1}]""", """[{"id":"A","impactValue":43.800000000000004,"rank":1}]""", true)]
    [InlineData("""[{"id":"A","impactValue":43.8,"rank":1}]""", """[{"id":"A","impactValue":43.9,"rank":1}]""", false)]
    [InlineData("""[{"id":"A","impactValue":43.8,"rank":1}]""", """[{"id":"A","impactValue":43.8,"rank":2}]""", false)]
    [InlineData("""[{"id":"A","likelihood":"B"}]""", """[{"id":"A","likelihood":"C"}]""", false)]
    [InlineData("""[{"id":"A"}]""", """[{"id":"A"},{"id":"B"}]""", false)]
    public void OnlyRoundingNoiseCountsAsTheSame(string recomputed, string stored, bool same) =>
        ReproduceAnalysisRun.SameResults(recomputed, stored).ShouldBe(same);
}
