using Baken.Methods.Risk;
using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Capabilities;
using Baken.Application.Common;
using Baken.Domain;
using Baken.Domain.Capabilities;
using Baken.Domain.Register;
using Baken.Domain.Security;
using Baken.Domain.Strategy;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Tests.Capabilities;

/// <summary>The capability analysis (METHODS §8): needs, holdings and raises parsed once; shortfalls weighed by risk.</summary>
public sealed class CapabilityGapsTests
{
    [Fact]
    public void ParseNeeds_PhaseAndLevel_AreTyped()
    {
        var needs = CapabilityLevels.ParseNeeds("CAP-MED@response=4; CAP-COMM=3", "capabilities");

        needs.ShouldBe([new CapabilityNeed("CAP-MED", CapabilityPhase.Response, 4), new CapabilityNeed("CAP-COMM", CapabilityPhase.Any, 3)]);
        CapabilityLevels.FormatNeeds(needs).ShouldBe("CAP-MED@response=4; CAP-COMM=3");
    }

    [SkippableTheory]
    [InlineData("CAP-MED=5", "a level from 0 to 4")]
    [InlineData("CAP-MED@later=2", "a phase of prevention, preparation, response or recovery")]
    [InlineData("CAP-MED", "Capabilities needed and level 0–4")]
    [InlineData("CAP-MED=2; CAP-MED=3", "each capability (and phase) once")]
    public void ParseNeeds_BadText_NamesTheFieldTheItemAndWhatIsAllowed(string text, string allowed)
    {
        var e = Should.Throw<DomainValidationException>(() => CapabilityLevels.ParseNeeds(text, "capabilities"));

        e.Message.ShouldContain("capabilities");
        e.Message.ShouldContain(allowed);
    }

