using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baken.Application.Common;
using Baken.Domain.Dependencies;
using Baken.Domain.Security;
using Baken.Infrastructure.Files;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Web.Tests.Dependencies;

/// <summary>
/// A dependency's options as structured choices from seed 004's framework: a JSON array of objects in the API, choices on
/// the form, words of the page's language on the pages and in exports, and old free text read without loss.
/// </summary>
public sealed class DependencyOptionsTests
{
    /// <summary>Text as a page writes it (Blazor encodes characters outside ASCII, such as the ë of diversifiëren).</summary>
    private static string H(string text) => System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text);

    private static StringContent Json(object o) => new(JsonSerializer.Serialize(o), System.Text.Encoding.UTF8, "application/json");

    private static object Dependency(string code, object? options) => new
    {
        code,
        values = new Dictionary<string, object?> { ["title"] = "Gallium EU27", ["hs6"] = "811292", ["importer"] = "EU27", ["year"] = "2022", ["options"] = options },
    };

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Api_TakesAndGivesOptionsAsAJsonArrayOfObjects_AndAnUnknownOptionIsAFieldErrorNamingItAndTheAllowed(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider);
        var client = await app.ClientForAsync("coord", ClassificationLevel.StaatsgeheimGeheim);

        var created = await client.PostAsync("/api/register/dependency", Json(Dependency("DEP-GA", new object[]
        {
            new { option = "diversify", status = "chosen", rationale = "tweede leverancier; 15% duurder" },
            new { option = "stockpile", status = "rejected" },
            new { option = "other", rationale = "overleg met Japan" },
        })));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        using var shown = JsonDocument.Parse(await client.GetStringAsync("/api/register/dependency/DEP-GA"));
        var options = shown.RootElement.GetProperty("structured").GetProperty("options");
        options.ValueKind.ShouldBe(JsonValueKind.Array);
        options.GetArrayLength().ShouldBe(3);
        options[0].GetProperty("option").GetString().ShouldBe("diversify");
        options[0].GetProperty("status").GetString().ShouldBe("chosen");
        options[0].GetProperty("rationale").GetString().ShouldBe("tweede leverancier; 15% duurder");
        options[1].GetProperty("status").GetString().ShouldBe("rejected");
        options[2].GetProperty("option").GetString().ShouldBe("other");
        // The text form beside it, as files and the command line have it.
        shown.RootElement.GetProperty("fields").GetProperty("options").GetString().ShouldBe("diversify (chosen): tweede leverancier; 15% duurder\nstockpile (rejected)\nother: overleg met Japan");

        // The text form is taken too.
        var edited = await client.PutAsync("/api/register/dependency/DEP-GA", Json(new { values = new Dictionary<string, string> { ["options"] = "diversify;substitute (chosen)" } }));
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        (await edited.Content.ReadAsStringAsync()).ShouldContain("\"option\":\"substitute\",\"status\":\"chosen\"");

        foreach (var bad in new object[] { new object[] { new { option = "nationalise" } }, "diversify;nationalise" })
        {
            var refused = await client.PutAsync("/api/register/dependency/DEP-GA", Json(new { values = new Dictionary<string, object> { ["options"] = bad } }));
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var problem = await refused.Content.ReadAsStringAsync();
            problem.ShouldContain("options");
            problem.ShouldContain("nationalise");
            problem.ShouldContain("accept-or-delay, diversify, stockpile, substitute, counter-power");
        }
        // A refusal writes nothing.
        await using var db = app.Database.Context(FixedUser.System);
        var stored = await db.Dependencies.AsNoTracking().SingleAsync(d => d.Code == "DEP-GA");
        stored.Options.ShouldBe([new(DependencyOption.Diversify), new(DependencyOption.Substitute, DependencyOptionStatus.Chosen)]);
        stored.Version.ShouldBe(2);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OldFreeTextInTheDatabase_IsReadAsOptions_WithTheRestAsAnOtherNote_AndMigratedToJsonAtTheNextStart(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider);
        var client = await app.ClientForAsync("coord", ClassificationLevel.StaatsgeheimGeheim);
        (await client.PostAsync("/api/register/dependency", Json(Dependency("DEP-OLD", null)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        // A line that names no option is a note of its own when nothing precedes it (after an option it continues that option's text).
        const string old = "Overleg met Japan loopt.\ndiversify: tweede leverancier binnen drie jaar, 15% duurder\nstockpile: voorraad voor zes maanden";
        await using (var db = app.Database.Context(FixedUser.System))
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Dependencies\" SET \"Options\" = {0} WHERE \"Code\" = 'DEP-OLD'", old);

        using var shown = JsonDocument.Parse(await client.GetStringAsync("/api/register/dependency/DEP-OLD"));
        var options = shown.RootElement.GetProperty("structured").GetProperty("options").EnumerateArray()
            .Select(o => (o.GetProperty("option").GetString(), o.GetProperty("rationale").GetString())).ToList();
        options.ShouldBe([("diversify", "tweede leverancier binnen drie jaar, 15% duurder"), ("stockpile", "voorraad voor zes maanden"), ("other", "Overleg met Japan loopt.")]);

        // The next start migrates the stored text to the JSON form, with the same content.
        (await DatabaseInitializer.InitializeAsync(app.Database.Options, TimeProvider.System, TestDatabase.CatalogueFolder)).AppliedMigrations.ShouldBeEmpty();
        await using (var db = app.Database.Context(FixedUser.System))
        {
            var raw = await db.Database.SqlQueryRaw<string>("SELECT \"Options\" AS \"Value\" FROM \"Dependencies\" WHERE \"Code\" = 'DEP-OLD'").SingleAsync();
            raw.ShouldStartWith("[");
            DependencyOptionText.FromStored(raw).Select(c => c.Rationale).ShouldBe(["tweede leverancier binnen drie jaar, 15% duurder", "voorraad voor zes maanden", "Overleg met Japan loopt."]);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Form_ShowsTheOptionsAsChoices_SavesWhatIsTicked_AndPagesAndExportsSpeakThePagesLanguage(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider);
        var api = await app.ClientForAsync("coord", ClassificationLevel.StaatsgeheimGeheim);
        (await api.PostAsync("/api/register/dependency", Json(Dependency("DEP-FORM", "stockpile: zes maanden")))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var web = await app.SignedInClientAsync("ana", ClassificationLevel.StaatsgeheimGeheim, roles: "Coordinator");

        var form = await web.GetStringAsync("/register/dependency/DEP-FORM/edit");
        // One checkbox per option of the framework, labelled in Dutch, the stored one ticked, with its status and rationale.
        form.ShouldContain("<legend>Opties</legend>");
        foreach (var (key, label) in new[] { ("accept-or-delay", "accepteren of uitstellen"), ("diversify", "diversifiëren"), ("stockpile", "voorraad aanleggen"), ("substitute", "substitueren"), ("counter-power", "tegenmacht uitoefenen") })
        {
            form.ShouldContain($"type=\"checkbox\" id=\"f-options-{key}\" name=\"options.option.{key}\"");
            form.ShouldContain($"<label for=\"f-options-{key}\">{H(label)}</label>");
        }
        form.ShouldMatch("id=\"f-options-stockpile\" name=\"options.option.stockpile\" value=\"on\" checked");
        form.ShouldContain(">zes maanden</textarea>");
        form.ShouldContain("<option value=\"chosen\">gekozen</option>");

        var token = await RunningApp.AntiforgeryAsync(web, "/register/dependency/DEP-FORM/edit");
        var version = System.Text.RegularExpressions.Regex.Match(form, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        var posted = await web.PostAsync("/register/dependency/DEP-FORM/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = "record-edit", ["version"] = version,
            ["title"] = "Gallium EU27", ["hs6"] = "811292", ["importer"] = "EU27", ["year"] = "2022", ["status"] = "assessed", ["classification"] = "Ongerubriceerd",
            ["options.option.diversify"] = "on", ["options.status.diversify"] = "chosen", ["options.rationale.diversify"] = "tweede leverancier",
            ["options.status.stockpile"] = "rejected", ["options.rationale.stockpile"] = "", // unticked, no text: no longer weighed
            ["options.option.counter-power"] = "on", ["options.status.counter-power"] = "rejected", ["options.rationale.counter-power"] = "",
            ["options.rationale.other"] = "overleg met Japan",
        }));
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        await using (var db = app.Database.Context(FixedUser.System))
            (await db.Dependencies.AsNoTracking().SingleAsync(d => d.Code == "DEP-FORM")).Options.ShouldBe([
                new(DependencyOption.Diversify, DependencyOptionStatus.Chosen, "tweede leverancier"),
                new(DependencyOption.CounterPower, DependencyOptionStatus.Rejected),
                new(null, DependencyOptionStatus.Considered, "overleg met Japan")]);

        var detail = await web.GetStringAsync("/register/dependency/DEP-FORM");
        detail.ShouldContain("<li>" + H("diversifiëren (gekozen): tweede leverancier") + "</li>");
        detail.ShouldContain("<li>" + H("tegenmacht uitoefenen (verworpen)") + "</li>");
        detail.ShouldContain("<li>" + H("Overig (buiten het kader): overleg met Japan") + "</li>");
        (await web.GetStringAsync("/register/dependency/DEP-FORM?culture=en")).ShouldContain("<li>" + H("diversify (chosen): tweede leverancier") + "</li>");
        var list = await web.GetStringAsync("/dependencies");
        list.ShouldContain(H("diversifiëren (gekozen): tweede leverancier"));
        list.ShouldContain("beoordeeld");
        (await web.GetStringAsync("/dependencies?culture=en")).ShouldContain(H("exercise counter-power (rejected)"));

        // The list page's export carries the page's language; such a file still imports.
        var listPage = await web.GetStringAsync("/register/dependency");
        System.Text.RegularExpressions.Regex.Match(listPage, "/api/register/dependency/export\\?format=csv&amp;lang=nl\"").Success.ShouldBeTrue(listPage[listPage.IndexOf("export?format=csv", StringComparison.Ordinal)..][..60]);
        var dutch = await api.GetStringAsync("/api/register/dependency/export?format=csv&lang=nl");
        dutch.ShouldContain("diversifiëren (gekozen): tweede leverancier");
        var english = await api.GetStringAsync("/api/register/dependency/export?format=csv&lang=en");
        english.ShouldContain("exercise counter-power (rejected)");
        using var xlsx = new MemoryStream(await api.GetByteArrayAsync("/api/register/dependency/export?format=xlsx&lang=en"));
        var read = RegisterFileReader.Read(xlsx, RegisterFileFormat.Xlsx);
        read.Errors.ShouldBeEmpty();
        var cell = read.Rows.Single().Values["options"];
        cell.ShouldBe("diversify (chosen): tweede leverancier\nexercise counter-power (rejected)\nother: overleg met Japan");
        // Such a file still reads as the same options.
        DependencyOptionText.Parse(cell).ShouldBe([new(DependencyOption.Diversify, DependencyOptionStatus.Chosen, "tweede leverancier"),
            new(DependencyOption.CounterPower, DependencyOptionStatus.Rejected), new(null, DependencyOptionStatus.Considered, "overleg met Japan")]);
        // The canonical export is the text form.
        (await api.GetStringAsync("/api/register/dependency/export?format=csv")).ShouldContain("diversify (chosen): tweede leverancier");
        DependencyOptionText.Parse("diversifiëren (gekozen): tweede leverancier\ntegenmacht uitoefenen (verworpen)\noverig: overleg met Japan")
            .ShouldBe([new(DependencyOption.Diversify, DependencyOptionStatus.Chosen, "tweede leverancier"), new(DependencyOption.CounterPower, DependencyOptionStatus.Rejected), new(null, DependencyOptionStatus.Considered, "overleg met Japan")]);
    }
}
