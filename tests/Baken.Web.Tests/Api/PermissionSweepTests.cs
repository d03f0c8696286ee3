// Issue 13 ("who may do what"): each finding of the review and the test that keeps it fixed.
//
// Accounts and tokens
//   Stg.G administrator minted a token for admin (Stg.ZG) ...... Cli PermissionCommandsTests.AnAdministrator_ReachesOnlyAccountsWithinTheirClearanceAndCompartments;
//                                                                Application ManageUsersTests.AnAdministrator_CannotReachAboveThemselves_NorDropTheirOwnRole
//   reset-password / unlock ignore compartments ................. the same two tests (reset, edit, token on accounts out of reach exit 5 / Forbidden)
//   a one-day token minted a token that never expires ........... Web TokenTests.ATokenAuthenticatedRequest_CannotMintAToken; Cli PermissionCommandsTests (366 days, --days 367 exits 2)
// Writes by the wrong role or owner
//   Public role PUT/POST/DELETE on the register, created feeds ... Web PermissionSweepTests (API), FormPermissionSweepTests (web forms), Cli PermissionSweepCommandsTests (CLI)
//   RIVM analyst imported a row for ana-ncsc ..................... Cli PermissionCommandsTests.AnAssessmentImport_TouchingAnotherAnalystsRows_IsRefusedWhole_NamingEachLine
//   policy officer edited an RIVM assessment ..................... Application OwnershipTests.AnAssessment_IsWrittenByItsAnalyst_OrEnteredForThemByACoordinator; the three sweeps
//   unclassified analyst changed a measure's cost, recorded a decision  OwnershipTests.APolicyOwner_WritesOnlyTheirOwnOrganisationsMeasures; the three sweeps
//   any writer declassifies; a NUC holder stripped NUC ........... OwnershipTests.Declassifying_NeedsACoordinatorOrTheOriginator_AndAReason_AndIsItsOwnHistoryEvent
//   (publishable above Ongerubriceerd) ........................... OwnershipTests.Publishable_IsRefusedAboveOngerubriceerdOrInACompartment
// References never point up
//   S-XREF with risk=R-<Stg.ZG> saved ............................ ReferenceIntegrityTests.Save_OfAReferenceThatPointsUp_IsRefusedNamingTheField_AlsoWhenTheHolderIsLowered
//   the code shows in lists and exports .......................... ReferenceIntegrityTests.AReferenceToARecordRaisedAboveTheReader_ReadsAsWithheld_InShowListFilterAndExport
//   ... on the agenda, the review queue, the gap list ............ Web WithheldReferenceSweepTests.AgendaGapListAndReviewQueue_ShowAHiddenReferenceAsWithheld_NeverItsCode
//   ... in the public report ..................................... Application ReleaseSweepTests
//   code lists held as free text (sources, interests) ............ Application CodeListReferenceTests.SourcesAndInterests_NeverPointUp_AndAHiddenOneReadsWithheld
// Existence oracles on write paths ............................... Application ExistenceOracleTests (code collisions, history 404, paper codes, signals
//                                                                  stored and flagged, STIX ids); ReferenceIntegrityTests.Save_WithAnUnknownOrHiddenCode_...
// Feeds: any URL or local path, a chunked 1.5 GB body ............ Cli SignalCommandsTests.Feeds_AreReadOverHttpFromPublicAddressesOnly_AfterRedirectsToo_AndTheSizeCapHoldsWhileStreaming;
//                                                                  adding a feed by role: the three sweeps
// Resource limits (hostile files are made inside the tests, never committed)
//   3.9 MB XLSX unpacking to 1.5 GB (server and CLI) ............. Infrastructure HostileInputTests.Xlsx_ThatUnpacksBeyond50MB_IsRefusedBeforeReading_WithinAMemoryBound,
//                                                                  Xlsx_WithTooManyEntries_IsRefused; FileLimitsTests and Web FileLimitsSettingTests (Limits:* settings)
//   1.5 million error lines ...................................... Web ProblemListCapTests (first 100 and a count)
//   IIM case files follow ../../etc/passwd ....................... Infrastructure IimCaseFileErrorTests.Run_MatrixFileOutsideTheCaseFolder_IsRefusedWithoutReadingIt
//   400 sectors × 1,000,000 steps ................................ IimCaseFileErrorTests.Run_SectorsTimesStepsAboveTheBound_IsRefusedBeforeSimulating
//   JSON duplicate keys, deep JSON ............................... HostileInputTests.RegisterJson_WithADuplicateKey_IsRefused, Json_NestedDeeperThanTheLimit_IsRefusedWithAMessage;
//                                                                  Web RequestHardeningTests.ClassifiedAnswersAndDownloads_AreNeverStored_AndApiBodiesAreBoundedWithUniqueKeys
//   a STIX name of 40 MB ......................................... HostileInputTests.Stix_NameOf40MB_IsNotImported_AndTheViolationNamesTheField
// Smaller
//   sign-out and multipart imports without antiforgery ........... Web RequestHardeningTests.CookieWrites_WithoutTheAntiforgeryToken_AreRefused_SignOutAndMultipartImportsIncluded
//   ?page=abc, ?classification=abc, budget=500m, odd returnUrl: 500  RequestHardeningTests.BadQueryValues_AnswerA400PageNamingTheParameter_AndTheDocumentedBudgetFormatWorks
//   classified responses and downloads without no-store .......... RequestHardeningTests.ClassifiedAnswersAndDownloads_AreNeverStored_AndApiBodiesAreBoundedWithUniqueKeys
//   sign-in 5 ms for unknown/locked, 100 ms for a wrong password . Application SignInTimingTests.UnknownLockedPasswordlessAndWrongPassword_TakeTheSamePath_OneVerificationEach
// The matrix as data, equal to docs/security.md .................. Application PermissionMatrixTests