    [Fact]
    public void ParseRaises_PlusForm_AndZeroIsRefused()
    {
        CapabilityLevels.ParseRaises("CAP-MED+1; CAP-COMM+2", "capability_raises").ShouldBe([new CapabilityRaise("CAP-MED", 1), new CapabilityRaise("CAP-COMM", 2)]);
        Should.Throw<DomainValidationException>(() => CapabilityLevels.ParseRaises("CAP-MED+0", "capability_raises")).Message.ShouldContain("a raise of 1 to 4 levels");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Gaps_ExampleRegister_ShortfallsWeighedByTheRiskOfTheScenariosThatNeedThem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await using (var db = database.Context(FixedUser.System))
        {
            var rows = File.ReadAllLines(SharedData.File("examples/assessments-example.csv")).Select((l, i) => new AssessmentRawRow(i + 1, l.Split(','))).ToList();
            (await new ImportAssessmentTable(db, FixedUser.System, new LoadAnalysisCatalogue(db)).HandleAsync(rows)).IsOk.ShouldBeTrue();
            // Consensus of the example (reference values): E-DROUGHT D, I = 22; E-ZOONOSE D, 15; E-RANSOM B, 13.5; E-SUBVERT C, 12.
            (await new RunIntegratedAnalysis(db, FixedUser.System, TimeProvider.System, new LoadAnalysisCatalogue(db))
                .HandleAsync(new RunIntegratedAnalysisRequest(Iterations: 0))).IsOk.ShouldBeTrue();

            var scenarios = await db.Scenarios.ToDictionaryAsync(s => s.Code);
            scenarios["E-DROUGHT"].Capabilities = CapabilityLevels.ParseNeeds("CAP-MED@response=3; CAP-COMM=2", "capabilities");
            scenarios["E-ZOONOSE"].Capabilities = CapabilityLevels.ParseNeeds("CAP-MED=4", "capabilities");
            scenarios["E-RANSOM"].Capabilities = CapabilityLevels.ParseNeeds("CAP-CYBER=4; CAP-COMM=4", "capabilities");
            scenarios["E-SUBVERT"].Capabilities = CapabilityLevels.ParseNeeds("CAP-CYBER=2", "capabilities");
            var a = new Organisation { Name = "Organisatie A", Capabilities = CapabilityLevels.ParseLevels("CAP-MED=2; CAP-COMM=3", "capabilities") };
            a.Recode("ORG-A");
            var b = new Organisation { Name = "Organisatie B", Capabilities = CapabilityLevels.ParseLevels("CAP-MED=1; CAP-CYBER=1", "capabilities") };
            b.Recode("ORG-B");
            var done = new Measure { Title = "CERT uitgebreid", Status = MeasureStatus.Implemented, CapabilityRaises = CapabilityLevels.ParseRaises("CAP-CYBER+1", "capability_raises") };
            done.Recode("M-CERT");
            var planned = new Measure { Title = "Opschalingsplan ziekenhuizen", Status = MeasureStatus.Planned, CapabilityRaises = CapabilityLevels.ParseRaises("CAP-MED+2", "capability_raises") };
            planned.Recode("M-ZKH");
            var stopped = new Measure { Title = "Gestopt", Status = MeasureStatus.Stopped, CapabilityRaises = CapabilityLevels.ParseRaises("CAP-COMM+4", "capability_raises") };
            stopped.Recode("M-STOP");
            db.AddRecord(a);
            db.AddRecord(b);
            db.AddRecord(done);
            db.AddRecord(planned);
            db.AddRecord(stopped);
            await db.SaveChangesAsync();
        }

        await using var ctx = database.Context(FixedUser.System);
        var report = (await new CapabilityGaps(ctx).HandleAsync()).Value!;

        report.RunCode.ShouldNotBeNull();
        // Risk score f^(L−1)·I with f = 3: E-DROUGHT 27·22 = 594, E-ZOONOSE 27·15 = 405, E-RANSOM 3·13.5 = 40.5, E-SUBVERT 9·12 = 108.
        var med = report.Totals[0];
        med.Capability.ShouldBe("CAP-MED");
        (med.Available, med.AfterPlanned, med.ScenariosNeeding, med.ScenariosShort, med.LargestShortfall).ShouldBe((2, 4, 2, 2, 2));
        med.RiskAtStake.ShouldBe(999, 1e-9);
        med.ShortFor.ShouldBe(["E-DROUGHT", "E-ZOONOSE"]);
        med.Indicative.ShouldBeTrue(); // from the starter catalogue
        // A tie in risk (40.5 each) goes to the larger shortfall: cyber (2 + 1 raised by the implemented measure = 2 of 4) before communication (3 of 4).
        report.Totals[1].Capability.ShouldBe("CAP-CYBER");
        (report.Totals[1].Available, report.Totals[1].LargestShortfall, report.Totals[1].ShortFor.Single()).ShouldBe((2, 2, "E-RANSOM"));
        report.Totals[2].Capability.ShouldBe("CAP-COMM");
        report.Totals[2].Available.ShouldBe(3); // the stopped measure raises nothing
        report.Totals[2].RiskAtStake.ShouldBe(40.5, 1e-9);
        report.Totals.Skip(3).ShouldAllBe(t => t.ScenariosShort == 0 && t.RiskAtStake == 0);

        var zoonose = report.For("E-ZOONOSE").Single();
        (zoonose.Required, zoonose.Available, zoonose.Shortfall, zoonose.AfterPlanned, zoonose.ShortfallAfterPlanned, zoonose.Rank).ShouldBe((4, 2, 2, 4, 0, 2));
        zoonose.Holders.ShouldBe(["ORG-A (2)", "ORG-B (1)"]);
        zoonose.RaisingMeasures.ShouldBe(["M-ZKH"]);
        report.For("E-DROUGHT").Single(l => l.Capability == "CAP-MED").Phase.ShouldBe(CapabilityPhase.Response);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Gaps_ScenarioAboveTheReadersClearance_IsLeftOutEntirely(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await using (var db = database.Context(FixedUser.System))
        {
            var open = new Scenario { Title = "Open", Kind = RiskKind.Hazard, Capabilities = CapabilityLevels.ParseNeeds("CAP-MED=3", "capabilities") };
            open.Recode("S-OPEN");
            var secret = new Scenario { Title = "Geheim scenario", Kind = RiskKind.Threat, Capabilities = CapabilityLevels.ParseNeeds("CAP-CYBER=4", "capabilities") };
            secret.Recode("S-SECRET");
            secret.Classify(new Classification(ClassificationLevel.StaatsgeheimGeheim, 0));
            db.AddRecord(open);
            db.AddRecord(secret);
            await db.SaveChangesAsync();
        }
        var reader = new FixedUser("reader", ClassificationLevel.Ongerubriceerd, 0, []);
        await using var ctx = database.Context(reader);

        var report = (await new CapabilityGaps(ctx).HandleAsync()).Value!;

        report.Lines.Select(l => l.Scenario).ShouldBe(["S-OPEN"]);
        report.Totals.Single(t => t.Capability == "CAP-CYBER").ScenariosNeeding.ShouldBe(0);
    }
}
