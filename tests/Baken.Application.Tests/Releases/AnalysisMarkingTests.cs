using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Common;
using Baken.Application.Councils;
using Baken.Application.Strategy;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Baken.Infrastructure.Persistence;
using Baken.Infrastructure.Releases;
using Baken.Infrastructure.Reports.Analysis;
using Baken.Infrastructure.Reports.Documents;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;
using static Baken.Application.Tests.Strategy.RegisterWrites;

namespace Baken.Application.Tests.Releases;

/// <summary>
/// Issue 14 on the analysis: a run carries the high-water mark of the rows it used only; the public analysis counts per
/// theme the scenarios it leaves out and never shows one recomputed from fewer analysts; outside the internal
/// classified audience analysts appear as A1…An, never by user name.
/// </summary>
public sealed class AnalysisMarkingTests
{
    private static readonly string[] Analysts = ["analyst-aivd", "analyst-iss", "analyst-seo", "analyst-wodc"];

    private static List<AssessmentRawRow> ExampleRows(Func<string[], string[]>? change = null)
    {
        var lines = File.ReadAllLines(SharedData.File("examples/assessments-example.csv"));
        return lines.Select((l, i) => new AssessmentRawRow(i + 1, i == 0 || change is null ? l.Split(',') : change(l.Split(',')))).ToList();
    }

    private static async Task<TestDatabase> SeedAsync(DatabaseProvider provider, Func<string[], string[]>? change = null)
    {
        var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await using var db = database.Context(FixedUser.System);
        db.Compartments.Add(new Compartment("NUC", "Nuclear", 0));
        await db.SaveChangesAsync();
        var result = await new ImportAssessmentTable(db, FixedUser.System, new LoadAnalysisCatalogue(db)).HandleAsync(ExampleRows(change));
        result.IsOk.ShouldBeTrue(string.Join("; ", result.Errors));
        return database;
    }

