using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Cli.Tests;

/// <summary>Scores for 5.1 and 3.1 suggested from a scenario's cascade, and accepted into an analyst's assessment.</summary>
public sealed class CascadeSuggestTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Blackout_SuggestsLargerScoresThanAShortRegionalOutage_AndAcceptingWritesThemWithTheirDerivation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        (await CliRun.Baken(database, "scenario", "add", "S-BLACKOUT", "--title", "National blackout", "--kind", "hazard", "--disruptions", "1: 48h")).ExitCode.ShouldBe(0);
        (await CliRun.Baken(database, "scenario", "add", "S-LOCAL", "--title", "Regional gas outage", "--kind", "hazard", "--disruptions", "4: 2h 0.5")).ExitCode.ShouldBe(0);
        var unknown = await CliRun.Baken(database, "scenario", "add", "S-X", "--title", "X", "--kind", "hazard", "--disruptions", "99: 2h");
        unknown.ExitCode.ShouldBe(2);
        unknown.Err.ShouldContain("'99'");

        static Dictionary<string, (double Quantity, string Class)> Scores(string csv) =>
            csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(','))
                .ToDictionary(c => c[0], c => (double.Parse(c[1], System.Globalization.CultureInfo.InvariantCulture), c[3]));
        var big = Scores((await CliRun.Baken(database, "cascade", "suggest", "S-BLACKOUT")).Out);
        var small = Scores((await CliRun.Baken(database, "cascade", "suggest", "S-LOCAL")).Out);
        big["5.1"].Quantity.ShouldBeGreaterThan(small["5.1"].Quantity * 10);
        big["3.1"].Quantity.ShouldBeGreaterThan(small["3.1"].Quantity * 10);
        // A 48-hour national outage of category-A electricity alone is 17.9 m people × 2 days: at least 35.8 m person-days,
        // and the class is the one the 5.1 scale gives that quantity (D from 10 m, E from 100 m person-days).
        big["5.1"].Quantity.ShouldBeGreaterThanOrEqualTo(17_900_000 * 2 * 0.99);
        big["5.1"].Class.ShouldBe(big["5.1"].Quantity >= 100_000_000 ? "E" : "D");

        (await CliRun.Baken(database, "assessment", "add", "A-1", "--scenario", "S-BLACKOUT", "--analyst", "ana", "--organisation", "NCTV", "--scores", "2.1=B;5.1=A")).ExitCode.ShouldBe(0);
        // The analyst's own 5.1 = A differs from the suggestion: nothing is written until it is replaced explicitly.
        var differs = await CliRun.Baken(database, "cascade", "suggest", "S-BLACKOUT", "--accept", "A-1");
        differs.ExitCode.ShouldBe(4, differs.Err);
        differs.Err.ShouldContain($"5.1: own 'A', suggested {big["5.1"].Class}");
        (await CliRun.Baken(database, "assessment", "show", "A-1")).Out.ShouldContain("5.1=A");
        // Another analyst may not accept into ana's assessment.
        (await CliRun.Baken(database, "user", "add", "carl", "--clearance", "Ongerubriceerd", "--roles", "Analyst")).ExitCode.ShouldBe(0);
        var stranger = await CliRun.Baken(database, "cascade", "suggest", "S-BLACKOUT", "--accept", "A-1", "--replace", "--user", "carl");
        stranger.ExitCode.ShouldBe(5, stranger.Err);
        (await CliRun.Baken(database, "assessment", "show", "A-1")).Out.ShouldContain("5.1=A");

        var accepted = await CliRun.Baken(database, "cascade", "suggest", "S-BLACKOUT", "--accept", "A-1", "--replace");
        accepted.ExitCode.ShouldBe(0, accepted.Err);
        var shown = (await CliRun.Baken(database, "assessment", "show", "A-1", "--format", "json")).Out;
        shown.ShouldContain($"5.1={big["5.1"].Class}");
        shown.ShouldContain("2.1=B");
        // The coordinator (admin) is named, and the replaced own judgement is kept.
        shown.ShouldContain("accepted by coordinator admin for analyst ana from the cascade simulation");
        shown.ShouldContain("replaces the own judgement");
        (await CliRun.Baken(database, "cascade", "suggest", "S-LOCAL", "--accept", "A-1", "--replace")).ExitCode.ShouldBe(3);

        (await CliRun.Baken(database, "assessment", "add", "A-2", "--scenario", "S-BLACKOUT", "--analyst", "bo", "--organisation", "TNO", "--scores", "5.1=B;3.1=B")).ExitCode.ShouldBe(0);
        (await CliRun.Baken(database, "cascade", "suggest", "S-BLACKOUT", "--override", "A-2")).ExitCode.ShouldBe(2);
        (await CliRun.Baken(database, "cascade", "suggest", "S-BLACKOUT", "--override", "A-2", "--reason", "Back-up generators cover hospitals and water")).ExitCode.ShouldBe(0);
        var kept = (await CliRun.Baken(database, "assessment", "show", "A-2", "--format", "json")).Out;
        kept.ShouldContain("5.1=B");
        kept.ShouldContain("cascade suggestion");
        kept.ShouldContain("not taken");
        kept.ShouldContain("Back-up generators cover hospitals and water");
    }
}
