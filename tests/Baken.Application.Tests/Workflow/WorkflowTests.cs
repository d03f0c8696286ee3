using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Application.Workflow;
using Baken.Domain.Assessments;
using Baken.Domain.Security;
using Baken.Domain.Signals;
using Baken.Domain.Users;
using Baken.Domain.Workflow;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;
using static Baken.Application.Tests.Strategy.RegisterWrites;

namespace Baken.Application.Tests.Workflow;

/// <summary>The analyst network's work (issue 15): status rules per status, cycles, official and concept runs, reviews and the inbox.</summary>
public sealed class WorkflowTests
{
    private static readonly FixedUser Coordinator = new("coord", ClassificationLevel.StaatsgeheimGeheim, 0, [Roles.Coordinator]);
    private static readonly FixedUser Wodc = new("analyst-wodc", ClassificationLevel.StaatsgeheimGeheim, 0, [Roles.Analyst]);
    private static readonly FixedUser Aivd = new("analyst-aivd", ClassificationLevel.StaatsgeheimGeheim, 0, [Roles.Analyst]);
    private static readonly FixedUser Policy = new("policy", ClassificationLevel.StaatsgeheimGeheim, 0, [Roles.PolicyOwner]);

    private sealed class FixedClock(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
    }

    private static List<AssessmentRawRow> ExampleRows() =>
        File.ReadAllLines(SharedData.File("examples/assessments-example.csv")).Select((l, i) => new AssessmentRawRow(i + 1, l.Split(','))).ToList();

