using Baken.Application.Common;
using Baken.Application.Permissions;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Baken.Domain.Workflow;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Cli.Tests;

/// <summary>
/// The permission sweep of the command line (issue 13): every write command × every role, as the owner and as another
/// organisation or analyst, on both databases. Each answer must be what <see cref="PermissionMatrix"/> says; a refusal exits 5
/// and leaves every record, the history, the accounts and the tokens exactly as they were (<see cref="DatabaseSnapshot"/>).
/// </summary>
public sealed class PermissionSweepCommandsTests
{
    private const string Own = "JenV", Other = "BZ", Password = "Bk-Passw0rd!2026";

    private static string UserFor(string role) => "u-" + role.ToLowerInvariant();

    private static string Tag(string role) => role.ToUpperInvariant();

    /// <summary>One write command: what it does, the arguments, and whether the matrix lets this user do it.</summary>
    private sealed record Case(string What, string[] Args, Func<ICurrentUser, bool> Allowed);

    private static bool May(ICurrentUser me, string subject, PermissionAction action, RecordOwner? owner = null) =>
        Permission.Refusal(me, subject, action, owner ?? RecordOwner.None) is null;

    private static IEnumerable<Case> Cases(string role, string folder)
    {
        var t = Tag(role);
        var me = UserFor(role);
        var riskCsv = Path.Combine(folder, $"risks-{t}.csv");
        File.WriteAllText(riskCsv, $"code,title,kind\nR-IMP-{t},Risico uit bestand,hazard\n");
        var assessmentCsv = Path.Combine(folder, $"assessments-{t}.csv");
        File.WriteAllText(assessmentCsv, AssessmentHeader + "\n" +
            $"E-DROUGHT,Langdurige droogte,Klimaat en natuurrampen,hazard,{me},{Own},Ongerubriceerd,5,D,,,,C,A,X,D,C,C,B,B,A,D\n");
        var paper = Path.Combine(folder, $"paper-{t}.txt");
        File.WriteAllText(paper, "Notitie voor de raad");
        var stix = Path.Combine(folder, $"stix-{t}.json");
        var id = $"identity--{Guid.NewGuid()}";
        File.WriteAllText(stix, $$"""
            {"type":"bundle","id":"bundle--{{Guid.NewGuid()}}","objects":[{"type":"identity","spec_version":"2.1","id":"{{id}}",
             "created":"2026-01-01T00:00:00.000Z","modified":"2026-01-01T00:00:00.000Z","name":"Sweep {{t}}","identity_class":"organization"}]}
            """);

        // The catalogue (Coordinator).
        yield return new("adds a risk", ["risk", "add", $"R-NEW-{t}", "--title", "Risico", "--kind", "hazard"], u => May(u, PermissionMatrix.Catalogue, PermissionAction.Create));
        yield return new("edits a risk", ["risk", "edit", "R-EDIT", "--provenance", $"sweep {t}"], u => May(u, PermissionMatrix.Catalogue, PermissionAction.Edit));
        yield return new("deletes a risk", ["risk", "delete", $"R-DEL-{t}"], u => May(u, PermissionMatrix.Catalogue, PermissionAction.Delete));
        yield return new("imports risks", ["import", riskCsv, "--kind", "risk"], u => May(u, PermissionMatrix.Catalogue, PermissionAction.Import));
        // Strategy: own organisation and another's (PolicyOwner of JenV; Coordinator any).
        foreach (var (org, side) in new[] { (Own, "OWN"), (Other, "OTHER") })
        {
            var owner = new RecordOwner(org, null);
            yield return new($"adds a measure ({side})", ["measure", "add", $"M-NEW-{t}-{side}", "--title", "Maatregel", "--owner", org], u => May(u, PermissionMatrix.Strategy, PermissionAction.Create, owner));
            yield return new($"edits a measure ({side})", ["measure", "edit", $"M-EDIT-{org}", "--provenance", $"sweep {t}"], u => May(u, PermissionMatrix.Strategy, PermissionAction.Edit, owner));
            yield return new($"deletes a measure ({side})", ["measure", "delete", $"M-DEL-{org}-{t}"], u => May(u, PermissionMatrix.Strategy, PermissionAction.Delete, owner));
            yield return new($"adds a goal ({side})", ["goal", "add", $"G-NEW-{t}-{side}", "--title", "Doel", "--edition", "Sweep", "--number", "1", "--pillar", "voorkomen", "--owner", org],
                u => May(u, PermissionMatrix.Strategy, PermissionAction.Create, owner));
        }
        // Assessments: one's own and another analyst's (Analyst own; Coordinator any).
        foreach (var (analyst, side) in new[] { (me, "OWN"), ("iemand-anders", "OTHER") })
        {
            var owner = new RecordOwner(Own, analyst);
            yield return new($"adds an assessment ({side})", ["assessment", "add", $"A-NEW-{t}-{side}", "--scenario", "S-SW", "--analyst", analyst, "--organisation", Own, "--scores", "1.1=C"],
                u => May(u, PermissionMatrix.Assessments, PermissionAction.Create, owner));
            yield return new($"edits an assessment ({side})", ["assessment", "edit", $"A-EDIT-{t}-{side}", "--provenance", "sweep"], u => May(u, PermissionMatrix.Assessments, PermissionAction.Edit, owner));
            yield return new($"deletes an assessment ({side})", ["assessment", "delete", $"A-DEL-{t}-{side}"], u => May(u, PermissionMatrix.Assessments, PermissionAction.Delete, owner));
        }
        yield return new("imports their own assessment", ["assessments", "import", assessmentCsv],
            u => May(u, PermissionMatrix.Assessments, PermissionAction.Import, new RecordOwner(Own, me)));
        // Comments (issue 15): analysts and coordinators comment; only the author changes or removes their own.
        yield return new("comments on a scenario", ["comments", "add", "S-SW", "--text", $"Opmerking {t}", "--criterion", "1.1"],
            u => May(u, PermissionMatrix.Comments, PermissionAction.Create, new RecordOwner(null, me)));
        foreach (var (author, side) in new[] { (me, "OWN"), ("iemand-anders", "OTHER") })
        {
            var owner = new RecordOwner(null, author);
            yield return new($"edits a comment ({side})", ["comments", "edit", $"CM-EDIT-{t}-{side}", "--text", "Gewijzigd"], u => May(u, PermissionMatrix.Comments, PermissionAction.Edit, owner));
            yield return new($"deletes a comment ({side})", ["comments", "delete", $"CM-DEL-{t}-{side}"], u => May(u, PermissionMatrix.Comments, PermissionAction.Delete, owner));
        }
        // Councils (Secretariat creates; Coordinator corrects).
        yield return new("adds a council", ["council", "add", $"C-NEW-{t}", "--name", "Raad"], u => May(u, PermissionMatrix.Councils, PermissionAction.Create));
        yield return new("edits a meeting", ["meeting", "edit", "MT-SW", "--provenance", $"sweep {t}"], u => May(u, PermissionMatrix.Councils, PermissionAction.Edit));
        yield return new("adds a decision", ["decision", "add", $"D-NEW-{t}", "--agenda-item", "AI-SW", "--title", "Besloten"], u => May(u, PermissionMatrix.Councils, PermissionAction.Create));
        yield return new("uploads a paper", ["council", "upload", "--item", "AI-SW", "--file", paper], u => May(u, PermissionMatrix.Councils, PermissionAction.Create));
        // Signals and intelligence (Coordinator, Analyst).
        yield return new("adds a trend", ["trend", "add", $"TR-NEW-{t}", "--name", "Trend"], u => May(u, PermissionMatrix.Signals, PermissionAction.Create));
        yield return new("rejects a signal", ["signals", "reject", $"SIG-{t}"], u => May(u, PermissionMatrix.Signals, PermissionAction.Edit));
        yield return new("imports a STIX bundle", ["stix", "import", stix], u => May(u, PermissionMatrix.Intelligence, PermissionAction.Import));
        yield return new("adds a feed", ["feed", "add", $"F-NEW-{t}", "--title", "Feed", "--url", "https://example.org/rss.xml"], u => May(u, PermissionMatrix.Feeds, PermissionAction.Create));
        // Workflow: a cycle is the coordinator's (the workflow cell's reason; an analyst's part is reviews and their own submissions).
        // On a scenario of its own: a cycle's blind first round would hide the other analysts' assessments of S-SW (its own sweep).
        yield return new("opens a cycle", ["cycle", "open", $"CY-{t}", "--title", "Ronde", "--scenarios", "S-CY", "--due", "2027-06-01"], u => u.IsInRole(Roles.Coordinator));
        // Releases (Coordinator: release records belong to the analysis-runs subject).
        yield return new("releases the progress report", ["release", "progress", "--audience", "internal", "--format", "html"], u => May(u, PermissionMatrix.AnalysisRuns, PermissionAction.Release));
        // Accounts and tokens (Administrator within reach; everyone their own token).
        yield return new("adds an account", ["user", "add", $"n-{role.ToLowerInvariant()}", "--clearance", "Dep.V", "--roles", "Analyst", "--password", Password],
            u => Permission.MayAtAll(u, PermissionMatrix.Accounts, PermissionAction.Create)); // "mens" and the new Dep.V account are within every administrator's reach
        yield return new("resets another's password", ["user", "reset-password", "mens"], u => Permission.MayAtAll(u, PermissionMatrix.Accounts, PermissionAction.Edit));
        yield return new("mints their own token", ["user", "token", me], _ => true);
        yield return new("mints a service account's token", ["user", "token", "svc"], u => u.IsInRole(Roles.Administrator));
        yield return new("mints a person's token", ["user", "token", "mens"], _ => false);
    }

