using System.Net;
using System.Text.RegularExpressions;
using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Common;
using Baken.Application.Users;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Baken.Web.Tests.Localization;

namespace Baken.Web.Tests.Api;

/// <summary>
/// Issue 17: a Dutch page is Dutch throughout, its validation messages too. The core writes a problem in English (the CLI
/// and the API's problem JSON say it so); the page says it in the reader's language: the frame, the field's label and
/// what is allowed, the line number in the page's culture.
/// </summary>
public sealed class DutchProblemsTests
{
    private static async Task<string> UploadAsync(HttpClient browser, string csv, string culture, string fileName = "assessments.csv")
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await RunningApp.AntiforgeryAsync(browser, $"/assessments/import?culture={culture}")), "__RequestVerificationToken" },
            { new StringContent("import-assessments"), "_handler" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", fileName },
        };
        var posted = await browser.PostAsync($"/assessments/import?culture={culture}", form);
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        return Regex.Replace(WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()), @"\s+", " ");
    }

    /// <summary>The example table with a bad code on its second line and a bad classification on its third.</summary>
    private static string BadTable()
    {
        var lines = File.ReadAllLines(SharedData.File("examples/assessments-example.csv"));
        lines[1] = "E DROUGHT!" + lines[1][lines[1].IndexOf(',', StringComparison.Ordinal)..];
        return string.Join("\n", lines);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnInvalidUploadOnADutchPage_IsToldInDutch_AndOnAnEnglishPageInEnglish(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        var browser = await app.SignedInClientAsync("coordinator", ClassificationLevel.StaatsgeheimGeheim, Roles.Coordinator);

        var dutch = await UploadAsync(browser, BadTable(), "nl");

        dutch.ShouldContain("regel 2: Scenariocode: 'E DROUGHT!' is niet toegestaan; toegestaan: 1 tot 64 tekens: letters, cijfers, '.', '-' of '_', beginnend met een letter of cijfer");
        var problems = Regex.Matches(dutch, "<li>([^<]*)</li>").Select(m => m.Groups[1].Value).Where(t => t.StartsWith("regel ", StringComparison.Ordinal)).ToList();
        problems.ShouldNotBeEmpty();
        var english = problems.SelectMany(p => Regex.Matches(p, @"\p{L}+").Select(m => m.Value)).Where(LanguageSweepTests.EnglishWords.Contains).Distinct().ToList();
        english.ShouldBeEmpty($"English words in Dutch problems: {string.Join(", ", problems)}");

        var englishPage = await UploadAsync(browser, BadTable(), "en");
        englishPage.ShouldContain("line 2: scenario_id: 'E DROUGHT!' is not allowed; allowed: 1–64 characters: letters, digits, '.', '-' or '_', starting with a letter or digit");
    }

    /// <summary>
    /// A rule that used to be English on Dutch pages (the assessment table's own explanations, with a column name and
    /// numbers in them) comes from the message catalogue by its key: Dutch on a Dutch page, the core's English on an English one.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AFileRuleOnADutchPage_IsTheCatalogueTextInDutch(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        var browser = await app.SignedInClientAsync("coordinator", ClassificationLevel.StaatsgeheimGeheim, Roles.Coordinator);
        var lines = File.ReadAllLines(SharedData.File("examples/assessments-example.csv"));
        var cells = lines[1].Split(',');
        cells[Array.IndexOf(lines[0].Split(','), "likelihood")] = "";
        cells[Array.IndexOf(lines[0].Split(','), "horizon_years")] = "500";
        cells[Array.IndexOf(lines[0].Split(','), "1.1")] = "D-B"; // the analysis's class parser explains this one
        lines[1] = string.Join(",", cells);
        var table = string.Join("\n", lines);

        var dutch = await UploadAsync(browser, table, "nl");
        var listed = string.Join("\n", Regex.Matches(dutch, "<li>([^<]*)</li>").Select(m => m.Groups[1].Value));
        dutch.ShouldContain("likelihood is leeg: geef een klasse A–E, een bereik zoals B-D, of een kans over de horizon zoals 2% of 0.02.", customMessage: listed);
        dutch.ShouldContain("'500' — horizon_years moet een aantal jaren in (0, 100] zijn");
        dutch.ShouldNotContain("likelihood is empty");
        dutch.ShouldContain("'D-B' is een onmogelijk bereik: D ligt boven B; schrijf de lagere klasse eerst (bijv. B-D).");

        var english = await UploadAsync(browser, table, "en");
        english.ShouldContain("line 2: likelihood: '' — likelihood is empty: give a class A–E, a range such as B-D, or a probability over the horizon such as 2% or 0.02.");
        english.ShouldContain("line 2: horizon_years: '500' — horizon_years must be a number of years in (0, 100], e.g. 5 (empty means 5).");
        english.ShouldContain("'D-B' is an impossible range: D lies above B; write the lower class first (e.g. B-D).");
    }

    /// <summary>
    /// A workflow page joins a use case's answer into one line (Words.Outcome): on a Dutch page the problem is Dutch and the
    /// core's English summary ("The input is not valid.") is not shown; on an English page both read as the core wrote them.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnAssignmentRefusedOnTheDutchCyclePage_IsToldInDutch(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        var rows = File.ReadAllLines(SharedData.File("examples/assessments-example.csv")).Select((l, i) => new AssessmentRawRow(i + 1, l.Split(','))).ToList();
        await using (var db = app.Database.Context(FixedUser.System))
            (await new ImportAssessmentTable(db, FixedUser.System, new LoadAnalysisCatalogue(db)).HandleAsync(rows)).IsOk.ShouldBeTrue();
        var coordinator = await app.ClientForAsync("coord", ClassificationLevel.StaatsgeheimGeheim, roles: "Coordinator");
        (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(coordinator, "/api/cycles",
            new { code = "NRB-2027", title = "NRB 2027", scenarios = "E-ZOONOSE", due = "2027-03-01" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var browser = await app.SignedInClientAsync("coord-web", ClassificationLevel.StaatsgeheimGeheim, roles: "Coordinator");

        async Task<string> AssignAsync(string culture)
        {
            var page = $"/cycles/NRB-2027?culture={culture}&ui-culture={culture}";
            var posted = await browser.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = await RunningApp.AntiforgeryAsync(browser, page), ["_handler"] = "assign",
                ["scenario"] = "E-ZOONOSE", ["analysts"] = "nobody-here",
            }));
            posted.StatusCode.ShouldBe(HttpStatusCode.OK);
            return Regex.Replace(WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()), @"\s+", " ");
        }

        var dutch = await AssignAsync("nl");
        dutch.ShouldContain("'nobody-here' is niet toegestaan; toegestaan: de gebruikersnaam van een Baken-gebruiker");
        dutch.ShouldNotContain("The input is not valid.");
        dutch.ShouldNotContain("the user name of a Baken user");

        var english = await AssignAsync("en");
        english.ShouldContain("The input is not valid. analysts: 'nobody-here' is not allowed; allowed: the user name of a Baken user");
    }

    /// <summary>The account pages show a use case's refusal (Result.Said): the core's English for the CLI, Dutch on a Dutch page.</summary>
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnAccountRefusal_IsTheCatalogueTextInDutch(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider);
        var analyst = new FixedUser("ana", ClassificationLevel.StaatsgeheimGeheim, -1, [Roles.Analyst]);
        var admin = new FixedUser("admin", ClassificationLevel.StaatsgeheimZeerGeheim, -1, [Roles.Administrator]);
        await using var db = app.Database.Context(admin);

        var refused = await new ManageUsers(db, analyst, TimeProvider.System).GetAsync("ana");
        refused.Status.ShouldBe(ResultStatus.Forbidden);
        RefusalTextTests.Read(refused.Said).ShouldBe(("Alleen een beheerder kan gebruikers beheren.", "Only an administrator can manage users."));

        var missing = await new ManageUsers(db, admin, TimeProvider.System).GetAsync("nobody-here");
        missing.Status.ShouldBe(ResultStatus.NotFound);
        RefusalTextTests.Read(missing.Said).ShouldBe(("Er is geen gebruiker 'nobody-here'.", "No user 'nobody-here'."));
    }

    /// <summary>
    /// A file the assessment reader refuses (its type here) is a catalogue text about the upload, named as the user named
    /// it (not the server's temporary file): Dutch on a Dutch page, the core's English on an English one (#17).
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnUploadOfTheWrongType_IsToldInTheReadersLanguage(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        var browser = await app.SignedInClientAsync("coordinator", ClassificationLevel.StaatsgeheimGeheim, Roles.Coordinator);

        var dutch = await UploadAsync(browser, "not a table", "nl", "notes.pdf");
        dutch.ShouldContain("Bestand: 'notes.pdf' is niet toegestaan; toegestaan: een .csv- of .xlsx-bestand");
        dutch.ShouldNotContain("baken-import-");
        dutch.ShouldNotContain("a .csv or .xlsx file");

        var english = await UploadAsync(browser, "not a table", "en", "notes.pdf");
        english.ShouldContain("file: 'notes.pdf' is not allowed; allowed: a .csv or .xlsx file");
    }

    /// <summary>
    /// The cascades page asked to simulate a process the network lacks says so in the page's language (it showed the
    /// simulation's English ArgumentException), and simulates nothing (#17).
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnUnknownProcessOnTheCascadesPage_IsToldInTheReadersLanguage(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        var browser = await app.ClientForAsync("analyst", ClassificationLevel.Ongerubriceerd);

        var dutch = WebUtility.HtmlDecode(await browser.GetStringAsync("/cascades?process=99&culture=nl&ui-culture=nl"));
        dutch.ShouldContain("Proces: '99' is niet toegestaan; toegestaan: de code van een vitaal proces in het netwerk");
        dutch.ShouldNotContain("not a node");
        dutch.ShouldNotContain("Parameter");

        var english = WebUtility.HtmlDecode(await browser.GetStringAsync("/cascades?process=99&culture=en&ui-culture=en"));
        english.ShouldContain("process: '99' is not allowed; allowed: the code of a vital process of the network");
    }
}