    private static async Task<TestDatabase> WithExample(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await using var db = database.Context(FixedUser.System);
        var imported = await new ImportAssessmentTable(db, FixedUser.System, new LoadAnalysisCatalogue(db)).HandleAsync(ExampleRows());
        imported.IsOk.ShouldBeTrue(string.Join("; ", imported.Errors));
        foreach (var (name, org, roles, level) in new[] { ("coord", "NCTV", Roles.Coordinator, ClassificationLevel.StaatsgeheimGeheim),
                     ("analyst-wodc", "WODC", Roles.Analyst, ClassificationLevel.StaatsgeheimGeheim), ("analyst-aivd", "AIVD", Roles.Analyst, ClassificationLevel.StaatsgeheimGeheim),
                     ("analyst-low", "SEO", Roles.Analyst, ClassificationLevel.Ongerubriceerd) })
            db.Users.Add(new User(name, level, 0) { Roles = [roles], OrganisationCode = org, CreatedAtUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return database;
    }

    private static async Task<Result<Assessment>> Change(TestDatabase database, ICurrentUser user, string scenario, string analyst, StatusAction action, string? reason = null)
    {
        await using var db = database.Context(user);
        return await new ChangeAssessmentStatus(db, user).HandleAsync(new ChangeAssessmentStatusRequest(scenario, analyst, action, reason));
    }

    private static async Task<Result<AssessmentImportSummary>> Reimport(TestDatabase database, ICurrentUser user)
    {
        await using var db = database.Context(user);
        return await new ImportAssessmentTable(db, user, new LoadAnalysisCatalogue(db)).HandleAsync(ExampleRows());
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EachStatus_AllowsOnlyItsOwnSteps_AndEveryWritePathObeysIt(DatabaseProvider provider)
    {
        await using var database = await WithExample(provider);
        const string s = "E-DROUGHT", code = "E-DROUGHT.analyst-wodc";

        // Draft: the owner edits; another analyst may not submit it; nobody returns or validates a draft.
        (await Edit(database, Wodc, "assessment", code, ("likelihood", "C"))).IsOk.ShouldBeTrue();
        (await Change(database, Aivd, s, "analyst-wodc", StatusAction.Submit)).Status.ShouldBe(ResultStatus.Forbidden);
        (await Change(database, Wodc, s, "analyst-wodc", StatusAction.Validate)).Status.ShouldBe(ResultStatus.Forbidden);
        var notValidatable = await Change(database, Coordinator, s, "analyst-wodc", StatusAction.Validate);
        notValidatable.Status.ShouldBe(ResultStatus.Conflict);
        // The English the CLI and API show stays word for word; the status is a catalogue word a page can translate (#17).
        notValidatable.Message.ShouldBe($"Assessment '{code}' is draft; only a submitted assessment can be validated.");
        notValidatable.Text!.Args.ShouldBe(new object[] { code, AssessmentStatusTexts.Status[AssessmentStatus.Draft] });
        var nobody = await Change(database, Coordinator, s, "analyst-nobody", StatusAction.Submit);
        nobody.Status.ShouldBe(ResultStatus.NotFound);
        nobody.Text!.Key.ShouldBe(AssessmentStatusTexts.NoAssessment.Key);
        // The status is not a field anyone can write: not in an edit, not in an import.
        (await Edit(database, Coordinator, "assessment", code, ("status", "validated"))).Errors.ShouldContain(e => e.Field == "status" && e.Value == "validated");

        // Submitted: frozen for every write path, including the assessment table import; an unchanged repeat is fine.
        (await Change(database, Wodc, s, "analyst-wodc", StatusAction.Submit)).Value!.Status.ShouldBe(AssessmentStatus.Submitted);
        (await Change(database, Wodc, s, "analyst-wodc", StatusAction.Submit)).Status.ShouldBe(ResultStatus.Conflict);
        (await Edit(database, Wodc, "assessment", code, ("likelihood", "D"))).Errors.ShouldContain(e => e.Field == "status" && e.Allowed.Contains("frozen"));
        (await Edit(database, Wodc, "assessment", code, ("likelihood", "C"))).IsOk.ShouldBeTrue();
        var reimport = await Reimport(database, FixedUser.System);
        reimport.Status.ShouldBe(ResultStatus.Invalid); // the file still says likelihood D
        reimport.Errors.ShouldContain(e => e.Field == "status" && e.Line == 2);

        // Return: coordinator only, with comments.
        (await Change(database, Wodc, s, "analyst-wodc", StatusAction.Return, "why")).Status.ShouldBe(ResultStatus.Forbidden);
        (await Change(database, Coordinator, s, "analyst-wodc", StatusAction.Return)).Errors.ShouldContain(e => e.Field == "reason");
        var returned = (await Change(database, Coordinator, s, "analyst-wodc", StatusAction.Return, "Source for 2.2 missing")).Value!;
        returned.Status.ShouldBe(AssessmentStatus.Returned);
        returned.StatusNote.ShouldBe("Source for 2.2 missing");

        // Returned: the owner edits and resubmits; the coordinator validates.
        // Sources are references to source records (issue 13: a code list obeys "references never point up").
        (await Add(database, FixedUser.System, "source", "SRC-1", ("title", "Droogtemonitor"))).IsOk.ShouldBeTrue();
        (await Edit(database, Wodc, "assessment", code, ("sources", "SRC-1"))).IsOk.ShouldBeTrue();
        (await Change(database, Wodc, s, "analyst-wodc", StatusAction.Submit)).IsOk.ShouldBeTrue();
        (await Change(database, Coordinator, s, "analyst-wodc", StatusAction.Validate)).Value!.Status.ShouldBe(AssessmentStatus.Validated);
        (await Change(database, Coordinator, s, "analyst-wodc", StatusAction.Return, "late")).Status.ShouldBe(ResultStatus.Conflict);

        // Validated: a change needs a reason and makes a new draft version; the validated version stays in the history.
        (await Edit(database, Wodc, "assessment", code, ("likelihood", "D"))).Errors.ShouldContain(e => e.Field == "change_reason");
        var changed = await Edit(database, Wodc, "assessment", code, ("likelihood", "D"), ("change_reason", "New drought figures (KNMI 2026)"));
        changed.IsOk.ShouldBeTrue(string.Join("; ", changed.Errors));
        changed.Value!.Fields["status"].ShouldBe("draft");
        changed.Value.Fields["status_note"].ShouldBe("changed after validation: New drought figures (KNMI 2026)");
        await using (var db = database.Context(Coordinator))
        {
            var history = (await new GetHistory(db).HandleAsync("assessment", code)).Value!;
            history.ShouldContain(h => h.Changes.Any(c => c.Field == "status" && c.After == "validated"));
            history.Last().UserName.ShouldBe("analyst-wodc");
        }

        // A coordinator may submit on the analyst's behalf; the record says who entered it for whom.
        var onBehalf = (await Change(database, Coordinator, s, "analyst-aivd", StatusAction.Submit)).Value!;
        onBehalf.StatusNote.ShouldBe("entered by coord for analyst-aivd");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OfficialRun_UsesOnlyValidatedAssessments_AndARunWithDraftsIsAConcept(DatabaseProvider provider)
    {
        await using var database = await WithExample(provider);
        async Task<Result<AnalysisRunOutcome>> Analyse(bool official)
        {
            await using var db = database.Context(Coordinator);
            return await new RunIntegratedAnalysis(db, Coordinator, TimeProvider.System, new LoadAnalysisCatalogue(db))
                .HandleAsync(new RunIntegratedAnalysisRequest(Iterations: 0, Official: official));
        }
        (await Analyse(official: true)).Errors.ShouldContain(e => e.Field == "input" && e.Allowed.Contains("validated"));

        foreach (var analyst in new[] { "analyst-wodc", "analyst-aivd" })
        {
            (await Change(database, Coordinator, "E-RANSOM", analyst, StatusAction.Submit)).IsOk.ShouldBeTrue();
            (await Change(database, Coordinator, "E-RANSOM", analyst, StatusAction.Validate)).IsOk.ShouldBeTrue();
        }
        var official = (await Analyse(official: true)).Value!;
        official.Concept.ShouldBeFalse();
        official.Result.Scenarios.Select(x => x.Id).ShouldBe(["E-RANSOM"]);
        official.Result.Scenarios[0].AnalystLikelihoods.Count.ShouldBe(2);
        var concept = (await Analyse(official: false)).Value!;
        concept.Concept.ShouldBeTrue();
        concept.Result.Scenarios.Count.ShouldBeGreaterThan(1);
        await using var check = database.Context(Coordinator);
        (await check.AnalysisRuns.SingleAsync(r => r.Code == official.RunCode)).Concept.ShouldBeFalse();
        (await check.AnalysisRuns.SingleAsync(r => r.Code == concept.RunCode)).Concept.ShouldBeTrue();
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cycle_IsOpenedAssignedAndClosedByACoordinator_AndTheInboxShowsWhatIsAsked(DatabaseProvider provider)
    {
        await using var database = await WithExample(provider);
        await Ok(Add(database, FixedUser.System, "scenario", "E-SECRET", ("title", "Covert"), ("kind", "threat"), ("classification", "Stg.C")));
        var due = new DateOnly(2027, 3, 1);
        async Task<Result<AssessmentCycle>> Open(ICurrentUser u, string code, params string[] scenarios)
        {
            await using var db = database.Context(u);
            return await new OpenCycle(db, u).HandleAsync(new OpenCycleRequest(code, "NRB 2027", scenarios, due));
        }
        async Task<Result<CycleAssignment>> Assign(ICurrentUser u, string scenario, params string[] analysts)
        {
            await using var db = database.Context(u);
            return await new AssignCycle(db, u).HandleAsync(new AssignCycleRequest("NRB-2027", scenario, analysts));
        }
        async Task<IReadOnlyList<InboxItem>> InboxOf(ICurrentUser u, DateOnly today)
        {
            await using var db = database.Context(u);
            return await new Inbox(db, u, new FixedClock(today)).HandleAsync();
        }

        (await Open(Wodc, "NRB-2027", "E-DROUGHT")).Status.ShouldBe(ResultStatus.Forbidden);
        (await Open(Coordinator, "NRB-2027", "E-DROUGHT", "E-NOPE")).Errors.ShouldContain(e => e.Field == "scenarios" && e.Value == "E-NOPE");
        var cycle = (await Open(Coordinator, "NRB-2027", "E-DROUGHT", "E-ZOONOSE", "E-SECRET")).Value!;
        cycle.ClassificationLevel.ShouldBe(ClassificationLevel.StaatsgeheimConfidentieel); // it names a Stg.C scenario
        (await Open(Coordinator, "NRB-2027", "E-DROUGHT")).Status.ShouldBe(ResultStatus.Conflict);

        (await Assign(Wodc, "E-DROUGHT", "analyst-wodc")).Status.ShouldBe(ResultStatus.Forbidden);
        (await Assign(Coordinator, "E-RANSOM", "analyst-wodc")).Errors.ShouldContain(e => e.Field == "scenario");
        (await Assign(Coordinator, "E-DROUGHT", "analyst-wodc", "nobody")).Errors.ShouldContain(e => e.Field == "analysts" && e.Value == "nobody");
        (await Assign(Coordinator, "E-SECRET", "analyst-low")).Errors.ShouldContain(e => e.Field == "analysts" && e.Value == "analyst-low");
        var assigned = (await Assign(Coordinator, "E-DROUGHT", "analyst-wodc", "analyst-aivd")).Value!;
        assigned.Organisations.ShouldBe(["AIVD", "WODC"]);
        (await Assign(Coordinator, "E-ZOONOSE", "analyst-wodc")).IsOk.ShouldBeTrue();

        // Past the deadline the analyst's open tasks are overdue; a policy officer has nothing asked of them.
        var late = new DateOnly(2027, 3, 2);
        var inbox = await InboxOf(Wodc, late);
        inbox.Where(i => i.Kind == InboxKind.Assignment).Select(i => i.Code).ShouldBe(["NRB-2027.E-DROUGHT", "NRB-2027.E-ZOONOSE"]);
        inbox.ShouldAllBe(i => i.Overdue);
        (await InboxOf(Wodc, due)).ShouldAllBe(i => !i.Overdue);
        (await InboxOf(Policy, late)).ShouldBeEmpty();

        // Submitted work leaves the analyst's inbox and appears in the coordinator's; a return comes back.
        (await Change(database, Wodc, "E-DROUGHT", "analyst-wodc", StatusAction.Submit)).IsOk.ShouldBeTrue();
        (await InboxOf(Wodc, late)).Select(i => i.Code).ShouldBe(["NRB-2027.E-ZOONOSE"]);
        (await InboxOf(Coordinator, late)).ShouldContain(i => i.Kind == InboxKind.ToValidate && i.Code == "E-DROUGHT.analyst-wodc");
        (await Change(database, Coordinator, "E-DROUGHT", "analyst-wodc", StatusAction.Return, "Explain 2.1")).IsOk.ShouldBeTrue();
        (await InboxOf(Wodc, late)).ShouldContain(i => i.Kind == InboxKind.Returned && i.Code == "E-DROUGHT.analyst-wodc" && i.Note == "Explain 2.1" && i.Overdue);

        await using (var db = database.Context(Coordinator))
        {
            var status = (await new GetCycleStatus(db, new FixedClock(late)).HandleAsync("NRB-2027")).Value!;
            status.Tasks.Single(t => t.Scenario == "E-DROUGHT" && t.Analyst == "analyst-wodc").Status.ShouldBe(AssessmentStatus.Returned);
            status.Tasks.Single(t => t.Scenario == "E-DROUGHT" && t.Analyst == "analyst-aivd").Overdue.ShouldBeTrue();
            status.Unassigned.ShouldBe(["E-SECRET"]);
        }
        // Someone below the cycle's classification does not see it at all.
        await using (var low = database.Context(TestDatabase.UserAt(ClassificationLevel.Ongerubriceerd, name: "analyst-low")))
            (await new GetCycleStatus(low, TimeProvider.System).HandleAsync("NRB-2027")).Status.ShouldBe(ResultStatus.NotFound);

        await using (var db = database.Context(Coordinator))
        {
            (await new CloseCycle(db, Wodc).HandleAsync("NRB-2027")).Status.ShouldBe(ResultStatus.Forbidden);
            (await new CloseCycle(db, Coordinator).HandleAsync("NRB-2027")).IsOk.ShouldBeTrue();
            (await new CloseCycle(db, Coordinator).HandleAsync("NRB-2027")).Status.ShouldBe(ResultStatus.Conflict);
        }
        (await Assign(Coordinator, "E-SECRET", "analyst-wodc")).Status.ShouldBe(ResultStatus.Conflict);
        (await InboxOf(Wodc, late)).ShouldNotContain(i => i.Kind == InboxKind.Assignment);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Alert_OpensLikelihoodReviewsForTheScenarioAnalysts_AndClosingOneNeedsADecision(DatabaseProvider provider)
    {
        await using var database = await WithExample(provider);
        await Ok(Add(database, FixedUser.System, "warning-indicator", "WI-DRY", ("title", "Rain deficit"), ("amber", "100"), ("red", "200"), ("scenarios", "E-DROUGHT")));
        await Ok(Add(database, FixedUser.System, "alert", "ALERT-DRY", ("indicator", "WI-DRY"), ("date", "2026-07-01"), ("value", "240"),
            ("from_level", "amber"), ("to_level", "red"), ("status", "open"), ("scenarios", "E-DROUGHT")));
        async Task<LikelihoodReviews> Reviews(BakenDbContext db, ICurrentUser u) => new(db, u, TimeProvider.System);

        await using (var db = database.Context(Policy))
            (await (await Reviews(db, Policy)).OpenAsync("ALERT-DRY")).Status.ShouldBe(ResultStatus.Forbidden);
        await using (var db = database.Context(Wodc))
        {
            var opened = (await (await Reviews(db, Wodc)).OpenAsync("ALERT-DRY")).Value!.ShouldHaveSingleItem();
            opened.Code.ShouldBe("REV-ALERT-DRY-E-DROUGHT");
            opened.Analysts.ShouldBe(["analyst-aivd", "analyst-iss", "analyst-seo", "analyst-wodc"]);
            opened.Evidence!.ShouldContain("WI-DRY amber → red");
        }
        await using (var db = database.Context(Wodc))
        {
            var again = await (await Reviews(db, Wodc)).OpenAsync("ALERT-DRY");
            again.Status.ShouldBe(ResultStatus.Conflict);
            // The status is a word of the catalogue (#17): readable English for the CLI and API, translated on a page.
            again.Message.ShouldBe("Alert 'ALERT-DRY' is review opened; a review is opened once.");
            again.Text!.Args.ShouldBe(new object[] { "ALERT-DRY", AllowedTexts.AlertStatus[AlertStatus.ReviewOpened] });
            var missing = await (await Reviews(db, Wodc)).OpenAsync("ALERT-NONE");
            missing.Status.ShouldBe(ResultStatus.NotFound);
            missing.Text!.Key.ShouldBe(AllowedTexts.WorkflowNoAlert.Key);
        }
        await using (var db = database.Context(Aivd))
            (await new Inbox(db, Aivd, TimeProvider.System).HandleAsync()).ShouldContain(i => i.Kind == InboxKind.LikelihoodReview && i.Code == "REV-ALERT-DRY-E-DROUGHT");

        await using (var db = database.Context(Policy))
            (await (await Reviews(db, Policy)).CloseAsync(new CloseReviewRequest("REV-ALERT-DRY-E-DROUGHT", ReviewDecision.NoChange))).Status.ShouldBe(ResultStatus.Forbidden);
        await using (var db = database.Context(Aivd))
        {
            var reviews = await Reviews(db, Aivd);
            (await reviews.CloseAsync(new CloseReviewRequest("REV-ALERT-DRY-E-DROUGHT", ReviewDecision.None))).Errors.ShouldContain(e => e.Field == "decision");
            (await reviews.CloseAsync(new CloseReviewRequest("REV-ALERT-DRY-E-DROUGHT", ReviewDecision.Revised, "E-RANSOM.analyst-aivd"))).Errors.ShouldContain(e => e.Field == "assessment");
            var closed = (await reviews.CloseAsync(new CloseReviewRequest("REV-ALERT-DRY-E-DROUGHT", ReviewDecision.Revised, "E-DROUGHT.analyst-aivd", "Likelihood up one class"))).Value!;
            closed.Status.ShouldBe(ReviewStatus.Closed);
        }
        await using (var db = database.Context(Aivd))
        {
            (await db.Alerts.SingleAsync(a => a.Code == "ALERT-DRY")).Status.ShouldBe(AlertStatus.Closed);
            (await new Inbox(db, Aivd, TimeProvider.System).HandleAsync()).ShouldNotContain(i => i.Kind == InboxKind.LikelihoodReview);
        }
    }
}