    private static async Task<AnalysisRunOutcome> AnalyseAsync(TestDatabase database, ICurrentUser user, RunIntegratedAnalysisRequest request)
    {
        await using var db = database.Context(user);
        var result = await new RunIntegratedAnalysis(db, user, TimeProvider.System, new LoadAnalysisCatalogue(db)).HandleAsync(request);
        result.IsOk.ShouldBeTrue(string.Join("; ", result.Errors));
        return result.Value!;
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Run_CarriesTheCompartmentsOfTheRowsItUsed_NotOfRowsItLeftOut(DatabaseProvider provider)
    {
        // E-RANSOM's rows are Stg.G, and one of its assessments is also in NUC.
        await using var database = await SeedAsync(provider, cells => cells[0] == "E-RANSOM" ? cells.Select((c, i) => i == 6 ? "Stg.G" : c).ToArray() : cells);
        await Ok(Edit(database, FixedUser.System, "assessment", "E-RANSOM.analyst-wodc", ("compartments", "NUC")));

        var full = await AnalyseAsync(database, FixedUser.System, new RunIntegratedAnalysisRequest(Iterations: 0));
        full.Classification.ShouldBe(new Classification(ClassificationLevel.StaatsgeheimGeheim, 1));

        // Without E-RANSOM's rows the run used nothing in NUC: it is neither Stg.G nor NUC.
        var reduced = await AnalyseAsync(database, FixedUser.System, new RunIntegratedAnalysisRequest(Iterations: 0, AsClearance: ClassificationLevel.DepartementaalVertrouwelijk));
        reduced.Result.Scenarios.Select(s => s.Id).ShouldNotContain("E-RANSOM");
        reduced.Classification.ShouldBe(Classification.Unclassified);
        await using var db = database.Context(FixedUser.System);
        (await db.AnalysisRuns.SingleAsync(r => r.Code == reduced.RunCode)).Classification.ShouldBe(Classification.Unclassified);
        (await db.AnalysisRuns.SingleAsync(r => r.Code == full.RunCode)).Classification.ShouldBe(new Classification(ClassificationLevel.StaatsgeheimGeheim, 1));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PublicAnalysis_CountsPerThemeWhatItLeavesOut_NeverRecomputesFromFewerAnalysts_AndNamesNoAnalyst(DatabaseProvider provider)
    {
        // One of E-DROUGHT's four assessments is Stg.G: the public may not see the whole judgement on E-DROUGHT.
        await using var database = await SeedAsync(provider, cells => cells[0] == "E-DROUGHT" && cells[4] == "analyst-aivd" ? cells.Select((c, i) => i == 6 ? "Stg.G" : c).ToArray() : cells);
        foreach (var scenario in new[] { "E-DROUGHT", "E-RANSOM", "E-SUBVERT", "E-ZOONOSE" })
            await Ok(Edit(database, FixedUser.System, "scenario", scenario, ("publishable", "true")));
        var run = await AnalyseAsync(database, FixedUser.System, new RunIntegratedAnalysisRequest(Iterations: 0));
        run.Result.Scenarios.Single(s => s.Id == "E-DROUGHT").Disagreement.AnalystCount.ShouldBe(4);

        await using var db = database.Context(FixedUser.System);
        var products = new ProductDocuments(db, new LoadStrategy(db), new MeetingPapers(db, new ForwardAgenda(db)));
        var product = (await products.AnalysisAsync(run.RunCode!, Audience.Public, "en")).Value!;
        var html = HtmlDocumentWriter.Write(product.Document);

        // Left out, not recomputed from the three analysts the public could see; counted once and at its theme.
        html.ShouldNotContain("E-DROUGHT");
        html.ShouldContain("Withheld from this version: 1 scenario(s).");
        html.ShouldContain("they are left out, not recomputed");
        var drought = run.Result.Scenarios.Single(s => s.Id == "E-DROUGHT").Theme;
        var themeSection = html[html.IndexOf($">{drought}</h", StringComparison.Ordinal)..];
        themeSection.ShouldContain("1 scenario(s) in this theme are not included in this version.");
        html.Split("in this theme are not included").Length.ShouldBe(2);
        foreach (var shown in run.Result.Scenarios.Where(s => s.Id != "E-DROUGHT")) html.ShouldContain(shown.Id);
        foreach (var analyst in Analysts) html.ShouldNotContain(analyst);
        product.Document.ClassificationMarking.ShouldBe("ONGERUBRICEERD");

        // The internal version shows E-DROUGHT with all four analysts and withholds nothing.
        var internalProduct = (await products.AnalysisAsync(run.RunCode!, Audience.Caller, "en")).Value!;
        var internalHtml = HtmlDocumentWriter.Write(internalProduct.Document);
        internalHtml.ShouldContain("E-DROUGHT");
        internalHtml.ShouldNotContain("not included in this version");
        internalProduct.Document.ClassificationMarking.ShouldBe("STG. GEHEIM");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnalysisReport_OutsideTheInternalClassifiedAudience_NamesAnalystsAsA1ToAn_NeverByUserName(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider);
        var run = await AnalyseAsync(database, FixedUser.System, new RunIntegratedAnalysisRequest(Iterations: 0, Store: false));

        var publicReader = TestDatabase.UserAt(ClassificationLevel.Ongerubriceerd, 0, "parliament", Roles.Public);
        var unclassified = TestDatabase.UserAt(ClassificationLevel.Ongerubriceerd, 0, "intern", Roles.PolicyOwner);
        var cleared = TestDatabase.UserAt(ClassificationLevel.StaatsgeheimGeheim, 0, "analist", Roles.Analyst);
        AnalystNames.Hidden(publicReader).ShouldBeTrue();
        AnalystNames.Hidden(unclassified).ShouldBeTrue();
        AnalystNames.Hidden(cleared).ShouldBeFalse();
        AnalystNames.Hidden(Audience.Public).ShouldBeTrue();

        var options = IntegratedAnalysisReport.Options(run.Catalogue, null, null, "ONGERUBRICEERD", anonymousAnalysts: true);
        var anonymous = HtmlDocumentWriter.Write(AnalysisReport.Compose(run.Result, options, null, "en"));
        foreach (var analyst in Analysts) anonymous.ShouldNotContain(analyst);
        // Sorted by name: analyst-aivd is A1, analyst-wodc A4, each with their organisation.
        anonymous.ShouldContain("A1 (AIVD)");
        anonymous.ShouldContain("A4 (WODC)");
        anonymous.ShouldNotContain("A5 (");

        var named = HtmlDocumentWriter.Write(AnalysisReport.Compose(run.Result, IntegratedAnalysisReport.Options(run.Catalogue, null, null, "ONGERUBRICEERD"), null, "en"));
        named.ShouldContain("analyst-aivd (AIVD)");
    }
}
