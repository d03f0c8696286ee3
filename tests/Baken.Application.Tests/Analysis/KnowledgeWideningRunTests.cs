using System.Text.Json;
using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Common;
using Baken.Infrastructure.Persistence;
using Baken.Infrastructure.Reports.Analysis;
using Baken.Infrastructure.Reports.Documents;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Tests.Analysis;

/// <summary>
/// The optional widening where knowledge is weak (<see cref="KnowledgeWideningOptions"/>): off, a run is exactly what it
/// was before the option existed; on, the spread of a scenario whose assessments state weak knowledge grows, another's is
/// unchanged, the consensus is unchanged, and the run and its report say so.
/// </summary>
public sealed class KnowledgeWideningRunTests
{
    private static async Task<AnalysisRunOutcome> Analyse(TestDatabase database, KnowledgeWideningOptions? widening)
    {
        await using var db = database.Context(FixedUser.System);
        var result = await new RunIntegratedAnalysis(db, FixedUser.System, TimeProvider.System, new LoadAnalysisCatalogue(db), widening: widening)
            .HandleAsync(new RunIntegratedAnalysisRequest(Iterations: 2_000, Seed: 7));
        result.IsOk.ShouldBeTrue(result.Message + string.Join("; ", result.Errors));
        return result.Value!;
    }

    private static string Results(AnalysisRunOutcome outcome) => JsonSerializer.Serialize(RunSummary.From(outcome.Result), RunSummary.JsonOptions);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Off_ChangesNothing_On_WidensOnlyTheWeakScenariosSpread_AndTheRunAndReportSaySo(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var rows = File.ReadAllLines(SharedData.File("examples/assessments-example.csv")).Select((l, i) => new AssessmentRawRow(i + 1, l.Split(','))).ToList();
        await using (var db = database.Context(FixedUser.System))
        {
            (await new ImportAssessmentTable(db, FixedUser.System, new LoadAnalysisCatalogue(db)).HandleAsync(rows)).IsOk.ShouldBeTrue();
            // Weak knowledge on E-DROUGHT (an evidence base of 1); strong elsewhere where stated.
            foreach (var a in await db.Assessments.ToListAsync())
            {
                if (a.ScenarioCode == "E-DROUGHT") a.KnowledgeEvidence = 1;
                else if (a.ScenarioCode == "E-ZOONOSE") (a.KnowledgeEvidence, a.KnowledgeAgreement) = (3, 2);
            }
            await db.SaveChangesAsync();
        }

        var today = await Analyse(database, null);
        var off = await Analyse(database, new KnowledgeWideningOptions { WidenForWeakKnowledge = false });
        Results(off).ShouldBe(Results(today));
        off.KnowledgeWidening.ShouldBeNull();

        var on = await Analyse(database, new KnowledgeWideningOptions { WidenForWeakKnowledge = true });
        double Spread(AnalysisRunOutcome o, string id) => o.Result.Scenarios.Single(s => s.Id == id).MonteCarlo!.P95 - o.Result.Scenarios.Single(s => s.Id == id).MonteCarlo!.P05;
        Spread(on, "E-DROUGHT").ShouldBeGreaterThan(Spread(today, "E-DROUGHT"));
        var zoonoseToday = today.Result.Scenarios.Single(s => s.Id == "E-ZOONOSE").MonteCarlo!;
        var zoonoseOn = on.Result.Scenarios.Single(s => s.Id == "E-ZOONOSE").MonteCarlo!;
        (zoonoseOn.P05, zoonoseOn.P95).ShouldBe((zoonoseToday.P05, zoonoseToday.P95));
        // The consensus (and so the deterministic score) stays; only the draws widen.
        foreach (var s in today.Result.Scenarios)
            on.Result.Scenarios.Single(x => x.Id == s.Id).ImpactValue.ShouldBe(s.ImpactValue, 1e-12);

        on.KnowledgeWidening.ShouldNotBeNull();
        on.KnowledgeWidening.ShouldContain("E-DROUGHT.analyst-aivd");
        on.KnowledgeWidening.ShouldNotContain("E-ZOONOSE");
        await using (var db = database.Context(FixedUser.System))
        {
            var run = await db.AnalysisRuns.AsNoTracking().SingleAsync(r => r.Code == on.RunCode);
            run.KnowledgeWidening.ShouldBe(on.KnowledgeWidening);
            run.InputsJson.ShouldContain("B-D~C"); // the stored inputs are the widened rows, so the run repeats exactly
            (await db.AnalysisRuns.AsNoTracking().SingleAsync(r => r.Code == off.RunCode)).KnowledgeWidening.ShouldBeNull();
        }

        string Report(AnalysisRunOutcome o, string language) => HtmlDocumentWriter.Write(AnalysisReport.Compose(o.Result,
            IntegratedAnalysisReport.Options(o.Catalogue, o.RunCode, DateTime.UnixEpoch, "ONGERUBRICEERD", o.Concept, knowledgeWidening: o.KnowledgeWidening), null, language));
        Report(on, "en").ShouldContain("widened the judgements with weak knowledge");
        Report(on, "nl").ShouldContain("oordelen met zwakke kennis verbreed");
        Report(off, "en").ShouldNotContain("widened the judgements");
    }

    [Fact]
    public void OutOfRangeSettings_AreNamed()
    {
        new KnowledgeWideningOptions { WideningSteps = 3, WeakKnowledgeAtMost = 4 }.Problems().ShouldBe(
            ["Analysis:WeakKnowledgeAtMost: '4' is not allowed; allowed: a whole number from 0 to 3", "Analysis:WideningSteps: '3' is not allowed; allowed: a whole number from 1 to 2"],
            ignoreOrder: true);
        new KnowledgeWideningOptions().Problems().ShouldBeEmpty();
    }
}