using System.Net;
using System.Net.Http.Json;
using System.Text;
using Baken.Application.Common;
using Baken.Application.Permissions;
using Baken.Application.Register;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Baken.Domain.Workflow;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Web.Tests.Api;

/// <summary>
/// The permission sweep: every role, as the owner and as another organisation or analyst, tries every write route of the
/// register's API (create, edit, delete, import) on a kind of every subject, plus the papers upload, signal review, a
/// stored analysis run and comments (add, edit and delete, own and another's). Each answer must be what <see cref="PermissionMatrix"/> says, and a refusal (403) must leave every
/// record and the history exactly as they were.
/// </summary>
public sealed class PermissionSweepTests
{
    private const string Own = "JenV", Other = "BZ";

    /// <summary>A record of each subject to write: kind, the values of a new one, the owner those values give.</summary>
    private static IEnumerable<(string Kind, string Subject, bool OwnCase, Func<string, Dictionary<string, string?>> New, Func<string, RecordOwner> Owner)> Targets()
    {
        foreach (var own in new[] { true, false })
        {
            yield return ("measure", PermissionMatrix.Strategy, own, _ => new() { ["title"] = "Maatregel", ["owner"] = own ? Own : Other },
                _ => new RecordOwner(own ? Own : Other, null));
            yield return ("assessment", PermissionMatrix.Assessments, own, user => new() { ["scenario"] = "S-1", ["analyst"] = own ? user : "iemand-anders", ["organisation"] = Own, ["scores"] = "1.1=C" },
                user => new RecordOwner(Own, own ? user : "iemand-anders"));
        }
        yield return ("risk", PermissionMatrix.Catalogue, true, _ => new() { ["title"] = "Risico", ["kind"] = "hazard" }, _ => RecordOwner.None);
        yield return ("council", PermissionMatrix.Councils, true, _ => new() { ["name"] = "Raad" }, _ => RecordOwner.None);
        yield return ("trend", PermissionMatrix.Signals, true, _ => new() { ["name"] = "Trend" }, _ => RecordOwner.None);
        yield return ("feed", PermissionMatrix.Feeds, true, _ => new() { ["title"] = "Feed", ["url"] = "https://example.org/rss.xml" }, _ => RecordOwner.None);
    }

    private static string UserFor(string role) => "u-" + role.ToLowerInvariant();

    private static string Code(string kind, string role, bool own, string what) => $"{kind.ToUpperInvariant()}-{what}-{role.ToUpperInvariant()}-{(own ? "OWN" : "OTHER")}";

