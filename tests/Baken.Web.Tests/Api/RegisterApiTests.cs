using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Baken.Application.Register;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Web.Tests.Api;

public sealed class RegisterApiTests
{
    private static StringContent Json(object o) => new(JsonSerializer.Serialize(o), System.Text.Encoding.UTF8, "application/json");

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OpenApiDocument_DescribesTheRegisterRoutes(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider);
        var doc = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        doc.ShouldContain("/api/register/{kind}/{code}/history");
        doc.ShouldContain("\"409\"");
        (await app.Anonymous().GetAsync("/api-docs/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Api_WithoutCredentials_IsUnauthorized(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider);
        (await app.Anonymous().GetAsync("/api/register/risk")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var bad = app.Anonymous();
        bad.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bkn_not-a-token");
        (await bad.GetAsync("/api/register/risk")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateEditWithEtags_StaleEditIsConflict_AndHistoryShowsBoth(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        var client = await app.ClientForAsync("ana", ClassificationLevel.StaatsgeheimGeheim);

        var created = await client.PostAsync("/api/register/scenario", Json(new { code = "S-1", values = new Dictionary<string, string> { ["title"] = "Pandemie", ["kind"] = "hazard", ["theme"] = "T2" } }));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);

        var get = await client.GetAsync("/api/register/scenario/S-1");
        var etag = get.Headers.ETag!.ToString();
        etag.ShouldBe("W/\"1\"");

        var first = new HttpRequestMessage(HttpMethod.Put, "/api/register/scenario/S-1") { Content = Json(new { values = new Dictionary<string, string> { ["title"] = "Pandemie (ernstig)" } }) };
        first.Headers.TryAddWithoutValidation("If-Match", etag);
        (await client.SendAsync(first)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = new HttpRequestMessage(HttpMethod.Put, "/api/register/scenario/S-1") { Content = Json(new { values = new Dictionary<string, string> { ["title"] = "Pandemie (mild)" } }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        var conflict = await client.SendAsync(stale);
        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        conflict.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await conflict.Content.ReadAsStringAsync()).ShouldContain("Pandemie (ernstig)");

        var history = await client.GetFromJsonAsync<List<HistoryView>>("/api/register/scenario/S-1/history");
        history!.Select(h => h.Version).ShouldBe([1, 2]);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InvalidInput_IsAProblemNamingFieldValueAndAllowed(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider);
        var client = await app.ClientForAsync("ana", ClassificationLevel.DepartementaalVertrouwelijk);
        var response = await client.PostAsync("/api/register/risk", Json(new { code = "R-1", values = new Dictionary<string, string> { ["title"] = "x", ["kind"] = "hazzard" } }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("kind");
        body.ShouldContain("hazzard");
        body.ShouldContain("hazard, threat");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportEndpoint_WithABadRow_WritesNothing(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider);
        var client = await app.ClientForAsync("ana", ClassificationLevel.DepartementaalVertrouwelijk);
        var csv = new StringContent("code,title,kind\nR-1,Goed,hazard\nR-2,Fout,bogus\n", System.Text.Encoding.UTF8, "text/csv");
        var response = await client.PostAsync("/api/register/risk/import?format=csv", csv);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("line 3");
        var page = await client.GetFromJsonAsync<RecordPage>("/api/register/risk");
        page!.Total.ShouldBe(0);

        var good = new StringContent("code,title,kind\nR-1,Goed,hazard\nR-2,Ook goed,threat\n", System.Text.Encoding.UTF8, "text/csv");
        (await client.PostAsync("/api/register/risk/import?format=csv", good)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetFromJsonAsync<RecordPage>("/api/register/risk"))!.Total.ShouldBe(2);
    }
}
