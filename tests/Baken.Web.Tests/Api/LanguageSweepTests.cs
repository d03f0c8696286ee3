using System.Net;
using System.Text.RegularExpressions;
using Baken.Application.Comments;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Baken.Web.Components;
using Microsoft.EntityFrameworkCore;

namespace Baken.Web.Tests.Api;

/// <summary>
/// Every page of the workbench, on the demo picture, in Dutch and in English: no raw field names or enum names in
/// the visible text, and no English on Dutch pages (issue 17, item 3).
/// </summary>
public sealed partial class LanguageSweepTests
{
    /// <summary>
    /// English words that do not occur in Dutch prose. Words both languages share are left out: Register, Code, Status,
    /// Impact, "of" (Dutch "or"), "State" (Raad van State).
    /// </summary>
    internal static readonly string[] EnglishWords =
    [
        "the", "and", "with", "without", "for", "from", "which", "this", "these", "not", "are", "has", "have", "you", "your",
        "Measure", "Measures", "Goal", "Goals", "Search", "found", "No", "Yes", "Edit", "History", "Title", "Risk", "Risks", "Scenarios",
        "Council", "Councils", "Meeting", "Meetings", "Decision", "Decisions", "Action", "Actions", "Signals", "Alerts", "Countries", "Country",
        "Owner", "Progress", "Hazard", "Threat", "Internal", "External", "Both", "Planned", "Proposed", "Held", "Done", "Cancelled",
        "Preventive", "Reactive", "Increase", "Decrease", "Rising", "Falling", "Accepted", "Rejected", "Draft", "Submitted", "Validated",
        "Returned", "Analyst", "Coordinator", "Secretariat", "Likelihood", "Run", "Runs", "Start", "Save", "Delete", "New",
        "Prevention", "Preparation", "Response", "Recovery", "Ministry", "Service", "Other", "Region", "All", "Year", "Value",
    ];

    /// <summary>Dutch words of the workbench that English pages must not show: its own words, the pillars, the themes.</summary>
    private static readonly string[] DutchWords =
    [
        "Bewerken", "Zoeken", "Geschiedenis", "Opslaan", "Annuleren", "Vorige", "Volgende", "Nieuw", "gevonden",
        "Voorkomen", "Verdedigen", "Versterken", "Klimaat", "natuurrampen", "Infectieziekten", "gevaar", "dreiging",
    ];

    /// <summary>Every route in Components/Pages; the ones with a parameter are filled from the demo data below.</summary>
    internal static readonly string[] StaticRoutes =
    [
        "/", "/denied", "/account/tokens", "/account/password", "/admin/users", "/admin/catalogue", "/assessments/import",
        "/analysis", "/analysis/compare", "/councils", "/councils/coverage", "/measures/portfolio", "/strategy", "/strategy/gaps",
        "/inbox", "/cycles", "/threats", "/signals", "/alerts", "/countries", "/cascades", "/dependencies", "/publications", "/publicaties",
        "/capabilities", "/trends", "/foresight",
    ];

