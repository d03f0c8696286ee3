using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Application.Workflow;
using Baken.Domain.Assessments;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;
using static Baken.Application.Tests.Strategy.RegisterWrites;

namespace Baken.Application.Tests.Workflow;

/// <summary>
/// Who may do what to an assessment in each status (issue 15, docs/workflow.md), swept cell by cell: status × actor × action.
/// <see cref="WorkflowTests"/> walks one assessment through its life; this sweep asks every actor every question in every status,
/// checks that each refusal writes nothing, and that each allowed step leaves the status the workflow promises.
/// </summary>
public sealed class StatusPermissionMatrixTests
{
    private static readonly ClassificationLevel Cleared = ClassificationLevel.StaatsgeheimGeheim;
    private const string Owner = "analyst-wodc";

    /// <summary>The actors: the assessment's own analyst, a colleague of the same organisation, an analyst of another, the
    /// coordinator, the administrator (accounts, not content) and a role that only reads assessments.</summary>
    private static readonly Dictionary<string, FixedUser> Actors = new()
    {
        ["owner"] = new(Owner, Cleared, 0, [Roles.Analyst], "WODC"),
        ["colleague"] = new("analyst-wodc-2", Cleared, 0, [Roles.Analyst], "WODC"),
        ["other"] = new("analyst-aivd", Cleared, 0, [Roles.Analyst], "AIVD"),
        ["coordinator"] = new("coord", Cleared, 0, [Roles.Coordinator], "NCTV"),
        ["administrator"] = new("admin", Cleared, 0, [Roles.Administrator], "BZK"),
        ["reader"] = new("policy", Cleared, 0, [Roles.PolicyOwner], "WODC"),
    };

    private static readonly AssessmentStatus[] Statuses = [AssessmentStatus.Draft, AssessmentStatus.Submitted, AssessmentStatus.Returned, AssessmentStatus.Validated];

    // ok: allowed; forbidden: not this actor's to do (ResultStatus.Forbidden); conflict: nobody may in this status;
    // frozen: a submitted assessment refuses a change (field 'status'); reason: refused without a change_reason (field
    // 'change_reason'), allowed with one, and the change makes a new draft version.
    private static readonly string[] Matrix =
    [
        // actor         action     draft      submitted  returned   validated
        "owner         edit       ok         frozen     ok         reason",
        "owner         submit     ok         conflict   ok         conflict",
        "owner         return     forbidden  forbidden  forbidden  forbidden",
        "owner         validate   forbidden  forbidden  forbidden  forbidden",
        "colleague     edit       forbidden  forbidden  forbidden  forbidden",
        "colleague     submit     forbidden  forbidden  forbidden  forbidden",
        "colleague     return     forbidden  forbidden  forbidden  forbidden",
        "colleague     validate   forbidden  forbidden  forbidden  forbidden",
        "other         edit       forbidden  forbidden  forbidden  forbidden",
        "other         submit     forbidden  forbidden  forbidden  forbidden",
        "other         return     forbidden  forbidden  forbidden  forbidden",
        "other         validate   forbidden  forbidden  forbidden  forbidden",
        "coordinator   edit       ok         frozen     ok         reason",
        "coordinator   submit     ok         conflict   ok         conflict",
        "coordinator   return     conflict   ok         conflict   conflict",
        "coordinator   validate   conflict   ok         conflict   conflict",
        "administrator edit       forbidden  forbidden  forbidden  forbidden",
        "administrator submit     forbidden  forbidden  forbidden  forbidden",
        "administrator return     forbidden  forbidden  forbidden  forbidden",
        "administrator validate   forbidden  forbidden  forbidden  forbidden",
        "reader        edit       forbidden  forbidden  forbidden  forbidden",
        "reader        submit     forbidden  forbidden  forbidden  forbidden",
        "reader        return     forbidden  forbidden  forbidden  forbidden",
        "reader        validate   forbidden  forbidden  forbidden  forbidden",
    ];

    private sealed record Cell(string Actor, string Action, AssessmentStatus Status, string Expected);

