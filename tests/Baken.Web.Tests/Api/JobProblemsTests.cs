using System.Net;
using Baken.Application.Common;
using Baken.Application.Jobs;
using Baken.Domain.Jobs;
using Baken.Domain.Security;
using Baken.Infrastructure.Jobs;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Web.Tests.Api;

/// <summary>
/// Issue 17: a failed job's problems are kept with it as catalogue messages (key and arguments), so /jobs/{id} says them
/// in the page's language, numbers in its culture, however long after the job ended; the row keeps their English for the
/// API and the CLI.
/// </summary>
public sealed class JobProblemsTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AFailedJob_IsExplainedInDutchOnADutchPage_AndInEnglishOnAnEnglishOne_AndInTheRow(DatabaseProvider provider)
    {
        // No worker on this node: the test finishes the job as a node does, through the queue.
        await using var app = await RunningApp.StartAsync(provider, configure: b => b.Configuration["Jobs:Enabled"] = "false");
        var (owner, id) = await WaitingImportAsync(app);
        var queue = new JobQueue(app.Database.Options, TimeProvider.System);
        (await queue.ClaimAsync("node-1", CancellationToken.None))!.Id.ShouldBe(id);
        var outcome = JobOutcome.Failed(
        [
            new FieldError("input", "register", AllowedTexts.AnalysisNothingYet.With(AllowedTexts.AnalysisNoAssessmentAt.With("Stg.C"))),
            new FieldError("file", "big.xlsx", AllowedTexts.CouncilsFileSize.With(20_000_000), 3),
        ], null, "the import was refused");
        await queue.FinishAsync(id, "node-1", outcome.State, 0.5, null, outcome.Reason, CancellationToken.None, problems: outcome.Problems);

        var dutch = WebUtility.HtmlDecode(await owner.GetStringAsync($"/jobs/{id}?culture=nl"));
        dutch.ShouldContain("Er is nog niets te analyseren: het register bevat geen beoordeling die u mag zien op Stg.C.");
        dutch.ShouldContain("regel 3: ");
        dutch.ShouldContain("'big.xlsx' is niet toegestaan; toegestaan: een bestand van ten hoogste 20.000.000 bytes");
        dutch.ShouldNotContain("nothing to analyse");

        var english = WebUtility.HtmlDecode(await owner.GetStringAsync($"/jobs/{id}?culture=en"));
        english.ShouldContain("input: 'register' — There is nothing to analyse yet: the register holds no assessment you may see at Stg.C.");
        english.ShouldContain("line 3: file: 'big.xlsx' is not allowed; allowed: a file of at most 20,000,000 bytes");

        await using var read = app.Database.Context(FixedUser.System);
        var row = await read.Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
        row.State.ShouldBe(JobState.Failed);
        row.Reason!.Split('\n').ShouldBe([outcome.Problems![0].ToString(), "line 3: file: 'big.xlsx' is not allowed; allowed: a file of at most 20,000,000 bytes"]);
    }

    /// <summary>A clock standing still, so the moment in a note is known.</summary>
    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>
    /// A note that is no failure (a node stopped while running the job; it was started again) is kept with the job like
    /// its problems: Dutch on a Dutch page with the moment in the Dutch form, in front of the failure that followed.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AJobStartedAgain_AndThenFailed_SaysBothInDutch_AndKeepsTheEnglishLines(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, configure: b => b.Configuration["Jobs:Enabled"] = "false");
        var (owner, id) = await WaitingImportAsync(app);
        var queue = new JobQueue(app.Database.Options, new At(new DateTimeOffset(2026, 12, 3, 10, 15, 30, TimeSpan.Zero)));
        (await queue.ClaimAsync("node-1", CancellationToken.None))!.Id.ShouldBe(id);
        (await queue.ReleaseAsync("node-1", CancellationToken.None)).ShouldBe(1);
        (await queue.ClaimAsync("node-2", CancellationToken.None))!.Id.ShouldBe(id);
        var outcome = JobOutcome.Failed([new FieldError("file", "big.xlsx", AllowedTexts.CouncilsFileSize.With(20_000_000), 3)], null, "the import was refused");
        await queue.FinishAsync(id, "node-2", outcome.State, 0.5, null, outcome.Reason, CancellationToken.None, problems: outcome.Problems);

        var dutch = WebUtility.HtmlDecode(await owner.GetStringAsync($"/jobs/{id}?culture=nl"));
        dutch.ShouldContain("opnieuw gestart: node node-1 stopte op 3 december 2026 10:15:30 UTC terwijl hij de taak uitvoerde");
        dutch.ShouldContain("een bestand van ten hoogste 20.000.000 bytes");
        dutch.ShouldNotContain("started again");

        var english = WebUtility.HtmlDecode(await owner.GetStringAsync($"/jobs/{id}?culture=en"));
        english.ShouldContain("started again: node node-1 stopped at 2026-12-03 10:15:30 UTC while running it");

        await using var read = app.Database.Context(FixedUser.System);
        var row = await read.Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
        row.Reason!.Split('\n').ShouldBe(["started again: node node-1 stopped at 2026-12-03 10:15:30 UTC while running it",
            "line 3: file: 'big.xlsx' is not allowed; allowed: a file of at most 20,000,000 bytes"]);
    }

    /// <summary>The owner's signed-in browser and a waiting import of theirs, on a node without a worker.</summary>
    private static async Task<(HttpClient Owner, Guid Id)> WaitingImportAsync(RunningApp app)
    {
        var owner = await app.SignedInClientAsync("eigenaar", ClassificationLevel.StaatsgeheimConfidentieel, "Coordinator");
        await using var db = app.Database.Context(FixedUser.System);
        var job = new BackgroundJob { Kind = JobKinds.AssessmentImport, Owner = "eigenaar", CreatedAtUtc = DateTime.UnixEpoch.AddYears(56) };
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        return (owner, job.Id);
    }
}
