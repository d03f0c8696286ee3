using System.Text.Json;
using Baken.Application.Analysis;
using Baken.Application.Jobs;
using Baken.Domain.Security;

namespace Baken.Application.Tests.Jobs;

/// <summary>A queued analysis runs with the settings it was started with, whichever node picks it up from the jobs table.</summary>
public sealed class AnalysisJobParametersTests
{
    private static RunIntegratedAnalysisRequest ThroughTheJobsTable(RunIntegratedAnalysisRequest request) =>
        JsonSerializer.Deserialize<AnalysisJobParameters>(JsonSerializer.Serialize(AnalysisJobParameters.From(request), BackgroundJobs.Json), BackgroundJobs.Json)!
            .ToRequest(progress: null);

    [Fact]
    public void AnOfficialRun_StaysOfficial_ThroughTheJobsTable()
    {
        // The bug: the page and POST /api/analysis/jobs queue a job, and the job forgot "official", so every official run
        // started on the workbench analysed the drafts too and was marked concept.
        var request = new RunIntegratedAnalysisRequest(Profile: "Equal weight per interest", Factor: 10, Iterations: 250, Seed: 7,
            AsClearance: ClassificationLevel.DepartementaalVertrouwelijk, CodeVersion: "v-test", Official: true);
        var run = ThroughTheJobsTable(request);
        run.Official.ShouldBeTrue();
        (run.Profile, run.Factor, run.Iterations, run.Seed, run.AsClearance, run.CodeVersion)
            .ShouldBe((request.Profile, request.Factor, request.Iterations, request.Seed, request.AsClearance, request.CodeVersion));
        ThroughTheJobsTable(request with { Official = false }).Official.ShouldBeFalse();
    }

    [Fact]
    public void AJobQueuedBeforeTheSetting_RunsAsBefore_NotOfficial()
    {
        const string stored = """{"profile":null,"factor":3,"iterations":100,"seed":1,"asClearance":null,"codeVersion":"old"}""";
        var parameters = JsonSerializer.Deserialize<AnalysisJobParameters>(stored, BackgroundJobs.Json)!;
        parameters.Official.ShouldBeFalse();
        parameters.ToRequest(null).Iterations.ShouldBe(100);
    }
}