    private static IEnumerable<Cell> Cells() =>
        from line in Matrix
        let parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        from i in Enumerable.Range(0, Statuses.Length)
        select new Cell(parts[0], parts[1], Statuses[i], parts[2 + i]);

    [Fact]
    public void TheMatrix_NamesEveryActorActionAndStatusOnce()
    {
        var cells = Cells().ToList();
        cells.Count.ShouldBe(Actors.Count * 4 * Statuses.Length);
        cells.Select(c => (c.Actor, c.Action, c.Status)).Distinct().Count().ShouldBe(cells.Count);
        cells.Select(c => c.Actor).Distinct().ShouldBe(Actors.Keys, ignoreOrder: true);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryActor_InEveryStatus_MayDoExactlyWhatTheMatrixSays(DatabaseProvider provider)
    {
        var cells = Cells().ToList();
        // One assessment per status for the refusals (a refusal writes nothing, so they share it), and one fresh assessment
        // for each allowed cell (an allowed step changes what the next cell would see).
        var allowed = cells.Where(c => c.Expected is "ok" or "reason").ToList();
        var scenarios = Statuses.Select(s => $"S-BASE-{AssessmentStatuses.Name(s)}").Concat(allowed.Select((_, i) => $"S-CELL-{i}")).ToList();
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await ImportOwnerAssessments(database, scenarios);
        var coordinator = Actors["coordinator"];
        async Task Bring(string scenario, AssessmentStatus status)
        {
            if (status == AssessmentStatus.Draft) return;
            (await Step(database, Actors["owner"], scenario, StatusAction.Submit)).IsOk.ShouldBeTrue();
            if (status == AssessmentStatus.Returned) (await Step(database, coordinator, scenario, StatusAction.Return, "Onderbouwing ontbreekt")).IsOk.ShouldBeTrue();
            if (status == AssessmentStatus.Validated) (await Step(database, coordinator, scenario, StatusAction.Validate)).IsOk.ShouldBeTrue();
        }

        var problems = new List<string>();
        foreach (var status in Statuses)
        {
            var baseScenario = $"S-BASE-{AssessmentStatuses.Name(status)}";
            await Bring(baseScenario, status);
            var before = await DatabaseSnapshot.TakeAsync(database);
            var stateBefore = await StateOf(database, baseScenario);
            stateBefore.Status.ShouldBe(status);
            foreach (var cell in cells.Where(c => c.Status == status))
            {
                // A refused cell, and the 'reason' cell asked without a reason, on the shared assessment.
                var expectedRefusal = cell.Expected == "ok" ? null : cell.Expected == "reason" ? "change_reason" : cell.Expected;
                if (expectedRefusal is null) continue;
                var outcome = await Attempt(database, cell, baseScenario, reason: null);
                if (outcome != expectedRefusal) problems.Add($"{cell.Actor} {cell.Action} {AssessmentStatuses.Name(status)}: expected {expectedRefusal}, got {outcome}");
            }
            (await StateOf(database, baseScenario)).ShouldBe(stateBefore, $"a refused step changed the {AssessmentStatuses.Name(status)} assessment");
            (await DatabaseSnapshot.TakeAsync(database)).ShouldBe(before, $"a refused step in status {AssessmentStatuses.Name(status)} wrote something");
        }

        foreach (var (cell, i) in allowed.Select((c, i) => (c, i)))
        {
            var scenario = $"S-CELL-{i}";
            await Bring(scenario, cell.Status);
            var version = (await StateOf(database, scenario)).Version;
            var outcome = await Attempt(database, cell, scenario, reason: cell.Expected == "reason" ? "Nieuwe cijfers (KNMI 2026)" : null);
            if (outcome != "ok") { problems.Add($"{cell.Actor} {cell.Action} {AssessmentStatuses.Name(cell.Status)}: expected ok, got {outcome}"); continue; }
            var after = await StateOf(database, scenario);
            after.Version.ShouldBeGreaterThan(version, $"{cell.Actor} {cell.Action}: every step is a new version");
            after.Status.ShouldBe((cell.Action, cell.Status) switch
            {
                ("edit", AssessmentStatus.Validated) => AssessmentStatus.Draft,
                ("edit", var s) => s,
                ("submit", _) => AssessmentStatus.Submitted,
                ("return", _) => AssessmentStatus.Returned,
                _ => AssessmentStatus.Validated,
            }, $"{cell.Actor} {cell.Action} {AssessmentStatuses.Name(cell.Status)}");
            if (cell.Action == "submit" && cell.Actor == "coordinator") after.Note.ShouldBe($"entered by coord for {Owner}");
            if (cell.Expected == "reason")
            {
                after.Note.ShouldBe("changed after validation: Nieuwe cijfers (KNMI 2026)");
                await using var db = database.Context(coordinator);
                var history = (await new GetHistory(db).HandleAsync("assessment", $"{scenario}.{Owner}")).Value!;
                history.ShouldContain(h => h.Changes.Any(c => c.Field == "status" && c.After == "validated"), "the validated version stays in the history");
                history.Last().UserName.ShouldBe(Actors[cell.Actor].UserName);
            }
        }
        problems.ShouldBeEmpty();
    }

    /// <summary>Asks the question of the cell and names the answer in the matrix's words.</summary>
    private static async Task<string> Attempt(TestDatabase database, Cell cell, string scenario, string? reason)
    {
        var actor = Actors[cell.Actor];
        if (cell.Action == "edit")
        {
            var fields = new List<(string, string?)> { ("rationale", $"Herzien door {actor.UserName} ({cell.Status}, {scenario})") };
            if (reason is not null) fields.Add(("change_reason", reason));
            var edit = await Edit(database, actor, "assessment", $"{scenario}.{Owner}", [.. fields]);
            return Name(edit.Status, edit.Errors);
        }
        var action = cell.Action switch { "submit" => StatusAction.Submit, "return" => StatusAction.Return, _ => StatusAction.Validate };
        var step = await Step(database, actor, scenario, action, action == StatusAction.Return ? "Bron voor 2.2 ontbreekt" : null);
        return Name(step.Status, step.Errors);
    }

    private static string Name(ResultStatus status, IReadOnlyList<FieldError> errors) => status switch
    {
        ResultStatus.Ok => "ok",
        ResultStatus.Forbidden => "forbidden",
        ResultStatus.Conflict => "conflict",
        ResultStatus.Invalid when errors.Any(e => e.Field == "status") => "frozen",
        ResultStatus.Invalid when errors.Any(e => e.Field == "change_reason") => "change_reason",
        _ => $"{status}: {string.Join("; ", errors)}",
    };

    private static async Task<Result<Assessment>> Step(TestDatabase database, ICurrentUser user, string scenario, StatusAction action, string? reason = null)
    {
        await using var db = database.Context(user);
        return await new ChangeAssessmentStatus(db, user).HandleAsync(new ChangeAssessmentStatusRequest(scenario, Owner, action, reason));
    }

    private sealed record State(AssessmentStatus Status, int Version, string? Note);

    private static async Task<State> StateOf(TestDatabase database, string scenario)
    {
        await using var db = database.Context(FixedUser.System);
        var a = await db.Assessments.AsNoTracking().SingleAsync(x => x.Code == $"{scenario}.{Owner}");
        return new State(a.Status, a.Version, a.StatusNote);
    }

    /// <summary>The owner's row of the example file, once per scenario, imported as drafts (the import creates the scenarios).</summary>
    private static async Task ImportOwnerAssessments(TestDatabase database, IReadOnlyList<string> scenarios)
    {
        var lines = File.ReadAllLines(SharedData.File("examples/assessments-example.csv"));
        var row = lines.Skip(1).Select(l => l.Split(',')).First(f => f[4] == Owner);
        var rows = new List<AssessmentRawRow> { new(1, lines[0].Split(',')) };
        foreach (var scenario in scenarios)
            rows.Add(new AssessmentRawRow(rows.Count + 1, [scenario, $"Scenario {scenario}", .. row[2..]]));
        await using var db = database.Context(FixedUser.System);
        var imported = await new ImportAssessmentTable(db, FixedUser.System, new LoadAnalysisCatalogue(db)).HandleAsync(rows);
        imported.IsOk.ShouldBeTrue(string.Join("; ", imported.Errors));
    }
}