    private const string AssessmentHeader = "scenario_id,scenario_title,theme,kind,analyst,organisation,classification,horizon_years,likelihood,intent,capability,vulnerability,1.1,1.2,2.1,2.2,2.3,3.1,4.1,5.1,5.2,5.3";

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryWriteCommand_AnswersAsTheMatrixSays_AndARefusalExits5AndWritesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var folder = Directory.CreateTempSubdirectory("baken-sweep-").FullName;
        try
        {
            await SeedAsync(database, folder);
            var failures = new List<string>();
            foreach (var role in Roles.All)
            {
                var me = new FixedUser(UserFor(role), ClassificationLevel.StaatsgeheimGeheim, 0, [role], Own);
                foreach (var c in Cases(role, folder))
                {
                    var what = $"{role} {c.What}: baken {string.Join(' ', c.Args)}";
                    var allowed = c.Allowed(me);
                    var before = allowed ? null : await DatabaseSnapshot.TakeAsync(database);
                    var run = await CliRun.Baken(database, [.. c.Args, "--user", me.UserName]);
                    if (allowed)
                    {
                        if (run.ExitCode != 0) failures.Add($"{what}: allowed by the matrix, exited {run.ExitCode}: {run.Err.Trim()}");
                        continue;
                    }
                    if (run.ExitCode != 5) failures.Add($"{what}: refused by the matrix, exited {run.ExitCode} (want 5): {run.Err.Trim()}");
                    else if (await DatabaseSnapshot.TakeAsync(database) != before) failures.Add($"{what}: refused, yet the database changed");
                }
            }
            failures.ShouldBeEmpty(string.Join("\n", failures));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    private static async Task SeedAsync(TestDatabase database, string folder)
    {
        async Task Admin(params string[] args)
        {
            var run = await CliRun.Baken(database, args);
            if (run.ExitCode != 0) throw new InvalidOperationException($"baken {string.Join(' ', args)}: {run.Err}");
        }
        foreach (var role in Roles.All)
            await Admin("user", "add", UserFor(role), "--clearance", "Stg.G", "--roles", role, "--organisation", Own, "--password", Password);
        await Admin("user", "add", "mens", "--clearance", "Dep.V", "--roles", "Analyst", "--password", Password);
        await Admin("user", "add", "svc", "--clearance", "Dep.V", "--roles", "Analyst", "--service");
        await Admin("risk", "add", "R-EDIT", "--title", "Te wijzigen", "--kind", "hazard");
        await Admin("scenario", "add", "S-SW", "--title", "Overstroming", "--kind", "hazard");
        await Admin("scenario", "add", "S-CY", "--title", "Droogte", "--kind", "hazard");
        foreach (var org in new[] { Own, Other }) await Admin("measure", "add", $"M-EDIT-{org}", "--title", "Maatregel", "--owner", org);
        await Admin("council", "add", "C-SW", "--name", "Veiligheidsraad");
        await Admin("meeting", "add", "MT-SW", "--council", "C-SW", "--title", "Vergadering", "--date", "2026-12-01");
        await Admin("agenda-item", "add", "AI-SW", "--council", "C-SW", "--meeting", "MT-SW", "--title", "Agendapunt");
        var csv = Path.Combine(folder, "seed-assessment.csv");
        await File.WriteAllTextAsync(csv, AssessmentHeader + "\nE-DROUGHT,Langdurige droogte,Klimaat en natuurrampen,hazard,admin,WODC,Ongerubriceerd,5,D,,,,C,A,X,D,C,C,B,B,A,D\n");
        await Admin("assessments", "import", csv);
        foreach (var role in Roles.All)
        {
            var t = Tag(role);
            await Admin("risk", "add", $"R-DEL-{t}", "--title", "Te verwijderen", "--kind", "hazard");
            foreach (var org in new[] { Own, Other }) await Admin("measure", "add", $"M-DEL-{org}-{t}", "--title", "Maatregel", "--owner", org);
            foreach (var (analyst, side) in new[] { (UserFor(role), "OWN"), ("iemand-anders", "OTHER") })
                foreach (var what in new[] { "EDIT", "DEL" })
                    await Admin("assessment", "add", $"A-{what}-{t}-{side}", "--scenario", "S-SW", "--analyst", analyst, "--organisation", Own, "--scores", "1.1=C");
            await Admin("signal", "add", $"SIG-{t}", "--title", "Signaal", "--date", "2026-11-30");
        }
        // Comments by each sweep user and by someone else, to edit and delete (written directly: not every role may comment).
        await using var db = database.Context(FixedUser.System);
        foreach (var role in Roles.All)
            foreach (var (author, side) in new[] { (UserFor(role), "OWN"), ("iemand-anders", "OTHER") })
                foreach (var what in new[] { "EDIT", "DEL" })
                {
                    var comment = new Comment { ScenarioCode = "S-SW", Body = "Opmerking", Author = author };
                    comment.Recode($"CM-{what}-{Tag(role)}-{side}");
                    db.AddRecord(comment);
                }
        await db.SaveChangesAsync();
    }
}
