using Baken.Methods.Strategy;
using Baken.Application.Catalogue;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Application.Strategy;
using Baken.Domain.Security;
using Baken.Infrastructure.Catalogue;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;
using static Baken.Application.Tests.Strategy.RegisterWrites;

namespace Baken.Application.Tests.Strategy;

/// <summary>Measures, goals, indicators and progress updates in the register, the gap analysis and the redacted snapshot.</summary>
public sealed class StrategyRegisterTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Catalogue_SeedsTheThirteenGoalsAndTheCouncils_AndReloadingKeepsWhatUsersSet(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await using (var db = database.Context(FixedUser.System))
        {
            (await db.Goals.CountAsync()).ShouldBe(13);
            (await db.Goals.Select(g => g.Pillar).Distinct().CountAsync()).ShouldBe(3);
            (await db.Councils.Select(c => c.Code).ToListAsync()).ShouldContain("NVR");
            (await db.CouncilMembers.CountAsync(m => m.CouncilCode == "RVI")).ShouldBeGreaterThan(5);
        }
        await Ok(Edit(database, FixedUser.System, "goal", "GOAL-07", ("owner", "JenV")));

        var (files, errors) = CatalogueDirectory.Read(CatalogueDirectory.Default);
        errors.ShouldBeEmpty();
        await using (var db = database.Context(FixedUser.System))
        {
            var again = await new LoadCatalogue(new ImportRecords(db, FixedUser.System), db).HandleAsync(files);
            again.IsOk.ShouldBeTrue(string.Join("; ", again.Errors));
        }
        await using (var db = database.Context(FixedUser.System))
        {
            (await db.Goals.SingleAsync(g => g.Code == "GOAL-07")).OwnerCode.ShouldBe("JenV");
            (await db.Goals.CountAsync()).ShouldBe(13);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Measure_RefusesBadEffectsAndLinks_NamingFieldAndValue(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await Ok(Add(database, FixedUser.System, "scenario", "S-1", ("title", "Flood"), ("kind", "hazard")));

        var badRange = await Add(database, FixedUser.System, "measure", "M-1", ("title", "Dikes"), ("effects", "S-1: likelihood 0.5-1.4"));
        badRange.Errors.ShouldContain(e => e.Field == "effects" && e.Value.Contains("likelihood 0.5-1.4"));

        var unknownScenario = await Add(database, FixedUser.System, "measure", "M-1", ("title", "Dikes"), ("effects", "S-404: 2.1 0.2-0.4"));
        unknownScenario.Errors.ShouldContain(e => e.Field == "effects" && e.Value == "S-404");

        var self = await Add(database, FixedUser.System, "measure", "M-1", ("title", "Dikes"), ("requires", "M-1"));
        self.IsOk.ShouldBeFalse();

        var unknownPrerequisite = await Add(database, FixedUser.System, "measure", "M-1", ("title", "Dikes"), ("requires", "M-9"));
        unknownPrerequisite.Errors.ShouldContain(e => e.Field == "requires" && e.Value == "M-9");

        await Ok(Add(database, FixedUser.System, "measure", "M-1", ("title", "Dikes"), ("effects", "S-1: likelihood 0.5-0.7-0.9; 2.1 0.3"), ("one_off_cost", "1000000")));
        var update = await Add(database, FixedUser.System, "progress-update", "U-1", ("subject", "goal:GOAL-404"), ("date", "2026-01-01"), ("status", "on-track"));
        update.Errors.ShouldContain(e => e.Field == "subject" && e.Value == "goal:GOAL-404");
        var wrongKind = await Add(database, FixedUser.System, "progress-update", "U-1", ("subject", "scenario:S-1"), ("date", "2026-01-01"), ("status", "on-track"));
        wrongKind.Errors.ShouldContain(e => e.Field == "subject");
        await Ok(Add(database, FixedUser.System, "progress-update", "U-1", ("subject", "measure:M-1"), ("date", "2026-01-01"), ("status", "at-risk")));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Gaps_OnAFixture_FindOwnersMeasuresIndicatorsStaleValuesAndOverdueMilestones(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var u = FixedUser.System;
        await Ok(Add(database, u, "measure", "M-1", ("title", "Exercise"), ("status", "planned"), ("due", "2026-06-30")));
        await Ok(Add(database, u, "measure", "M-2", ("title", "Stockpile"), ("status", "implemented"), ("due", "2026-06-30")));
        await Ok(Edit(database, u, "goal", "GOAL-01", ("owner", "BZ"), ("measures", "M-1;M-2")));
        await Ok(Add(database, u, "indicator", "I-1", ("title", "Early warnings issued"), ("goal", "GOAL-01"), ("target", "10"), ("deadline", "2026-09-30"), ("update_interval_days", "90")));
        await Ok(Add(database, u, "progress-update", "U-1", ("subject", "goal:GOAL-01"), ("indicator", "I-1"), ("value", "4"), ("date", "2026-05-01"), ("status", "at-risk")));

        await using var db = database.Context(u);
        var snapshot = await new LoadStrategy(db).HandleAsync();
        var gaps = StrategyGaps.Find(snapshot, Today);

        gaps.OfKind(GapKind.GoalWithoutOwner).Select(g => g.SubjectCode).ShouldNotContain("GOAL-01");
        gaps.OfKind(GapKind.GoalWithoutOwner).Count.ShouldBe(12);
        gaps.OfKind(GapKind.GoalWithoutMeasure).Select(g => g.SubjectCode).ShouldNotContain("GOAL-01");
        gaps.OfKind(GapKind.GoalWithoutIndicator).Select(g => g.SubjectCode).ShouldNotContain("GOAL-01");
        // Last value 2026-05-01 plus 90 days is long past: the owner's update is overdue.
        gaps.OfKind(GapKind.IndicatorWithoutRecentValue).Select(g => g.SubjectCode).ShouldBe(["I-1"]);
        // I-1 missed its target by its deadline; M-1 is past due and not implemented; M-2 is implemented.
        gaps.OfKind(GapKind.OverdueMilestone).Select(g => g.SubjectCode).OrderBy(c => c).ShouldBe(["I-1", "M-1"]);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PublicAudience_LeavesOutClassifiedAndUnpublishedRecords_CountsThemPerGoal_AndDropsLinksToThem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var u = FixedUser.System;
        await Ok(Add(database, u, "measure", "M-OPEN", ("title", "Public exercise"), ("publishable", "true")));
        await Ok(Add(database, u, "measure", "M-SECRET", ("title", "SECRET-MARKER capability")));
        await Ok(Add(database, u, "measure", "M-INTERNAL", ("title", "Internal note"), ("publishable", "false")));
        await Ok(Edit(database, u, "goal", "GOAL-06", ("measures", "M-OPEN;M-SECRET;M-INTERNAL")));
        // Raised after the goal named it (a reference is never saved pointing up, but its target may be raised later).
        await Ok(Edit(database, u, "measure", "M-SECRET", ("classification", "Stg.G")));

        await using var db = database.Context(u);
        var all = await new LoadStrategy(db).HandleAsync();
        all.Measures.Count.ShouldBe(3);
        all.WithheldCount.ShouldBe(0);

        var pub = await new LoadStrategy(db).HandleAsync(Audience.Public);
        pub.Measures.Select(m => m.Code).ShouldBe(["M-OPEN"]);
        pub.WithheldPerGoal["GOAL-06"].ShouldBe(2);
        pub.Goals.Single(g => g.Code == "GOAL-06").Measures.ShouldBe(["M-OPEN"]);
        StrategyGaps.Find(pub, Today).Gaps.ShouldNotContain(g => g.SubjectCode == "M-SECRET" || g.Explanation.Contains("M-SECRET"));
    }
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PublicGaps_AboutARecordThePublicSees_NameLinkedRecordsThePublicDoesNotSeeAsWithheld(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var u = FixedUser.System;
        await Ok(Add(database, u, "measure", "M-STOPPED", ("title", "Stopped capability"), ("status", "stopped")));
        await Ok(Edit(database, u, "goal", "GOAL-06", ("measures", "M-STOPPED")));
        await Ok(Edit(database, u, "measure", "M-STOPPED", ("classification", "Stg.G")));

        await using var db = database.Context(u);
        var full = await new LoadStrategy(db).HandleAsync();
        var pub = await new LoadStrategy(db).HandleAsync(Audience.Public);
        // On the full data the goal's only measure is stopped, and the caller's gap names it.
        StrategyGaps.Find(full, Today).Gaps.ShouldContain(g => g.SubjectCode == "GOAL-06" && g.Kind == GapKind.GoalWithoutMeasure && g.Explanation.Contains("M-STOPPED"));

        var (gaps, _) = StrategyGaps.ForAudience(full, pub, Today);
        // The public sees the goal, so its gap stands (it is true on the full data), but not the measure's code.
        var gap = gaps.Gaps.Single(g => g.SubjectCode == "GOAL-06" && g.Kind == GapKind.GoalWithoutMeasure);
        gap.Explanation.ShouldNotContain("M-STOPPED");
        gap.Explanation.ShouldContain(RecordReferences.Withheld);
        gap.Message!.Arguments.ShouldNotContain(a => a.ToString()!.Contains("M-STOPPED"));
        gaps.Gaps.ShouldNotContain(g => g.Explanation.Contains("M-STOPPED") || g.Message!.Arguments.Any(a => a.ToString()!.Contains("M-STOPPED")));
    }
}
