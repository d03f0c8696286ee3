using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Web.Tests.Api;

/// <summary>
/// Comments on scenarios and criteria (issue 15): threaded, sanitised rich text, marked at least as high as what they
/// discuss, written by analysts and coordinators and changed only by their author, hidden above the reader's clearance
/// and, in a blind round, like the assessments they may repeat.
/// </summary>
public sealed class CommentApiTests
{
    private static async Task SeedAsync(RunningApp app)
    {
        await using var db = app.Database.Context(FixedUser.System);
        var save = new SaveRecord(db, FixedUser.System);
        (await save.HandleAsync(new SaveRecordRequest("scenario", "S-CMT", new Dictionary<string, string?> { ["title"] = "Overstroming", ["kind"] = "hazard" }, SaveMode.Create))).IsOk.ShouldBeTrue();
        (await save.HandleAsync(new SaveRecordRequest("scenario", "S-GEHEIM", new Dictionary<string, string?> { ["title"] = "Sabotage", ["kind"] = "threat", ["classification"] = "Stg.G" }, SaveMode.Create))).IsOk.ShouldBeTrue();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Comments_AreThreaded_Sanitised_MarkedAtLeastAsHighAsTheScenario_AndChangedOnlyByTheirAuthor(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        await SeedAsync(app);
        var ana = await app.ClientForAsync("ana", ClassificationLevel.StaatsgeheimGeheim, roles: "Analyst");
        var bob = await app.ClientForAsync("bob", ClassificationLevel.StaatsgeheimGeheim, roles: "Analyst");
        var council = await app.ClientForAsync("raad", ClassificationLevel.StaatsgeheimGeheim, roles: "CouncilMember");
        var low = await app.ClientForAsync("laag", ClassificationLevel.DepartementaalVertrouwelijk, roles: "Analyst");

        // A comment on the scenario, one on a criterion, and a reply; hostile markup never comes back as HTML.
        var first = await ana.PostAsJsonAsync("/api/scenarios/S-CMT/comments", new { text = "<p>Kans <strong>te hoog</strong></p><script>alert('x')</script><img src=x onerror=alert(1)>" });
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var firstCode = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        firstCode.ShouldBe("S-CMT.ana.1");
        (await bob.PostAsJsonAsync("/api/scenarios/S-CMT/comments", new { text = "Slachtoffers onderschat", criterion = "1.1" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var reply = await bob.PostAsJsonAsync("/api/scenarios/S-CMT/comments", new { text = "Eens, zie bron", replyTo = firstCode });
        reply.StatusCode.ShouldBe(HttpStatusCode.Created);

        var list = await ana.GetFromJsonAsync<List<JsonElement>>("/api/scenarios/S-CMT/comments");
        list!.Select(c => (c.GetProperty("code").GetString(), c.GetProperty("depth").GetInt32())).ShouldBe(
            [(firstCode, 0), ("S-CMT.bob.2", 1), ("S-CMT.bob.1", 0)]);
        var html = list![0].GetProperty("html").GetString()!;
        html.ShouldContain("<strong>te hoog</strong>");
        html.ShouldNotContain("<script");
        html.ShouldNotContain("onerror");
        list[2].GetProperty("criterion").GetString().ShouldBe("1.1");

        // The page shows the thread, sanitised, in Dutch and in English, with a form to add and to reply.
        var web = await app.SignedInClientAsync("ana-web", ClassificationLevel.StaatsgeheimGeheim, roles: "Analyst");
        var page = await web.GetStringAsync("/register/scenario/S-CMT");
        page.ShouldContain("Opmerkingen (3)");
        page.ShouldContain("<strong>te hoog</strong>");
        page.ShouldNotContain("<script>alert");
        page.ShouldNotContain("onerror=");
        page.ShouldContain("Opmerking plaatsen");
        page.ShouldContain("antwoord op");
        var english = await web.GetStringAsync("/register/scenario/S-CMT?culture=en&ui-culture=en");
        english.ShouldContain("Comments (3)");
        english.ShouldContain("Add a comment");

        // Bad input names the field, the value and what is allowed.
        var unknown = await ana.PostAsJsonAsync("/api/scenarios/S-CMT/comments", new { text = "x", criterion = "9.9" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var unknownErrors = (await ProblemAsync(unknown)).GetProperty("errors").GetProperty("criterion")[0].GetString()!;
        unknownErrors.ShouldContain("'9.9'");
        unknownErrors.ShouldContain("1.1");
        var orphan = await ana.PostAsJsonAsync("/api/scenarios/S-CMT/comments", new { text = "x", replyTo = "S-GEHEIM.ana.1" });
        (await ProblemAsync(orphan)).GetProperty("errors").TryGetProperty("reply_to", out _).ShouldBeTrue();
        (await ana.PostAsJsonAsync("/api/scenarios/S-CMT/comments", new { text = "  " })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ana.PostAsJsonAsync("/api/scenarios/S-NONE/comments", new { text = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Marked at least as high as the scenario: below is refused naming the scenario's marking; none given takes it.
        var under = await ana.PostAsJsonAsync("/api/scenarios/S-GEHEIM/comments", new { text = "Te laag", classification = "Dep.V" });
        under.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var underError = (await ProblemAsync(under)).GetProperty("errors").GetProperty("classification")[0].GetString()!;
        underError.ShouldContain("scenario S-GEHEIM");
        underError.ShouldContain("STG. GEHEIM", Case.Insensitive);
        var high = await ana.PostAsJsonAsync("/api/scenarios/S-GEHEIM/comments", new { text = "Geheime opmerking HIGHMARK" });
        high.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await high.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("classification").GetString().ShouldBe(nameof(ClassificationLevel.StaatsgeheimGeheim));
        // A reply is at least as high as its parent: a Stg.G remark on an unclassified scenario makes Stg.G replies.
        var raised = await ana.PostAsJsonAsync("/api/scenarios/S-CMT/comments", new { text = "Geheim detail RAISEDMARK", classification = "Stg.G" });
        var raisedCode = (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        (await bob.PostAsJsonAsync("/api/scenarios/S-CMT/comments", new { text = "Lager antwoord", replyTo = raisedCode, classification = "Ongerubriceerd" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var highReply = await bob.PostAsJsonAsync("/api/scenarios/S-CMT/comments", new { text = "Antwoord", replyTo = raisedCode });
        (await highReply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("classification").GetString().ShouldBe(nameof(ClassificationLevel.StaatsgeheimGeheim));

        // Nobody sees a comment above their clearance, counts included; a scenario above it is not there.
        var lowList = await low.GetFromJsonAsync<List<JsonElement>>("/api/scenarios/S-CMT/comments");
        lowList!.Count.ShouldBe(3);
        (await low.GetStringAsync("/api/scenarios/S-CMT/comments")).ShouldNotContain("RAISEDMARK");
        (await low.GetAsync($"/api/register/comment/{raisedCode}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await low.GetAsync("/api/scenarios/S-GEHEIM/comments")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await low.GetStringAsync("/api/register/comment?pageSize=100")).ShouldContain("\"total\":3");

        // Only the author changes or removes a comment; a refusal writes nothing, and a change keeps the earlier version.
        var before = await DatabaseSnapshot.TakeAsync(app.Database);
        (await bob.PutAsJsonAsync($"/api/comments/{firstCode}", new { text = "Overschreven" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await bob.DeleteAsync($"/api/comments/{firstCode}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await council.PostAsJsonAsync("/api/scenarios/S-CMT/comments", new { text = "Raad" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await DatabaseSnapshot.TakeAsync(app.Database)).ShouldBe(before);
        var edited = await ana.PutAsJsonAsync($"/api/comments/{firstCode}", new { text = "Kans iets te hoog", version = 1 });
        edited.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32().ShouldBe(2);
        var history = await ana.GetStringAsync($"/api/register/comment/{firstCode}/history");
        history.ShouldContain("strong"); // the first version, kept
        history.ShouldContain("Kans iets te hoog");
        (await ana.DeleteAsync($"/api/comments/{firstCode}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        // The reply stays and now starts its own thread.
        var afterDelete = await ana.GetFromJsonAsync<List<JsonElement>>("/api/scenarios/S-CMT/comments");
        afterDelete!.Single(c => c.GetProperty("code").GetString() == "S-CMT.bob.2").GetProperty("depth").GetInt32().ShouldBe(0);
        // The register shows comments but does not write them: only these use cases do.
        (await ana.PostAsJsonAsync("/api/register/comment", new { code = "C-X", scenario = "S-CMT", body = "x" })).IsSuccessStatusCode.ShouldBeFalse();
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InTheBlindRound_AnotherAnalystsComments_AreHiddenLikeTheirScores_UntilTheReaderSubmits(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        var rows = File.ReadAllLines(SharedData.File("examples/assessments-example.csv")).Select((l, i) => new AssessmentRawRow(i + 1, l.Split(','))).ToList();
        await using (var db = app.Database.Context(FixedUser.System))
            (await new ImportAssessmentTable(db, FixedUser.System, new LoadAnalysisCatalogue(db)).HandleAsync(rows)).IsOk.ShouldBeTrue();
        var coordinator = await app.ClientForAsync("coord", ClassificationLevel.StaatsgeheimGeheim, roles: "Coordinator");
        var wodc = await app.ClientForAsync("analyst-wodc", ClassificationLevel.StaatsgeheimGeheim, roles: "Analyst");
        var aivd = await app.ClientForAsync("analyst-aivd", ClassificationLevel.StaatsgeheimGeheim, roles: "Analyst");
        (await coordinator.PostAsJsonAsync("/api/cycles", new { code = "NRB-2027", title = "NRB 2027", scenarios = "E-DROUGHT", due = "2027-03-01" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var posted = await wodc.PostAsJsonAsync("/api/scenarios/E-DROUGHT/comments", new { text = "Ik gaf klasse C: BLINDCOMMENT", criterion = "1.1" });
        posted.StatusCode.ShouldBe(HttpStatusCode.Created);
        var code = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        (await wodc.PostAsJsonAsync("/api/scenarios/E-ZOONOSE/comments", new { text = "OPENCOMMENT" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        // Not there for analyst-aivd, on every path: the thread, its count, the register, the history, a reply to it, the page.
        (await aivd.GetFromJsonAsync<List<JsonElement>>("/api/scenarios/E-DROUGHT/comments"))!.ShouldBeEmpty();
        (await aivd.GetStringAsync("/api/register/comment?pageSize=100")).ShouldContain("\"total\":1");
        (await aivd.GetStringAsync("/api/register/comment/export?format=csv")).ShouldNotContain("BLINDCOMMENT");
        (await aivd.GetAsync($"/api/register/comment/{code}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await aivd.GetAsync($"/api/register/comment/{code}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var reply = await aivd.PostAsJsonAsync("/api/scenarios/E-DROUGHT/comments", new { text = "x", replyTo = code });
        reply.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var web = await app.SignedInClientAsync("analyst-iss", ClassificationLevel.StaatsgeheimGeheim, roles: "Analyst");
        var page = await web.GetStringAsync("/register/scenario/E-DROUGHT");
        page.ShouldNotContain("BLINDCOMMENT");
        page.ShouldContain("Opmerkingen (0)");
        (await web.GetStringAsync("/register/scenario/E-ZOONOSE")).ShouldContain("OPENCOMMENT");
        // The author and a coordinator see it all along.
        (await wodc.GetStringAsync("/api/scenarios/E-DROUGHT/comments")).ShouldContain("BLINDCOMMENT");
        (await coordinator.GetStringAsync("/api/scenarios/E-DROUGHT/comments")).ShouldContain("BLINDCOMMENT");
        (await coordinator.GetStringAsync($"/api/register/comment/{code}/history")).ShouldContain("BLINDCOMMENT");

        // Once analyst-aivd has submitted their own assessment, the comment is there.
        (await aivd.PostAsync("/api/assessments/E-DROUGHT/analyst-aivd/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await aivd.GetStringAsync("/api/scenarios/E-DROUGHT/comments")).ShouldContain("BLINDCOMMENT");
        (await aivd.GetAsync($"/api/register/comment/{code}/history")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await aivd.PostAsJsonAsync("/api/scenarios/E-DROUGHT/comments", new { text = "Ik niet", replyTo = code })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheCommentForm_AddsAndAnswers_WithAntiforgery_AndRefusesAReadOnlyRole(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        await SeedAsync(app);
        var web = await app.SignedInClientAsync("ana-web", ClassificationLevel.StaatsgeheimGeheim, roles: "Analyst");
        var token = await RunningApp.AntiforgeryAsync(web, "/register/scenario/S-CMT");
        token.ShouldNotBeNullOrEmpty();
        var add = await web.PostAsync("/register/scenario/S-CMT", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "comment-add", ["__RequestVerificationToken"] = token, ["text"] = "Via het formulier FORMMARK", ["criterion"] = "1.1", ["classification"] = "",
        }));
        ((int)add.StatusCode).ShouldBeLessThan(400);
        var page = await web.GetStringAsync("/register/scenario/S-CMT");
        page.ShouldContain("FORMMARK");
        var reply = await web.PostAsync("/register/scenario/S-CMT", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "comment-reply-S-CMT.ana-web.1", ["__RequestVerificationToken"] = token, ["text"] = "Antwoord REPLYMARK",
        }));
        ((int)reply.StatusCode).ShouldBeLessThan(400);
        await using (var db = app.Database.Context(FixedUser.System))
            (await db.Comments.SingleAsync(c => c.Body.Contains("REPLYMARK"))).ReplyTo.ShouldBe("S-CMT.ana-web.1");
        // Bad input is said on the page, naming the field.
        var bad = await web.PostAsync("/register/scenario/S-CMT", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "comment-add", ["__RequestVerificationToken"] = token, ["text"] = "x", ["classification"] = "9",
        }));
        (await bad.Content.ReadAsStringAsync()).ShouldContain("classification");

        // A council member reads the discussion but has no form, and a post is refused without writing.
        var member = await app.SignedInClientAsync("raad-web", ClassificationLevel.StaatsgeheimGeheim, roles: "CouncilMember");
        var memberPage = await member.GetStringAsync("/register/scenario/S-CMT");
        memberPage.ShouldContain("FORMMARK");
        memberPage.ShouldNotContain("Opmerking plaatsen");
        var before = await DatabaseSnapshot.TakeAsync(app.Database);
        await member.PostAsync("/register/scenario/S-CMT", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "comment-add", ["__RequestVerificationToken"] = await RunningApp.AntiforgeryAsync(member, "/register/scenario/S-CMT"), ["text"] = "Raad",
        }));
        (await DatabaseSnapshot.TakeAsync(app.Database)).ShouldBe(before);
    }
}