    /// <summary>The list above keeps up with the pages: every route without a parameter is on it (the others are filled below).</summary>
    [Fact]
    public void StaticRoutes_NameEveryPageWithoutAParameter()
    {
        var routes = typeof(App).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), false).Cast<Microsoft.AspNetCore.Components.RouteAttribute>())
            .Select(a => a.Template).Where(t => !t.Contains('{', StringComparison.Ordinal)).Distinct().ToList();
        routes.Except(StaticRoutes.Append("/signin")).ShouldBeEmpty();
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryPage_InDutchAndEnglish_ShowsNoRawNames_AndDutchPagesNoEnglish(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        var admin = await app.SignedInClientAsync("beheer", ClassificationLevel.StaatsgeheimZeerGeheim, string.Join(';', Roles.All.Where(r => r != "Public")));
        var token = await RunningApp.AntiforgeryAsync(admin, "/");
        var loaded = await admin.PostAsync("/", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["_handler"] = "load-demo" }));
        loaded.StatusCode.ShouldBe(HttpStatusCode.OK);

        var urls = new List<string>(StaticRoutes) { "/signin" };
        await using (var db = app.Database.Context(FixedUser.System))
        {
            // A thread of comments on a scenario, so its section and the comment kind's pages are swept with words in them.
            var discussed = await db.Scenarios.OrderBy(s => s.Code).Select(s => s.Code).FirstAsync(s => s.StartsWith("DEMO-"));
            var comments = new AddComment(db, FixedUser.System);
            var first = await comments.HandleAsync(new(discussed, "Is de kans niet te hoog?", Criterion: "1.1"));
            first.IsOk.ShouldBeTrue(first.Message);
            (await comments.HandleAsync(new(discussed, "Nee, zie de bron.", ReplyTo: first.Value!.Code))).IsOk.ShouldBeTrue();
            foreach (var kind in RecordKinds.All)
            {
                urls.Add($"/register/{kind.Name}");
                var code = await kind.Query(db).OrderBy(r => r.Code).Select(r => r.Code).FirstOrDefaultAsync();
                if (code is null) continue;
                urls.Add($"/register/{kind.Name}/{Uri.EscapeDataString(code)}");
                if (!kind.ReadOnly) urls.Add($"/register/{kind.Name}/{Uri.EscapeDataString(code)}/edit");
                if (!kind.ReadOnly) urls.Add($"/register/{kind.Name}/new");
            }
            var scenario = await db.Scenarios.OrderBy(s => s.Code).Select(s => s.Code).FirstAsync(s => s.StartsWith("DEMO-"));
            urls.Add($"/register/scenario/{scenario}/assess");
            urls.Add($"/register/scenario/{scenario}/analysts");
            urls.Add($"/risk-sheets/{scenario}");
            urls.Add($"/admin/users/beheer");
            urls.Add("/cascades?process=1&hours=24"); // the simulation's timeline, said in the page's language (#17)
            foreach (var (route, codes) in new (string, IQueryable<string>)[]
                     {
                         ("/councils/meetings/", db.Meetings.Select(m => m.Code)), ("/cycles/", db.Cycles.Select(c => c.Code)),
                         ("/analysis/", db.AnalysisRuns.Select(r => r.Code)),
                     })
                if (await codes.OrderBy(c => c).FirstOrDefaultAsync() is { } code) urls.Add(route + code);
        }

        var fieldNames = RecordKinds.All.SelectMany(k => k.Fields).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var enumNames = typeof(ClassificationLevel).Assembly.GetTypes()
            .Concat(typeof(RecordKinds).Assembly.GetTypes())
            .Where(t => t.IsEnum).SelectMany(Enum.GetNames).Concat(Roles.All)
            .Where(n => PascalCompound().IsMatch(n)).ToHashSet(StringComparer.Ordinal);

        // The demo's trade screen names its suppliers as BACI does; the page names them in the reader's language.
        var dependenciesNl = WebUtility.HtmlDecode(await admin.GetStringAsync("/dependencies?culture=nl&ui-culture=nl"));
        dependenciesNl.ShouldContain("Zuid-Korea");
        dependenciesNl.ShouldNotContain("Rep. of Korea");
        WebUtility.HtmlDecode(await admin.GetStringAsync("/dependencies?culture=en&ui-culture=en")).ShouldContain("South Korea");

        // An alert's explanation (its title too) is the alert evaluation's English; its register page says it in Dutch (#17).
        string alert;
        await using (var db = app.Database.Context(FixedUser.System))
            alert = await db.Alerts.Where(a => a.Explanation!.Contains(" crosses the ")).OrderBy(a => a.Code).Select(a => a.Code).FirstAsync();
        var alertNl = WebUtility.HtmlDecode(await admin.GetStringAsync($"/register/alert/{Uri.EscapeDataString(alert)}?culture=nl&ui-culture=nl"));
        alertNl.ShouldContain(" drempel (");
        alertNl.ShouldNotContain(" crosses the ");
        var alertEn = WebUtility.HtmlDecode(await admin.GetStringAsync($"/register/alert/{Uri.EscapeDataString(alert)}?culture=en&ui-culture=en"));
        alertEn.ShouldContain(" crosses the ");
        // Its levels before and after ("green", "amber") are words of the page's language, not the stored names.
        Regex.Matches(alertNl, "<dd[^>]*>\\s*(groen|oranje|rood)\\s*</dd>").Count.ShouldBe(2);
        Regex.Matches(alertNl, "<dd[^>]*>\\s*(green|amber|red)\\s*</dd>").Count.ShouldBe(0);
        Regex.Matches(alertEn, "<dd[^>]*>\\s*(green|amber|red)\\s*</dd>").Count.ShouldBe(2);

        // The dependency screen's indicators are titled by Baken in a fixed English form; a Dutch page says it in Dutch.
        string concentration;
        await using (var db = app.Database.Context(FixedUser.System))
            concentration = await db.WarningIndicators.Where(i => i.Title.StartsWith("Supplier concentration of ")).OrderBy(i => i.Code).Select(i => i.Code).FirstAsync();
        var indicatorNl = WebUtility.HtmlDecode(await admin.GetStringAsync($"/register/warning-indicator/{Uri.EscapeDataString(concentration)}?culture=nl&ui-culture=nl"));
        indicatorNl.ShouldContain("Leveranciersconcentratie van ");
        indicatorNl.ShouldNotContain("Supplier concentration of ");
        var indicatorsNl = WebUtility.HtmlDecode(await admin.GetStringAsync("/register/warning-indicator?culture=nl&ui-culture=nl&pageSize=200"));
        indicatorsNl.ShouldContain("Leveranciersconcentratie van ");
        indicatorsNl.ShouldNotContain("Supplier concentration of ");
        WebUtility.HtmlDecode(await admin.GetStringAsync($"/register/warning-indicator/{Uri.EscapeDataString(concentration)}?culture=en&ui-culture=en")).ShouldContain("Supplier concentration of ");

        var problems = new List<string>();
        foreach (var culture in new[] { "nl", "en" })
        {
            foreach (var url in urls)
            {
                var address = url + (url.Contains('?') ? "&" : "?") + $"culture={culture}&ui-culture={culture}";
                var response = await admin.GetAsync(address);
                var html = await response.Content.ReadAsStringAsync();
                if (response.StatusCode >= HttpStatusCode.InternalServerError) { problems.Add($"{culture} {url}: {(int)response.StatusCode}"); continue; }
                var labels = Labels(html);
                foreach (var l in labels.Where(fieldNames.Contains).Distinct())
                    problems.Add($"{culture} {url}: raw field label '{l}'");
                var text = VisibleText(html);
                foreach (var w in SnakeCase().Matches(text).Select(m => m.Value).Where(fieldNames.Contains).Distinct())
                    problems.Add($"{culture} {url}: raw field name '{w}'");
                foreach (var w in PascalWord().Matches(text).Select(m => m.Value).Where(enumNames.Contains).Distinct())
                    problems.Add($"{culture} {url}: raw enum name '{w}'");
                if (culture == "nl")
                    foreach (var w in Words().Matches(VisibleText(WorkbenchWords(html))).Select(m => m.Value).Where(EnglishWords.Contains).Distinct())
                        problems.Add($"nl {url}: English word '{w}' in «{Around(text, w)}»");
                if (culture == "en")
                    foreach (var w in Words().Matches(VisibleText(WorkbenchWords(html))).Select(m => m.Value).Where(DutchWords.Contains).Distinct())
                        problems.Add($"en {url}: Dutch word '{w}' in «{Around(text, w)}»");
            }
        }
        problems.ShouldBeEmpty(string.Join('\n', problems));
    }

    /// <summary>The text a reader sees: no scripts, styles or code samples (commands and file columns are meant literally), no attributes.</summary>
    internal static string VisibleText(string html)
    {
        var s = Regex.Replace(html, "<(script|style|code|pre|kbd|samp|title)\\b[^>]*>.*?</\\1>", " ", RegexOptions.Singleline | RegexOptions.IgnoreCase);
        s = Regex.Replace(s, "<[^>]*>", " ");
        return Regex.Replace(WebUtility.HtmlDecode(s), "\\s+", " ");
    }

    /// <summary>
    /// The page without what people wrote (elements marked data-content: record titles and field values, in the language
    /// their author chose) and without parts marked as another language (lang="en", or lang="nl" on an English page; never the page itself): the workbench's own words.
    /// Raw field and enum names are looked for in the whole page, content included.
    /// </summary>
    internal static string WorkbenchWords(string html)
    {
        var s = Regex.Replace(html, "<(\\w+)\\b[^>]*\\sdata-content\\b[^>]*>.*?</\\1>", " ", RegexOptions.Singleline);
        return Regex.Replace(s, "<(?!html\\b)(\\w+)\\b[^>]*\\slang=\"(en|nl)\"[^>]*>.*?</\\1>", " ", RegexOptions.Singleline);
    }

    private static IEnumerable<string> Labels(string html) =>
        Regex.Matches(html, "<(dt|th|label|legend)\\b[^>]*>(.*?)</\\1>", RegexOptions.Singleline)
            .Select(m => WebUtility.HtmlDecode(Regex.Replace(m.Groups[2].Value, "<[^>]*>", "")).Trim().TrimEnd('*').Trim());

    private static string Around(string text, string word)
    {
        var i = Regex.Match(text, $"\\b{Regex.Escape(word)}\\b").Index;
        return text.Substring(Math.Max(0, i - 40), Math.Min(90, text.Length - Math.Max(0, i - 40)));
    }

    [GeneratedRegex("^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$")]
    private static partial Regex PascalCompound();

    [GeneratedRegex("\\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\\b")]
    private static partial Regex PascalWord();

    [GeneratedRegex("\\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\\b")]
    private static partial Regex SnakeCase();

    [GeneratedRegex("\\b\\p{L}+\\b")]
    private static partial Regex Words();
}
