using System.Text;
using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Catalogue;
using Baken.Application.Comments;
using Baken.Application.Common;
using Baken.Application.Permissions;
using Baken.Application.Register;
using Baken.Application.Users;
using Baken.Application.Workflow;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Baken.Infrastructure.Assessments;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Web.Tests.Api;

/// <summary>
/// The permission sweep of the web's forms (issue 13): every cookie-authenticated form post of the workbench (record
/// create and edit, the assessment form and its import upload, councils, decisions, papers, feeds, signal review, cycles,
/// the catalogue's weight profiles, comments and their replies, accounts, tokens) × every role, as the owner and as another organisation, on both
/// databases. A post the matrix allows writes; one it refuses leaves every record, the history, the accounts and the tokens
/// exactly as they were (<see cref="DatabaseSnapshot"/>), whether the page refused it or the use case did.
/// </summary>
/// <remarks>
/// Forms found by grepping the pages for <c>method="post"</c> and <c>@formname</c>. Not swept here, with the reason: the
/// analysis run start and its cancel (a background job; the run is stored by <c>RunIntegratedAnalysis</c>, which asks the
/// matrix, covered by the API sweep), the demo load (an empty register only; LoadDemo refuses all but administrators, its
/// own test), stacked-threat promotion and alert actions (they call SaveRecord/ImportRecords/LikelihoodReviews, the same
/// checks as the record forms and the CLI sweep), and the inbox and cycle status buttons (ChangeAssessmentStatus and
/// LikelihoodReviews, covered by the workflow tests). Sign-in, sign-out and password change act on oneself only.
/// </remarks>
public sealed class FormPermissionSweepTests
{
    private const string Own = "JenV", Other = "BZ";

    private static string UserFor(string role) => "w-" + role.ToLowerInvariant();

    private static string Tag(string role) => role.ToUpperInvariant();

    private sealed record FormPost(string What, string Path, string Handler, Dictionary<string, string> Fields, Func<ICurrentUser, bool> Allowed,
        (string Name, string FileName, byte[] Content)? Upload = null);

    private static bool May(ICurrentUser me, string subject, PermissionAction action, RecordOwner? owner = null) =>
        Permission.Refusal(me, subject, action, owner ?? RecordOwner.None) is null;

    private const string AssessmentHeader = "scenario_id,scenario_title,theme,kind,analyst,organisation,classification,horizon_years,likelihood,intent,capability,vulnerability,1.1,1.2,2.1,2.2,2.3,3.1,4.1,5.1,5.2,5.3";

