using Baken.Methods.Signals;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Application.Signals;
using Baken.Domain.Security;
using Baken.Domain.Signals;
using Baken.Domain.Users;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;
using static Baken.Application.Tests.Strategy.RegisterWrites;

namespace Baken.Application.Tests.Signals;

/// <summary>Signal intake and review, alerts from indicators, and stacked threats, on the register.</summary>
public sealed class SignalWorkflowTests
{
    private static IncomingSignal In(string title, string date, string? url = null, string source = "NOS", string? tags = null, string? rel = "C", string? cred = "3") =>
        new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), title, null, source, url, rel, cred, null,
            tags is null ? [] : tags.Split(';'), null);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Intake_MarksDuplicatesAcrossFeeds_IsIdempotent_AndReviewMergesIntoTheOriginal(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await using (var db = database.Context(FixedUser.System))
        {
            var first = await new SignalIntake(db, new ImportRecords(db, FixedUser.System)).HandleAsync(
                [In("Cyberaanval op haven Rotterdam legt terminals stil", "2026-11-01", "https://nos.nl/artikel/1?utm_source=rss")]);
            first.Value!.Created.ShouldBe(1);
        }
        await using (var db = database.Context(FixedUser.System))
        {
            var second = await new SignalIntake(db, new ImportRecords(db, FixedUser.System)).HandleAsync(
            [
                In("Cyberaanval op haven Rotterdam legt terminals stil", "2026-11-01", "https://nos.nl/artikel/1?utm_source=rss"), // the same entry again
                In("Cyberaanval haven Rotterdam legt terminals stil", "2026-11-02", "https://www.nu.nl/x", "NU.nl"),            // another feed, same story
                In("Droogte bedreigt drinkwater in Limburg", "2026-11-02", "https://nos.nl/artikel/2"),
            ]);
            second.IsOk.ShouldBeTrue(string.Join("; ", second.Errors));
            second.Value!.Created.ShouldBe(2);
            second.Value.AlreadyKnown.ShouldBe(1);
            second.Value.SuggestedDuplicates.ShouldBe(1);
        }
        await using (var db = database.Context(FixedUser.System))
        {
            var signals = await db.Signals.OrderBy(s => s.Date).ToListAsync();
            signals.Count.ShouldBe(3);
            var original = signals.Single(s => s.Url!.Contains("nos.nl/artikel/1"));
            var copy = signals.Single(s => s.Source == "NU.nl");
            copy.DuplicateOf.ShouldBe(original.Code);
            signals.Single(s => s.Title.StartsWith("Droogte")).DuplicateOf.ShouldBeNull();

            var review = new ReviewSignals(db, FixedUser.System, new SaveRecord(db, FixedUser.System));
            (await review.QueueAsync()).Count.ShouldBe(3);
            (await review.DecideAsync(copy.Code, SignalReviewDecision.Merge)).IsOk.ShouldBeTrue();
            (await review.DecideAsync(original.Code, SignalReviewDecision.Accept)).IsOk.ShouldBeTrue();
            (await review.DecideAsync(original.Code, SignalReviewDecision.Merge, into: original.Code)).Errors.ShouldContain(e => e.Field == "into");
            (await review.QueueAsync()).Select(s => s.Title).ShouldBe(["Droogte bedreigt drinkwater in Limburg"]);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Alerts_FireOnEscalationsAndJumps_Once_WithTheIndicatorsClassificationAndCompartments(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await using (var db = database.Context(FixedUser.System))
        {
            db.Compartments.Add(new Compartment("NUC", "Nuclear", 0));
            await db.SaveChangesAsync();
        }
        var u = FixedUser.System;
        await Ok(Add(database, u, "scenario", "S-1", ("title", "Escalation in the east"), ("kind", "threat")));
        await Ok(Add(database, u, "warning-indicator", "W-1", ("title", "Incidents"), ("amber", "10"), ("red", "20"), ("jump_factor", "2"), ("scenarios", "S-1"),
            ("classification", "Stg.C"), ("compartments", "NUC")));
        var values = new[] { ("2020-12-31", 2.0), ("2021-12-31", 3.0), ("2022-12-31", 12.0), ("2023-12-31", 8.0), ("2024-12-31", 25.0) };
        foreach (var (date, value) in values)
            await Ok(Add(database, u, "observation", $"W-1-{date[..4]}", ("indicator", "W-1"), ("date", date), ("value", value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("classification", "Stg.C"), ("compartments", "NUC")));

        await using (var db = database.Context(u))
        {
            var made = (await new EvaluateAlerts(db, new ImportRecords(db, u)).HandleAsync()).Value!;
            // Green→amber in 2022, amber→red in 2024 (2023's drop to green is not an alert); jumps: 2022 (12 vs 2.5) and 2024 (25 vs 7.67).
            made.Select(a => (a.Date.Year, a.ToLevel)).OrderBy(x => x).ShouldBe([(2022, "amber"), (2022, "jump"), (2024, "jump"), (2024, "red")]);
            made.ShouldAllBe(a => a.ClassificationLevel == ClassificationLevel.StaatsgeheimConfidentieel && a.CompartmentMask == 1 && a.Scenarios.SequenceEqual(new[] { "S-1" }));
        }
        await using (var db = database.Context(u))
            (await new EvaluateAlerts(db, new ImportRecords(db, u)).HandleAsync()).Value!.ShouldBeEmpty();
        var outsider = new FixedUser("outsider", ClassificationLevel.StaatsgeheimZeerGeheim, 0, [Roles.Analyst]);
        await using (var db = database.Context(outsider))
            (await db.Alerts.CountAsync()).ShouldBe(0);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Alerts_NameTheScenariosOfTheIndicatorsThemeTrendAndScenarioTags_NeverOneAboveTheIndicator(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var u = FixedUser.System;
        await Ok(Add(database, u, "scenario", "S-CYB-1", ("title", "Ransomware at a port"), ("kind", "threat"), ("theme", "T8"), ("classification", "Dep.V")));
        await Ok(Add(database, u, "scenario", "S-CYB-2", ("title", "Wiper on the grid"), ("kind", "threat"), ("theme", "T8"), ("classification", "Stg.G")));
        await Ok(Add(database, u, "scenario", "S-FLOOD", ("title", "Dike breach"), ("kind", "hazard"), ("theme", "T1")));
        await Ok(Add(database, u, "scenario", "S-DRY", ("title", "Drought"), ("kind", "hazard"), ("theme", "T1")));
        await Ok(Add(database, u, "scenario", "S-OTHER", ("title", "Unrelated"), ("kind", "hazard"), ("theme", "T3")));
        await Ok(Add(database, u, "trend", "TR-CLIMATE", ("name", "Klimaatverandering"), ("scenarios", "S-DRY")));
        // No 'scenarios' of its own: the theme tag links the T8 scenarios (not the Stg.G one above the indicator), the trend
        // tag the trend's scenario, the scenario tag one more.
        await Ok(Add(database, u, "warning-indicator", "W-RANSOM", ("title", "Ransomware incidents"), ("amber", "10"), ("red", "20"),
            ("tags", "theme:T8;trend:TR-CLIMATE;scenario:S-FLOOD;country:NL"), ("classification", "Dep.V")));
        await Ok(Add(database, u, "observation", "W-RANSOM-1", ("indicator", "W-RANSOM"), ("date", "2026-10-31"), ("value", "22"), ("classification", "Dep.V")));

        await using var db = database.Context(u);
        var made = (await new EvaluateAlerts(db, new ImportRecords(db, u)).HandleAsync()).Value!;
        made.Single().Scenarios.ShouldBe(["S-CYB-1", "S-DRY", "S-FLOOD"]);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StackedThreats_ThreeWeakSignalsFromThreeSources_OnOneVitalProcess_MakeAFinding(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await using (var db = database.Context(FixedUser.System))
        {
            var intake = await new SignalIntake(db, new ImportRecords(db, FixedUser.System)).HandleAsync(
            [
                In("Verkenning van schakelstations gemeld", "2026-09-01", source: "Politie", tags: "vital-process:1", rel: "C", cred: "3"),
                In("Onbekende drones boven energiecentrale", "2026-10-01", source: "Defensie", tags: "vital-process:1", rel: "C", cred: "3"),
                In("Phishing gericht op netbeheerders", "2026-11-01", source: "NCSC", tags: "vital-process:1;sector:energy", rel: "C", cred: "3"),
                In("Eén losse melding over water", "2026-11-01", source: "NCSC", tags: "vital-process:2", rel: "C", cred: "3"),
                // The same story from another outlet a day later: a likely duplicate, not a fourth event.
                In("Phishing gericht op de netbeheerders", "2026-11-02", source: "NU.nl", tags: "vital-process:1", rel: "C", cred: "3"),
            ]);
            intake.IsOk.ShouldBeTrue(string.Join("; ", intake.Errors));
        }
        await using (var db = database.Context(FixedUser.System))
        {
            var findings = await new StackedThreatScan(db).HandleAsync(new DateOnly(2026, 11, 23));
            var finding = findings.ShouldHaveSingleItem();
            finding.Target.ShouldBe("vital-process:1");
            finding.Parts.Count.ShouldBe(3);
            // C3 weighs 0.6 × 0.6 = 0.36 in the indicative table; three make 1.08 ≥ the stack threshold 1.
            finding.Pressure.ShouldBe(3 * 0.36, 1e-9);
            (await new StackedThreatScan(db).HandleAsync(new DateOnly(2026, 11, 23), new StackSettings(windowDays: 45))).ShouldBeEmpty();
        }
    }
}
