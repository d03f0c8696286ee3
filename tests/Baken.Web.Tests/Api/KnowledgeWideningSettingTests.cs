using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Common;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Baken.Web.Tests.Api;

/// <summary>
/// <c>Analysis:WidenForWeakKnowledge</c> reaches the web host's runs: a run records what it widened and its report says so;
/// a setting out of range stops the host at start, naming it.
/// </summary>
public sealed class KnowledgeWideningSettingTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WithTheSettingOn_ARunRecordsTheWidening_AndItsReportSaysSo(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true, configure: b => b.Configuration["Analysis:WidenForWeakKnowledge"] = "true");
        var rows = File.ReadAllLines(SharedData.File("examples/assessments-example.csv")).Select((l, i) => new AssessmentRawRow(i + 1, l.Split(','))).ToList();
        await using (var db = app.Database.Context(FixedUser.System))
        {
            (await new ImportAssessmentTable(db, FixedUser.System, new LoadAnalysisCatalogue(db)).HandleAsync(rows)).IsOk.ShouldBeTrue();
            (await db.Assessments.SingleAsync(a => a.Code == "E-DROUGHT.analyst-seo")).KnowledgeAgreement = 0;
            await db.SaveChangesAsync();
        }
        var coordinator = await app.ClientForAsync("coord", ClassificationLevel.StaatsgeheimGeheim, roles: "Coordinator");
        var run = await coordinator.PostAsJsonAsync("/api/analysis/runs", new { iterations = 500 });
        run.IsSuccessStatusCode.ShouldBeTrue(await run.Content.ReadAsStringAsync());
        var code = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runCode").GetString()!;
        (await coordinator.GetStringAsync($"/api/register/analysis-run/{code}")).ShouldContain("steps=1; at-most=1; assessments=E-DROUGHT.analyst-seo");
        (await coordinator.GetStringAsync($"/api/analysis/runs/{code}/report?lang=en")).ShouldContain("widened the judgements with weak knowledge");
        (await coordinator.GetStringAsync($"/api/analysis/runs/{code}/report")).ShouldContain("oordelen met zwakke kennis verbreed");
    }

    [Fact]
    public async Task ASettingOutOfRange_StopsTheHostAtStart_NamingIt()
    {
        var e = await Should.ThrowAsync<OptionsValidationException>(async () =>
        {
            await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite, configure: b => b.Configuration["Analysis:WideningSteps"] = "5");
        });
        e.Message.ShouldContain("WideningSteps");
    }
}
