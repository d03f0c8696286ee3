using System.Net;
using System.Net.Http.Json;
using Baken.Application.Comments;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Web.Tests.Api;

/// <summary>
/// The leak sweep: with a record at every level and in two compartments, a user at each level fetches every
/// read route and page of the register (and the comments of a scenario); no marker of a record above their clearance may appear anywhere —
/// not in lists, searches, exports, counts, detail pages, history or error texts.
/// </summary>
public sealed class LeakSweepTests
{
    public static IEnumerable<object[]> Cases() =>
        from p in TestDatabase.Providers()
        from level in Enum.GetValues<ClassificationLevel>()
        from compartments in new[] { "", "NUC" }
        select new object[] { p[0], level, compartments };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task NoRouteOrPage_RevealsARecordAboveTheCallersClearance(DatabaseProvider provider, ClassificationLevel clearance, string compartments)
    {
        await using var app = await RunningApp.StartAsync(provider);
        await ClassifiedFixture.SeedAsync(app.Database);
        // Comments (issue 15) at every level and compartment on one unclassified scenario.
        await using (var db = app.Database.Context(FixedUser.System))
        {
            (await new SaveRecord(db, FixedUser.System).HandleAsync(new SaveRecordRequest("scenario", "S-LEAK",
                new Dictionary<string, string?> { ["title"] = "Lek", ["kind"] = "threat" }, SaveMode.Create))).IsOk.ShouldBeTrue();
            foreach (var (level, compartment, _) in ClassifiedFixture.All())
                (await new AddComment(db, FixedUser.System).HandleAsync(new AddCommentRequest("S-LEAK", $"CMT-{ClassifiedFixture.Marker(level, compartment)}",
                    Classification: level.DisplayName(), Compartments: compartment == "NONE" ? "" : compartment))).IsOk.ShouldBeTrue();
        }
        var client = await app.ClientForAsync("reader", clearance, compartments);
        var held = compartments == "NUC" ? ClassifiedFixture.Nuc : 0;

        var visible = ClassifiedFixture.All().Where(r => ClassifiedFixture.MaySee(clearance, held, r.Level, r.Mask)).Select(r => ClassifiedFixture.Marker(r.Level, r.Compartment)).ToList();
        var hidden = ClassifiedFixture.All().Select(r => ClassifiedFixture.Marker(r.Level, r.Compartment)).Except(visible).ToList();

        var bodies = new List<string>();
        async Task<HttpResponseMessage> Fetch(string url)
        {
            var response = await client.GetAsync(url);
            bodies.Add(url + "\n" + await response.Content.ReadAsStringAsync());
            return response;
        }

        (await Fetch("/api/register/risk?pageSize=500")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Fetch("/api/register/risk?search=MARK");
        await Fetch("/api/register/risk?search=L4");
        foreach (var f in new[] { "csv", "json" }) await Fetch($"/api/register/risk/export?format={f}");
        await Fetch("/register/risk");
        await Fetch("/register/risk?q=MARK");
        await Fetch("/");
        foreach (var marker in visible)
        {
            (await Fetch($"/api/register/risk/{marker}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        foreach (var marker in hidden)
        {
            var detail = await client.GetAsync($"/api/register/risk/{marker}");
            detail.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var problem = await detail.Content.ReadAsStringAsync();
            problem.ShouldNotContain($"{marker} title");
            problem.ShouldNotContain("Geheim");
            (await client.GetAsync($"/api/register/risk/{marker}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var page = await client.GetStringAsync($"/register/risk/{marker}");
            page.ShouldNotContain($"{marker} title");
            page.ShouldNotContain($"{marker} body");
            page.ShouldNotContain("v1 · insert");
        }

        var thread = await Fetch("/api/scenarios/S-LEAK/comments");
        thread.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await thread.Content.ReadFromJsonAsync<List<System.Text.Json.JsonElement>>())!.Count.ShouldBe(visible.Count);
        (await Fetch("/api/register/comment?pageSize=500")).StatusCode.ShouldBe(HttpStatusCode.OK);
        bodies[^1].ShouldContain($"\"total\":{visible.Count}");
        foreach (var f in new[] { "csv", "json" }) await Fetch($"/api/register/comment/export?format={f}");
        await Fetch("/register/scenario/S-LEAK");
        await Fetch("/register/comment");

        var all = string.Join("\n", bodies);
        foreach (var marker in hidden) all.ShouldNotContain(marker, customMessage: $"{marker} leaked to {clearance}/{compartments}");
        foreach (var marker in visible) all.ShouldContain(marker);
        foreach (var marker in visible) all.ShouldContain("CMT-" + marker);
        // The list reports a total that counts only visible records.
        bodies[0].ShouldContain($"\"total\":{visible.Count}");
    }
}
