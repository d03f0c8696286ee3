using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Web.Tests.Api;

/// <summary>
/// Issue 13, "references never point up": records linked while their targets were low, after which the targets were raised
/// above the reader. The agenda (its overlap warnings and the coverage), the gap list and the signals' review queue, on their
/// pages, in the API and in its CSV export, must show such a link as "withheld"/"achtergehouden", never the raw code; a reader
/// cleared for the targets still sees the codes (so the sweep looks at the paths that name them).
/// </summary>
public sealed class WithheldReferenceSweepTests
{
    private static readonly string[] HiddenCodes = ["R-VERBORGEN", "M-VERBORGEN", "G-VERBORGEN", "SIG-VERBORGEN"];

    private static readonly string[] Pages = ["/councils", "/councils/coverage?from=2026-01-01&to=2027-12-31", "/strategy/gaps", "/signals"];

    private static readonly string[] ApiRoutes =
    [
        "/api/councils/agenda?asOf=2026-12-01", "/api/councils/coverage?from=2026-01-01&to=2027-12-31", "/api/strategy/gaps",
        "/api/strategy/gaps?format=csv", "/api/signals/review",
    ];

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AgendaGapListAndReviewQueue_ShowAHiddenReferenceAsWithheld_NeverItsCode(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider);
        await SeedAsync(app.Database);
        var lowPage = await app.SignedInClientAsync("lezer", ClassificationLevel.Ongerubriceerd, roles: "Analyst");
        var highPage = await app.SignedInClientAsync("hoog", ClassificationLevel.StaatsgeheimZeerGeheim, roles: "Analyst");
        var lowApi = await app.ClientForAsync("lezer-api", ClassificationLevel.Ongerubriceerd, roles: "Analyst");
        var highApi = await app.ClientForAsync("hoog-api", ClassificationLevel.StaatsgeheimZeerGeheim, roles: "Analyst");

        var failures = new List<string>();
        var highSeen = new HashSet<string>();
        foreach (var (path, low, high) in Pages.Select(p => (p, lowPage, highPage)).Concat(ApiRoutes.Select(p => (p, lowApi, highApi))))
        {
            var response = await low.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) { failures.Add($"{path}: {(int)response.StatusCode}"); continue; }
            foreach (var code in HiddenCodes.Where(c => body.Contains(c, StringComparison.Ordinal)))
                failures.Add($"{path} names the hidden {code} to an unclassified reader");
            var cleared = await high.GetStringAsync(path);
            highSeen.UnionWith(HiddenCodes.Where(c => cleared.Contains(c, StringComparison.Ordinal)));
        }
        failures.ShouldBeEmpty(string.Join("\n", failures));
        // The paths do name the links to a reader cleared for them: the sweep looked where the codes would show. (M-VERBORGEN
        // shows to nobody cleared: for them the goal's measure exists, so the gap list has no "links a measure that does not
        // exist" to explain; that explanation is where the unclassified reader got its code.)
        highSeen.ShouldBe(["R-VERBORGEN", "G-VERBORGEN", "SIG-VERBORGEN"], ignoreOrder: true);

        // Where the link was, the page says it is withheld.
        (await lowPage.GetStringAsync("/councils")).ShouldContain("achtergehouden");
        (await lowPage.GetStringAsync("/strategy/gaps")).ShouldContain("achtergehouden");
        (await lowPage.GetStringAsync("/signals")).ShouldContain("achtergehouden");
        (await lowApi.GetStringAsync("/api/signals/review")).ShouldContain(RecordReferences.Withheld);
    }

    private static async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.Context(FixedUser.System);
        var save = new SaveRecord(db, FixedUser.System);
        async Task Save(string kind, string code, Dictionary<string, string?> values, SaveMode mode = SaveMode.Create)
        {
            var r = await save.HandleAsync(new SaveRecordRequest(kind, code, values, mode));
            if (!r.IsOk) throw new InvalidOperationException($"{kind} {code}: " + string.Join("; ", r.Errors) + r.Message);
        }
        // The targets, unclassified while they are linked.
        await Save("risk", "R-VERBORGEN", new() { ["title"] = "Verborgen risico", ["kind"] = "hazard" });
        await Save("measure", "M-VERBORGEN", new() { ["title"] = "Verborgen maatregel" });
        await Save("goal", "G-VERBORGEN", new() { ["title"] = "Verborgen doel", ["edition"] = "Sweep" });
        await Save("signal", "SIG-VERBORGEN", new() { ["title"] = "Verborgen signaal", ["date"] = "2026-11-01" });
        // Unclassified records that link them.
        await Save("council", "RVI", new() { ["name"] = "Raad Veiligheid en Inlichtingen" });
        await Save("council", "MCEV", new() { ["name"] = "Ministeriële Commissie Economie en Veiligheid" });
        await Save("meeting", "MT-1", new() { ["council"] = "RVI", ["title"] = "Vergadering", ["date"] = "2027-01-10" });
        await Save("meeting", "MT-2", new() { ["council"] = "MCEV", ["title"] = "Vergadering", ["date"] = "2027-01-20" });
        await Save("agenda-item", "AI-1", new() { ["council"] = "RVI", ["meeting"] = "MT-1", ["title"] = "Droogte", ["links"] = "risk:R-VERBORGEN;goal:G-VERBORGEN" });
        await Save("agenda-item", "AI-2", new() { ["council"] = "MCEV", ["meeting"] = "MT-2", ["title"] = "Waterbeheer", ["links"] = "risk:R-VERBORGEN" });
        await Save("goal", "G-OPEN", new() { ["title"] = "Open doel", ["edition"] = "Sweep", ["measures"] = "M-VERBORGEN" });
        await Save("indicator", "I-OPEN", new() { ["title"] = "Open indicator", ["goal"] = "G-VERBORGEN" });
        await Save("signal", "SIG-OPEN", new() { ["title"] = "Open signaal", ["date"] = "2026-11-02", ["duplicate_of"] = "SIG-VERBORGEN" });
        // Then the targets are raised above the unclassified reader.
        foreach (var (kind, code) in new[] { ("risk", "R-VERBORGEN"), ("measure", "M-VERBORGEN"), ("goal", "G-VERBORGEN"), ("signal", "SIG-VERBORGEN") })
            await Save(kind, code, new() { ["classification"] = "Stg.ZG" }, SaveMode.Update);
    }
}