    private static string CommentCode(string role, bool own, string what) => $"CM-{what}-{role.ToUpperInvariant()}-{(own ? "OWN" : "OTHER")}";

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryWriteRoute_AnswersAsTheMatrixSays_AndARefusalWritesNothing(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider);
        await SeedAsync(app.Database);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Roles.All)
            clients[role] = await app.ClientForAsync(UserFor(role), ClassificationLevel.StaatsgeheimZeerGeheim, roles: role, organisation: Own);

        var failures = new List<string>();
        foreach (var role in Roles.All)
        {
            var client = clients[role];
            var me = new FixedUser(UserFor(role), ClassificationLevel.StaatsgeheimZeerGeheim, 0, [role], Own);
            foreach (var (kind, subject, own, make, owner) in Targets())
            {
                var values = make(me.UserName);
                var mayCreate = Permission.Refusal(me, subject, PermissionAction.Create, owner(me.UserName)) is null;
                var mayEdit = Permission.Refusal(me, subject, PermissionAction.Edit, owner(me.UserName)) is null;
                var mayDelete = Permission.Refusal(me, subject, PermissionAction.Delete, owner(me.UserName)) is null;
                var mayImport = mayCreate && Permission.MayAtAll(me, subject, PermissionAction.Import);

                await Expect($"{role} creates {kind} ({(own ? "own" : "other")})", mayCreate, HttpStatusCode.Created,
                    () => client.PostAsJsonAsync($"/api/register/{kind}", new { code = Code(kind, role, own, "NEW"), values }));
                await Expect($"{role} edits {kind} ({(own ? "own" : "other")})", mayEdit, HttpStatusCode.OK,
                    () => client.PutAsJsonAsync($"/api/register/{kind}/{Code(kind, role, own, "EDIT")}", new { values = new Dictionary<string, string?> { ["provenance"] = "sweep" } }));
                await Expect($"{role} deletes {kind} ({(own ? "own" : "other")})", mayDelete, HttpStatusCode.NoContent,
                    () => client.DeleteAsync($"/api/register/{kind}/{Code(kind, role, own, "DEL")}"));
                var csv = "code," + string.Join(",", values.Keys) + "\n" + Code(kind, role, own, "IMP") + "," + string.Join(",", values.Values) + "\n";
                await Expect($"{role} imports {kind} ({(own ? "own" : "other")})", mayImport, HttpStatusCode.OK,
                    () => client.PostAsync($"/api/register/{kind}/import?format=csv", new StringContent(csv, Encoding.UTF8, "text/csv")));
            }

            // Beyond the register: a paper for an agenda item, a signal's review, a stored analysis run.
            var paper = new MultipartFormDataContent
            {
                { new StringContent("Notitie"), "title" },
                { new ByteArrayContent("inhoud"u8.ToArray()) { Headers = { ContentType = new("text/plain") } }, "file", "notitie.txt" },
            };
            await Expect($"{role} uploads a paper", Permission.MayAtAll(me, PermissionMatrix.Councils, PermissionAction.Create), HttpStatusCode.OK,
                () => client.PostAsync("/api/agenda-items/AI-1/papers", paper), acceptAnySuccess: true);
            await Expect($"{role} reviews a signal", Permission.MayAtAll(me, PermissionMatrix.Signals, PermissionAction.Edit), HttpStatusCode.OK,
                () => client.PostAsJsonAsync($"/api/signals/SIG-{role.ToUpperInvariant()}/review", new { decision = "reject" }), acceptAnySuccess: true);
            // Comments (issue 15): analysts and coordinators comment; only the author changes or removes their own.
            await Expect($"{role} comments on a scenario", Permission.MayAtAll(me, PermissionMatrix.Comments, PermissionAction.Create), HttpStatusCode.Created,
                () => client.PostAsJsonAsync("/api/scenarios/S-1/comments", new { text = "Opmerking" }));
            foreach (var (own, author) in new[] { (true, me.UserName), (false, "iemand-anders") })
            {
                var owner = new RecordOwner(null, author);
                await Expect($"{role} edits a comment ({(own ? "own" : "other")})", Permission.Refusal(me, PermissionMatrix.Comments, PermissionAction.Edit, owner) is null,
                    HttpStatusCode.OK, () => client.PutAsJsonAsync($"/api/comments/{CommentCode(role, own, "EDIT")}", new { text = "Gewijzigd" }));
                await Expect($"{role} deletes a comment ({(own ? "own" : "other")})", Permission.Refusal(me, PermissionMatrix.Comments, PermissionAction.Delete, owner) is null,
                    HttpStatusCode.NoContent, () => client.DeleteAsync($"/api/comments/{CommentCode(role, own, "DEL")}"));
            }
            await Expect($"{role} stores an analysis run", Permission.MayAtAll(me, PermissionMatrix.AnalysisRuns, PermissionAction.Create), HttpStatusCode.OK,
                () => client.PostAsJsonAsync("/api/analysis/runs", new { iterations = 0 }), acceptAnyAnswerButForbidden: true);
        }
        failures.ShouldBeEmpty(string.Join("\n", failures));

        async Task Expect(string what, bool allowed, HttpStatusCode success, Func<Task<HttpResponseMessage>> send,
            bool acceptAnySuccess = false, bool acceptAnyAnswerButForbidden = false)
        {
            var before = await StateAsync(app.Database);
            var response = await send();
            var body = await response.Content.ReadAsStringAsync();
            if (allowed)
            {
                var ok = acceptAnyAnswerButForbidden ? response.StatusCode != HttpStatusCode.Forbidden
                    : acceptAnySuccess ? response.IsSuccessStatusCode : response.StatusCode == success;
                if (!ok) failures.Add($"{what}: allowed by the matrix, answered {(int)response.StatusCode} {body}");
                return;
            }
            if (response.StatusCode != HttpStatusCode.Forbidden) failures.Add($"{what}: refused by the matrix, answered {(int)response.StatusCode} {body}");
            else if (!response.Content.Headers.ContentType!.MediaType!.Equals("application/problem+json")) failures.Add($"{what}: a 403 without a problem document");
            var after = await StateAsync(app.Database);
            if (after != before) failures.Add($"{what}: refused, yet the database changed ({before} → {after})");
        }
    }

    /// <summary>
    /// The records the sweep writes and every history entry, counted without any filter. Every insert, edit and delete of a
    /// record appends to the history in the same transaction, so an unchanged history means no record changed.
    /// </summary>
    private static async Task<string> StateAsync(TestDatabase database)
    {
        await using var db = database.Context(FixedUser.System);
        var counts = new List<string>();
        foreach (var kind in new[] { "measure", "assessment", "risk", "council", "trend", "feed", "document", "signal", "analysis-run", "comment" })
            counts.Add(kind + "=" + await RecordKinds.Find(kind)!.Query(db).IgnoreQueryFilters().CountAsync());
        counts.Add("history=" + await db.History.IgnoreQueryFilters().CountAsync());
        return string.Join(" ", counts);
    }

    private static async Task SeedAsync(TestDatabase database)
    {
        await CriteriaFixture.SeedAsync(database, "1.1");
        await using var db = database.Context(FixedUser.System);
        var save = new SaveRecord(db, FixedUser.System);
        async Task Add(string kind, string code, Dictionary<string, string?> values)
        {
            var r = await save.HandleAsync(new SaveRecordRequest(kind, code, values, SaveMode.Create));
            if (!r.IsOk) throw new InvalidOperationException($"{kind} {code}: " + string.Join("; ", r.Errors) + r.Message);
        }
        await Add("organisation", Own, new() { ["name"] = "Justitie en Veiligheid" });
        await Add("organisation", Other, new() { ["name"] = "Buitenlandse Zaken" });
        await Add("scenario", "S-1", new() { ["title"] = "Overstroming", ["kind"] = "hazard" });
        await Add("council", "C-1", new() { ["name"] = "Veiligheidsraad" });
        await Add("meeting", "MT-1", new() { ["council"] = "C-1", ["title"] = "Vergadering", ["date"] = "2026-12-01" });
        await Add("agenda-item", "AI-1", new() { ["council"] = "C-1", ["meeting"] = "MT-1", ["title"] = "Agendapunt" });
        foreach (var role in Roles.All)
        {
            await Add("signal", $"SIG-{role.ToUpperInvariant()}", new() { ["title"] = "Signaal", ["date"] = "2026-11-30" });
            foreach (var (own, what) in new[] { (true, "EDIT"), (true, "DEL"), (false, "EDIT"), (false, "DEL") })
            {
                var comment = new Comment { ScenarioCode = "S-1", Body = "Opmerking", Author = own ? UserFor(role) : "iemand-anders" };
                comment.Recode(CommentCode(role, own, what));
                db.AddRecord(comment);
            }
            await db.SaveChangesAsync();
            foreach (var (kind, _, own, make, _) in Targets())
                foreach (var what in new[] { "EDIT", "DEL" })
                    await Add(kind, Code(kind, role, own, what), make(UserFor(role)));
        }
    }
}