    private static IEnumerable<FormPost> Posts(string role, IReadOnlyList<string> criteria, string profile)
    {
        var t = Tag(role);
        var me = UserFor(role);
        yield return new("creates a risk", "/register/risk/new", "record-edit", new() { ["code"] = $"R-WEB-{t}", ["title"] = "Risico", ["kind"] = "hazard" },
            u => May(u, PermissionMatrix.Catalogue, PermissionAction.Create));
        yield return new("edits a risk", "/register/risk/R-EDIT/edit", "record-edit", new() { ["provenance"] = $"web {t}" },
            u => May(u, PermissionMatrix.Catalogue, PermissionAction.Edit));
        foreach (var (org, side) in new[] { (Own, "OWN"), (Other, "OTHER") })
        {
            var owner = new RecordOwner(org, null);
            yield return new($"creates a measure ({side})", "/register/measure/new", "record-edit", new() { ["code"] = $"M-WEB-{t}-{side}", ["title"] = "Maatregel", ["owner"] = org },
                u => May(u, PermissionMatrix.Strategy, PermissionAction.Create, owner));
            yield return new($"edits a measure ({side})", $"/register/measure/M-EDIT-{org}/edit", "record-edit", new() { ["provenance"] = $"web {t}" },
                u => May(u, PermissionMatrix.Strategy, PermissionAction.Edit, owner));
            yield return new($"creates a goal ({side})", "/register/goal/new", "record-edit", new() { ["code"] = $"G-WEB-{t}-{side}", ["title"] = "Doel", ["edition"] = "Sweep", ["owner"] = org },
                u => May(u, PermissionMatrix.Strategy, PermissionAction.Create, owner));
        }
        var scores = criteria.ToDictionary(c => "c." + c, _ => "B");
        yield return new("scores a scenario in the assessment form (own)", "/register/scenario/S-SW/assess", "assess",
            new(scores) { ["organisation"] = Own, ["likelihood"] = "C", ["classification"] = "Ongerubriceerd" },
            u => May(u, PermissionMatrix.Assessments, PermissionAction.Create, new RecordOwner(Own, me)));
        yield return new("uploads an assessment file (own row)", "/assessments/import", "import-assessments", [],
            u => May(u, PermissionMatrix.Assessments, PermissionAction.Import, new RecordOwner(Own, me)),
            ("file", "assessments.csv", Encoding.UTF8.GetBytes(AssessmentHeader + "\n" +
                $"E-DROUGHT,Langdurige droogte,Klimaat en natuurrampen,hazard,{me},{Own},Ongerubriceerd,5,D,,,,C,A,X,D,C,C,B,B,A,D\n")));
        yield return new("creates a council", "/register/council/new", "record-edit", new() { ["code"] = $"C-WEB-{t}", ["name"] = "Raad" },
            u => May(u, PermissionMatrix.Councils, PermissionAction.Create));
        yield return new("edits a meeting", "/register/meeting/MT-SW/edit", "record-edit", new() { ["provenance"] = $"web {t}" },
            u => May(u, PermissionMatrix.Councils, PermissionAction.Edit));
        yield return new("records a decision", "/register/decision/new", "record-edit", new() { ["code"] = $"D-WEB-{t}", ["agenda_item"] = "AI-SW", ["title"] = "Besloten" },
            u => May(u, PermissionMatrix.Councils, PermissionAction.Create));
        yield return new("uploads a paper", "/councils/meetings/MT-SW", "paper-AI-SW", new() { ["title"] = $"Notitie {t}" },
            u => May(u, PermissionMatrix.Councils, PermissionAction.Create), ("file", "notitie.txt", "Notitie voor de raad"u8.ToArray()));
        yield return new("creates a trend", "/register/trend/new", "record-edit", new() { ["code"] = $"TR-WEB-{t}", ["name"] = "Trend" },
            u => May(u, PermissionMatrix.Signals, PermissionAction.Create));
        yield return new("rejects a signal in the review queue", "/signals", $"review-SIG-{t}", new() { ["decision"] = "reject" },
            u => May(u, PermissionMatrix.Signals, PermissionAction.Edit));
        yield return new("adds a feed", "/register/feed/new", "record-edit", new() { ["code"] = $"F-WEB-{t}", ["title"] = "Feed", ["url"] = "https://example.org/rss.xml" },
            u => May(u, PermissionMatrix.Feeds, PermissionAction.Create));
        yield return new("opens a cycle", "/cycles", "open-cycle", new() { ["code"] = $"CY-WEB-{t}", ["title"] = "Ronde", ["scenarios"] = "S-SW", ["due"] = "2027-06-01" },
            u => u.IsInRole(Roles.Coordinator));
        yield return new("assigns a cycle's scenario", "/cycles/CY-SW", "assign", new() { ["scenario"] = "S-SW", ["analysts"] = "mens" },
            u => u.IsInRole(Roles.Coordinator));
        yield return new("comments on a scenario", "/register/scenario/S-CM", "comment-add", new() { ["text"] = $"Opmerking {t}", ["criterion"] = "" },
            u => May(u, PermissionMatrix.Comments, PermissionAction.Create, new RecordOwner(null, me)));
        yield return new("answers a comment", "/register/scenario/S-CM", "comment-reply-S-CM.mens.1", new() { ["text"] = $"Antwoord {t}" },
            u => May(u, PermissionMatrix.Comments, PermissionAction.Create, new RecordOwner(null, me)));
        yield return new("makes a weight profile the default", "/admin/catalogue", $"default-{profile}", [],
            u => May(u, PermissionMatrix.Catalogue, PermissionAction.Edit));
        yield return new("adds an account", "/admin/users", "add-user", new() { ["userName"] = $"n-{role.ToLowerInvariant()}", ["clearance"] = "Dep.V", ["roles"] = "Analyst" },
            u => Permission.MayAtAll(u, PermissionMatrix.Accounts, PermissionAction.Create));
        yield return new("changes an account's roles", "/admin/users/mens", "change-access", new() { ["clearance"] = "Dep.V", ["compartments"] = "", ["roles"] = $"Analyst;CouncilMember" },
            u => Permission.MayAtAll(u, PermissionMatrix.Accounts, PermissionAction.Edit));
        yield return new("resets an account's password", "/admin/users/mens", "reset-password", [],
            u => Permission.MayAtAll(u, PermissionMatrix.Accounts, PermissionAction.Edit));
        yield return new("mints their own token", "/account/tokens", "create-token", new() { ["name"] = "web", ["scopes"] = "read", ["days"] = "30" }, _ => true);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryFormPost_AnswersAsTheMatrixSays_AndARefusalWritesNothing(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        var (criteria, profile) = await SeedAsync(app.Database);
        var failures = new List<string>();
        foreach (var role in Roles.All)
        {
            var client = await app.SignedInClientAsync(UserFor(role), ClassificationLevel.StaatsgeheimGeheim, role, Own);
            var token = await RunningApp.AntiforgeryAsync(client, "/account/tokens");
            token.ShouldNotBeNullOrEmpty(role);
            var me = new FixedUser(UserFor(role), ClassificationLevel.StaatsgeheimGeheim, 0, [role], Own);
            foreach (var post in Posts(role, criteria, profile))
            {
                var what = $"{role} {post.What} (POST {post.Path} {post.Handler})";
                var allowed = post.Allowed(me);
                var before = await DatabaseSnapshot.TakeAsync(app.Database);
                var response = await client.PostAsync(post.Path, Form(post, token));
                var after = await DatabaseSnapshot.TakeAsync(app.Database);
                if ((int)response.StatusCode >= 500) failures.Add($"{what}: answered {(int)response.StatusCode}");
                else if (allowed && after == before) failures.Add($"{what}: allowed by the matrix, yet nothing was written ({(int)response.StatusCode})");
                else if (!allowed && after != before) failures.Add($"{what}: refused by the matrix, yet the database changed ({(int)response.StatusCode})");
            }
        }
        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    private static HttpContent Form(FormPost post, string token)
    {
        var fields = new Dictionary<string, string>(post.Fields) { ["_handler"] = post.Handler, ["__RequestVerificationToken"] = token };
        if (post.Upload is not { } upload) return new FormUrlEncodedContent(fields);
        var multipart = new MultipartFormDataContent();
        foreach (var (k, v) in fields) multipart.Add(new StringContent(v), k);
        multipart.Add(new ByteArrayContent(upload.Content) { Headers = { ContentType = new("text/csv") } }, upload.Name, upload.FileName);
        return multipart;
    }

    private static async Task<(IReadOnlyList<string> Criteria, string Profile)> SeedAsync(TestDatabase database)
    {
        await using var db = database.Context(FixedUser.System);
        var save = new SaveRecord(db, FixedUser.System);
        async Task Add(string kind, string code, Dictionary<string, string?> values)
        {
            var r = await save.HandleAsync(new SaveRecordRequest(kind, code, values, SaveMode.Create));
            if (!r.IsOk) throw new InvalidOperationException($"{kind} {code}: " + string.Join("; ", r.Errors) + r.Message);
        }
        foreach (var org in new[] { Own, Other })
            if (!await db.Organisations.AnyAsync(o => o.Code == org)) await Add("organisation", org, new() { ["name"] = org });
        (await new AddUser(db, FixedUser.System, TimeProvider.System).HandleAsync(
            new AddUserRequest("mens", "Dep.V", null, Roles.Analyst, RunningApp.BrowserPassword))).IsOk.ShouldBeTrue();
        await Add("risk", "R-EDIT", new() { ["title"] = "Te wijzigen", ["kind"] = "hazard" });
        await Add("scenario", "S-SW", new() { ["title"] = "Overstroming", ["kind"] = "hazard" });
        foreach (var org in new[] { Own, Other }) await Add("measure", $"M-EDIT-{org}", new() { ["title"] = "Maatregel", ["owner"] = org });
        await Add("council", "C-SW", new() { ["name"] = "Veiligheidsraad" });
        await Add("meeting", "MT-SW", new() { ["council"] = "C-SW", ["title"] = "Vergadering", ["date"] = "2026-12-01" });
        await Add("agenda-item", "AI-SW", new() { ["council"] = "C-SW", ["meeting"] = "MT-SW", ["title"] = "Agendapunt" });
        foreach (var role in Roles.All) await Add("signal", $"SIG-{Tag(role)}", new() { ["title"] = "Signaal", ["date"] = "2026-11-30" });
        // A scenario outside the cycle's blind round, with someone else's comment to answer.
        await Add("scenario", "S-CM", new() { ["title"] = "Droogte", ["kind"] = "hazard" });
        var mens = new FixedUser("mens", ClassificationLevel.DepartementaalVertrouwelijk, 0, [Roles.Analyst]);
        await using (var asMens = database.Context(mens))
            (await new AddComment(asMens, mens).HandleAsync(new("S-CM", "Eerste opmerking"))).IsOk.ShouldBeTrue();
        (await new OpenCycle(db, FixedUser.System).HandleAsync(new OpenCycleRequest("CY-SW", "Ronde", ["S-SW"], new DateOnly(2027, 6, 1)))).IsOk.ShouldBeTrue();
        // The scenario the assessment files name, as the coordinator's import leaves it.
        var file = Path.Combine(Path.GetTempPath(), $"baken-seed-{Guid.NewGuid():N}.csv");
        try
        {
            await File.WriteAllTextAsync(file, AssessmentHeader + "\nE-DROUGHT,Langdurige droogte,Klimaat en natuurrampen,hazard,admin,WODC,Ongerubriceerd,5,D,,,,C,A,X,D,C,C,B,B,A,D\n");
            var rows = AssessmentFileReader.ReadRows(file, out var error);
            error.ShouldBeNull();
            var imported = await new ImportAssessmentTable(db, FixedUser.System, new LoadAnalysisCatalogue(db)).HandleAsync(rows);
            imported.IsOk.ShouldBeTrue(imported.Message + string.Join("; ", imported.Errors));
        }
        finally { File.Delete(file); }
        var criteria = await db.Criteria.AsNoTracking().Select(c => c.Code).ToListAsync();
        var profiles = (await new CatalogueProfiles(db, FixedUser.System, save).ListAsync()).Value!;
        return (criteria, profiles.First(p => !p.IsDefault).Code);
    }
}
