using System.Text.Json;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Cli.Tests;

/// <summary>baken comments list|add|edit|delete: threads in every list format, field errors (exit 2), refusals (exit 5), hidden = missing (exit 3).</summary>
public sealed class CommentCommandsTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Comments_AreAddedAnsweredAndListedInThreads_WithTheExitCodesOfEachRefusal(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        async Task<CliOutcome> Baken(int expected, params string[] args)
        {
            var r = await CliRun.Baken(database, args);
            r.ExitCode.ShouldBe(expected, $"{string.Join(' ', args)}: {r.Out} {r.Err}");
            return r;
        }
        await Baken(0, "user", "add", "ana", "--clearance", "Stg.G", "--roles", "Analyst");
        await Baken(0, "user", "add", "bob", "--clearance", "Stg.G", "--roles", "Analyst");
        await Baken(0, "user", "add", "laag", "--clearance", "Dep.V", "--roles", "Analyst");
        await Baken(0, "user", "add", "raad", "--clearance", "Stg.G", "--roles", "CouncilMember");
        await Baken(0, "scenario", "add", "S-1", "--title", "Overstroming", "--kind", "hazard");
        await Baken(0, "scenario", "add", "S-G", "--title", "Sabotage", "--kind", "threat", "--classification", "Stg.G");

        (await Baken(0, "comments", "add", "S-1", "--text", "Kans te hoog", "--user", "ana")).Out.ShouldContain("Added comment S-1.ana.1 on S-1");
        (await Baken(0, "comments", "add", "S-1", "--text", "Eens", "--reply-to", "S-1.ana.1", "--user", "bob")).Out.ShouldContain("in answer to S-1.ana.1");
        await Baken(0, "comments", "add", "S-1", "--text", "Slachtoffers", "--criterion", "1.1", "--user", "bob");
        var json = JsonDocument.Parse((await Baken(0, "comments", "list", "S-1", "--format", "json", "--user", "ana")).Out).RootElement;
        json.EnumerateArray().Select(c => (c.GetProperty("code").GetString(), c.GetProperty("depth").GetString())).ShouldBe(
            [("S-1.ana.1", "0"), ("S-1.bob.1", "1"), ("S-1.bob.2", "0")]);
        var csv = (await Baken(0, "comments", "list", "S-1", "--format", "csv", "--user", "ana")).Out;
        csv.ShouldStartWith("code,depth,reply_to,criterion,author,created,classification,text");
        csv.ShouldContain("S-1.bob.2,0,,1.1,bob,");

        (await Baken(2, "comments", "add", "S-1", "--text", "x", "--criterion", "9.9", "--user", "ana")).Err.ShouldContain("criterion: '9.9'");
        (await Baken(2, "comments", "add", "S-G", "--text", "x", "--classification", "Dep.V", "--user", "ana")).Err.ShouldContain("scenario S-G");
        await Baken(0, "comments", "add", "S-G", "--text", "Geheim", "--user", "ana");
        await Baken(3, "comments", "add", "S-NONE", "--text", "x", "--user", "ana");
        await Baken(3, "comments", "list", "S-G", "--user", "laag");
        await Baken(5, "comments", "add", "S-1", "--text", "x", "--user", "raad");
        await Baken(5, "comments", "edit", "S-1.ana.1", "--text", "x", "--user", "bob");
        await Baken(5, "comments", "delete", "S-1.ana.1", "--user", "bob");
        await Baken(3, "comments", "edit", "S-G.ana.1", "--text", "x", "--user", "laag");
        (await Baken(0, "comments", "edit", "S-1.ana.1", "--text", "Kans iets te hoog", "--user", "ana")).Out.ShouldContain("version 2");
        await Baken(4, "comments", "edit", "S-1.ana.1", "--text", "Nog eens", "--expect-version", "1", "--user", "ana");
        (await Baken(0, "history", "comment", "S-1.ana.1", "--user", "ana")).Out.ShouldContain("Kans te hoog");
        await Baken(0, "comments", "delete", "S-1.ana.1", "--user", "ana");
        (await Baken(0, "comments", "list", "S-1", "--format", "csv", "--user", "bob")).Out.ShouldContain("S-1.bob.1,0,S-1.ana.1,");
    }
}
