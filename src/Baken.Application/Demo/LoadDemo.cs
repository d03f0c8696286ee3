using System.Globalization;
using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Common;
using Baken.Application.Dependencies;
using Baken.Application.Register;
using Baken.Application.Signals;
using Baken.Application.Users;
using Baken.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Demo;

/// <param name="AnalystPassword">The password of the three demo analysts; null gives each a one-time password (printed once).</param>
/// <param name="CodeVersion">The code version the analysis run records.</param>
/// <param name="Progress">Told each step's name as it starts, for a progress display.</param>
public sealed record LoadDemoRequest(string? AnalystPassword, string CodeVersion, IProgress<string>? Progress = null);

public sealed record DemoAnalystAccount(string UserName, string Clearance, string Organisation, string? OneTimePassword);

public sealed record DemoSummary(int Scenarios, int Assessments, IReadOnlyList<DemoAnalystAccount> Analysts, int Signals, int Alerts,
    int Dependencies, int Measures, int Indicators, int ProgressUpdates, int Meetings, int Actions, string? RunCode);

/// <summary>
/// Loads the fictional demonstration picture across the whole chain — analysts, scenarios and their assessments, signals
/// and an alert, a cascade, a dependency screen, measures, the strategy's follow-up, two councils' meetings with
/// decisions and an overdue action, and one analysis run — through the same use cases as a user would, so versions
/// and history are as they would be. Only into a register without scenarios: a second run refuses and writes nothing.
/// </summary>
public sealed class LoadDemo(
    IBakenDb db,
    ICurrentUser user,
    TimeProvider clock,
    AddUser addUser,
    ImportAssessmentTable importAssessments,
    ImportRecords import,
    SaveRecord save,
    SignalIntake intake,
    ReviewSignals review,
    EvaluateAlerts evaluateAlerts,
    RunIntegratedAnalysis analyse,
    IDemoTradeScreen trade,
    IDatabaseTransactions transactions)
{
    public async Task<Result<DemoSummary>> HandleAsync(LoadDemoRequest request, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.Administrator))
            return Result<DemoSummary>.Forbidden(AllowedTexts.DemoAdministratorOnly);
        // Existence at any level: the demo never mixes with a real register, even one the caller cannot fully see.
        if (await db.Scenarios.IgnoreQueryFilters().AnyAsync(ct))
            return Result<DemoSummary>.Conflict(AllowedTexts.DemoRegisterNotEmpty);
        var step = request.Progress;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        step?.Report("analysts");
        var accounts = new List<DemoAnalystAccount>();
        if (await AllOrNothingAsync(async t =>
        {
            foreach (var a in DemoPicture.Analysts)
            {
                if (await db.Users.AnyAsync(u => u.UserName == a.UserName, t))
                    return Result<DemoSummary>.Conflict(AllowedTexts.DemoUserExists.With(a.UserName));
                var added = await addUser.HandleAsync(new AddUserRequest(a.UserName, a.Clearance, null, Roles.Analyst, request.AnalystPassword, a.DisplayName, a.Organisation), t);
                if (!added.IsOk) return Fail(added);
                accounts.Add(new DemoAnalystAccount(a.UserName, added.Value!.Clearance, a.Organisation, added.Value.OneTimePassword));
            }
            return null;
        }, ct) is { } failed1) return failed1;

        step?.Report("risks and sources");
        if (await AllOrNothingAsync(async t =>
        {
            var risks = DemoPicture.Risks.Select(r => Row(r.Code, ("title", r.Title), ("theme", r.Theme), ("kind", r.Kind),
                ("description", "FICTIEF / FICTIONAL — een risico uit de demonstratie."))).ToList();
            if (await Import("risk", risks, t) is { } e1) return e1;
            if (await Import("source", [
                    Row("DEMO-SRC-ANV", ("title", "Fictieve themarapportage van het analistennetwerk (demo)"), ("organisation", "ANV"), ("published", DemoPicture.Day(today.AddMonths(-3)))),
                    Row("DEMO-SRC-CPB", ("title", "Fictieve kosten-batenraming van maatregelen (demo)"), ("organisation", "CPB"), ("published", DemoPicture.Day(today.AddMonths(-2)))),
                ], t) is { } e2) return e2;
            if (await Import("actor", [
                    Row("DEMO-ACT-STATE", ("name", "Statelijke actor Noord (fictief)"), ("actor_type", "state"), ("description", "FICTIEF / FICTIONAL")),
                    Row("DEMO-ACT-CRIME", ("name", "Ransomwaregroep 'Grijze Reiger' (fictief)"), ("actor_type", "non-state"), ("description", "FICTIEF / FICTIONAL")),
                ], t) is { } e3) return e3;
            return null;
        }, ct) is { } failed2) return failed2;

        step?.Report("assessments");
        var table = DemoPicture.AssessmentTable();
        var assessmentRows = table.Count - 1;
        if (await AllOrNothingAsync(async t =>
        {
            var imported = await importAssessments.HandleAsync(table, t);
            if (!imported.IsOk) return Fail(imported);
            // The assessment file carries no narrative: the scenarios get it (and the cascade's first disruptions) as an edit.
            var narratives = DemoPicture.Scenarios.Select(s => Row(s.Code, ("risk", s.Risk), ("narrative", "FICTIEF / FICTIONAL. " + s.Narrative),
                ("disruptions", s.Disruptions), ("classification", s.Classification))).ToList();
            if (await Import("scenario", narratives, t) is { } e4) return e4;
            var assessments = await db.Assessments.Where(a => a.ScenarioCode.StartsWith(DemoPicture.CodePrefix)).Select(a => a.Code).ToListAsync(t);
            if (await Import("assessment", assessments.Select(c => Row(c)).ToList(), t) is { } e5) return e5;
            return null;
        }, ct) is { } failed3) return failed3;

        step?.Report("signals");
        var signalsCreated = 0;
        if (await AllOrNothingAsync(async t =>
        {
            var taken = await intake.HandleAsync(Signals(today), null, t);
            if (!taken.IsOk) return Fail(taken);
            foreach (var code in taken.Value!.Codes.Take(3))
            {
                var decided = await review.DecideAsync(code, SignalReviewDecision.Accept, null, t);
                if (!decided.IsOk) return Fail(decided);
            }
            signalsCreated = taken.Value.Created;
            return null;
        }, ct) is { } failed4) return failed4;

        step?.Report("early warning");
        if (await AllOrNothingAsync(async t =>
        {
            if (await Import("warning-indicator", [
                    Row("DEMO-WI-RANSOM", ("title", "Gemelde ransomware-incidenten bij vitale aanbieders per maand (fictief)"), ("unit", "incidenten"),
                        ("direction", "rising"), ("amber", "12"), ("red", "20"), ("tags", "theme:T8;scenario:DEMO-T8-RANSOM"), ("source", "Fictieve meldingen (demo)")),
                ], t) is { } e6) return e6;
            double[] monthly = [6, 7, 9, 8, 11, 13, 15, 22];
            var observations = monthly.Select((v, i) => Row($"DEMO-WI-RANSOM-{i + 1:00}", ("indicator", "DEMO-WI-RANSOM"),
                ("date", DemoPicture.Day(new DateOnly(today.Year, today.Month, 1).AddMonths(i - monthly.Length))), ("value", v.ToString(CultureInfo.InvariantCulture)))).ToList();
            if (await Import("observation", observations, t) is { } e7) return e7;

            // The catalogue's GBVS trends as the long lines behind the picture: the scenarios they drive (the demo's signals carry
            // their 'trend:' tags), so /trends shows each trend with its signals, its scenarios and the open alert on ransomware.
            foreach (var (trend, scenarios, horizon, direction) in new[]
                     {
                         ("2.3", "DEMO-T8-RANSOM;DEMO-T7-CHIPS", "10", "rising"),
                         ("2.2.e", "DEMO-T1-HEAT;DEMO-T1-FLOOD", "20", "rising"),
                         ("2.1", "DEMO-T7-CHIPS", "15", "rising"),
                     })
            {
                var saved = await save.HandleAsync(new SaveRecordRequest("trend", trend, new Dictionary<string, string?>
                {
                    // The catalogue's trends are public: a reference never points up, so they name only the unclassified scenarios.
                    ["scenarios"] = string.Join(";", scenarios.Split(';').Where(PublicScenario)), ["horizon_years"] = horizon, ["direction"] = direction, ["confidence"] = "medium",
                }, SaveMode.Update), t);
                if (!saved.IsOk) return Fail(saved);
            }

            // Horizon scanning: one exploratory frame on the catalogue's trends, its worlds still to be made scenarios.
            if (await Import("scenario-frame", [
                    Row("DEMO-SF-2040", ("title", "Nederland in 2040 (fictief)"), ("horizon_years", "15"),
                        ("uncertainty_a", "Internationale orde"), ("a_low", "versplinterd in blokken"), ("a_high", "hersteld multilateraal"),
                        ("uncertainty_b", "Technologische afhankelijkheid van Europa"), ("b_low", "strategisch autonoom"), ("b_high", "blijvend afhankelijk"),
                        ("world_1", "FICTIEF. Blokken met eigen technologie; Europa redt zich, duur en traag."),
                        ("world_2", "FICTIEF. Blokken, en Europa hangt voor chips en grondstoffen af van rivalen: chantage wordt gewoon."),
                        ("world_3", "FICTIEF. Een herstelde orde en een Europa dat zelf maakt wat het nodig heeft."),
                        ("world_4", "FICTIEF. Een herstelde orde, maar Europa blijft afhankelijk: open handel, kwetsbare ketens.")),
                ], t) is { } eFrame) return eFrame;
            return null;
        }, ct) is { } failed5) return failed5;

        step?.Report("dependency screen");
        var screened = trade.Screen(await ProductDomains.LoadAsync(db, ct));
        if (await AllOrNothingAsync(async t =>
        {
            // The screen's records, the concentration series that names them and the first dependency's assessment: together or not at all.
            if (await Import("dependency", Mark(screened.Dependencies), t) is { } e8) return e8;
            if (await Import("warning-indicator", Mark(screened.Indicators), t) is { } e9) return e9;
            if (await Import("observation", screened.Observations, t) is { } e10) return e10;
            var firstDependency = screened.Dependencies.Select(d => d.Values["code"]).FirstOrDefault();
            if (firstDependency is not null && await Import("dependency", [Row(firstDependency!, ("scenario", "DEMO-T7-CHIPS"), ("status", "assessed"),
                    ("options", "diversify (chosen): tweede leverancier binnen drie jaar, 15% duurder\nstockpile (rejected): voorraad voor zes maanden, eenmalig €40m\ncounter-power: via de EU, alleen bij chantage"))], t) is { } e11) return e11;
            return null;
        }, ct) is { } failed6) return failed6;

        var alerts = await evaluateAlerts.HandleAsync(null, ct);
        if (!alerts.IsOk) return Fail(alerts);

        step?.Report("analysis");
        var run = await analyse.HandleAsync(new RunIntegratedAnalysisRequest(Iterations: 2_000, Seed: 2026, CodeVersion: request.CodeVersion), ct);
        if (!run.IsOk) return Fail(run);

        step?.Report("measures");
        var measures = Measures(today);
        if (await Import("measure", measures, ct) is { } e12) return e12;

        step?.Report("strategy");
        var indicators = new List<ImportRow>
        {
            Row("DEMO-IND-PATCH", ("title", "Vitale aanbieders met kritieke kwetsbaarheden binnen 14 dagen gedicht (%)"), ("goal", "GOAL-06"), ("unit", "%"),
                ("direction", "increase"), ("baseline", "55"), ("baseline_date", DemoPicture.Day(today.AddYears(-2))), ("target", "90"),
                ("deadline", DemoPicture.Day(today.AddYears(2))), ("owner", "NCSC"), ("update_interval_days", "90")),
            Row("DEMO-IND-EXERCISE", ("title", "Gemeenten die de evenementenoefening hielden"), ("goal", "GOAL-07"), ("unit", "gemeenten"),
                ("direction", "increase"), ("baseline", "40"), ("baseline_date", DemoPicture.Day(today.AddYears(-1))), ("target", "200"),
                ("deadline", DemoPicture.Day(today.AddYears(1))), ("owner", "NCTV"), ("update_interval_days", "180")),
            Row("DEMO-IND-DEPENDENCY", ("title", "Productgroepen met één dominante leverancier"), ("goal", "GOAL-09"), ("unit", "productgroepen"),
                ("direction", "decrease"), ("baseline", "14"), ("baseline_date", DemoPicture.Day(today.AddYears(-2))), ("target", "6"),
                ("deadline", DemoPicture.Day(today.AddYears(3))), ("owner", "EZK"), ("update_interval_days", "180")),
        };
        var updates = new List<ImportRow>
        {
            Row("DEMO-PU-1", ("subject", "goal:GOAL-06"), ("date", DemoPicture.Day(today.AddMonths(-7))), ("status", "on-track"), ("indicator", "DEMO-IND-PATCH"), ("value", "64"), ("comment", "Fictief: meldplicht werkt.")),
            Row("DEMO-PU-2", ("subject", "goal:GOAL-06"), ("date", DemoPicture.Day(today.AddMonths(-1))), ("status", "on-track"), ("indicator", "DEMO-IND-PATCH"), ("value", "71"), ("comment", "Fictief: meer aanbieders aangesloten."), ("evidence", "DEMO-SRC-ANV")),
            Row("DEMO-PU-3", ("subject", "goal:GOAL-07"), ("date", DemoPicture.Day(today.AddMonths(-2))), ("status", "at-risk"), ("indicator", "DEMO-IND-EXERCISE"), ("value", "62"), ("comment", "Fictief: oefenprogramma loopt achter door capaciteit.")),
            Row("DEMO-PU-4", ("subject", "goal:GOAL-09"), ("date", DemoPicture.Day(today.AddMonths(-3))), ("status", "off-track"), ("indicator", "DEMO-IND-DEPENDENCY"), ("value", "15"), ("comment", "Fictief: nieuwe afhankelijkheid bij halfgeleiders.")),
            Row("DEMO-PU-5", ("subject", "measure:DEMO-M-CYBER"), ("date", DemoPicture.Day(today.AddMonths(-1))), ("status", "on-track"), ("comment", "Fictief: aanbesteding gegund.")),
            Row("DEMO-PU-6", ("subject", "measure:DEMO-M-STOCK"), ("date", DemoPicture.Day(today.AddMonths(-4))), ("status", "at-risk"), ("comment", "Fictief: opslaglocatie nog niet gevonden.")),
        };
        if (await AllOrNothingAsync(async t =>
        {
            foreach (var (goal, owner, scenarios, linked) in new[]
                     {
                         ("GOAL-06", "NCSC", "DEMO-T8-RANSOM;DEMO-T8-SABOTAGE", "DEMO-M-CYBER;DEMO-M-BACKUP"),
                         ("GOAL-07", "NCTV", "DEMO-T4-ATTACK;DEMO-T4-UNREST", "DEMO-M-EVENTS"),
                         ("GOAL-08", "BZK", "DEMO-T5-ELECTION;DEMO-T5-DIASPORA", "DEMO-M-ELECTION"),
                         ("GOAL-09", "EZK", "DEMO-T7-CHIPS;DEMO-T7-TAKEOVER;DEMO-T7-ENERGY", "DEMO-M-STOCK;DEMO-M-SCREENING"),
                     })
            {
                var saved = await save.HandleAsync(new SaveRecordRequest("goal", goal, new Dictionary<string, string?>
                {
                    // The catalogue's goals are public: a reference never points up, so they name only the unclassified scenarios.
                    ["owner"] = owner, ["scenarios"] = string.Join(";", scenarios.Split(';').Where(PublicScenario)), ["measures"] = linked,
                }, SaveMode.Update), t);
                if (!saved.IsOk) return Fail(saved);
            }
            if (await Import("indicator", indicators, t) is { } e13) return e13;
            if (await Import("progress-update", updates, t) is { } e14) return e14;
            return null;
        }, ct) is { } failed7) return failed7;

        step?.Report("councils");
        var (meetings, items, decisions, actions) = Councils(today);
        if (await AllOrNothingAsync(async t =>
        {
            if (await Import("meeting", meetings, t) is { } e15) return e15;
            if (await Import("agenda-item", items, t) is { } e16) return e16;
            if (await Import("decision", decisions, t) is { } e17) return e17;
            if (await Import("action", actions, t) is { } e18) return e18;
            return null;
        }, ct) is { } failed8) return failed8;

        return Result<DemoSummary>.Ok(new DemoSummary(DemoPicture.Scenarios.Count, assessmentRows, accounts, signalsCreated, alerts.Value!.Count,
            screened.Dependencies.Count, measures.Count, indicators.Count, updates.Count, meetings.Count, actions.Count, run.Value!.RunCode));
    }

    private static List<IncomingSignal> Signals(DateOnly today)
    {
        IncomingSignal S(int daysAgo, string title, string summary, string source, string reliability, string credibility, string tags, string level = "Ongerubriceerd") =>
            new(today.AddDays(-daysAgo), title, "FICTIEF / FICTIONAL. " + summary, source, null, reliability, credibility, level,
                tags.Split(';', StringSplitOptions.RemoveEmptyEntries));
        return
        [
            S(2, "Golf van phishing gericht op medewerkers van waterschappen", "Meerdere waterschappen melden gerichte phishing met valse storingsmeldingen.", "NCSC (fictief)", "B", "2", "theme:T8;vital-process:11;trend:2.3"),
            S(3, "Ransomwaregroep eist losgeld van regionaal ziekenhuis", "Een groep claimt data van een ziekenhuis te hebben buitgemaakt.", "Nieuwsbericht (fictief)", "C", "3", "theme:T8;scenario:DEMO-T8-RANSOM;trend:2.3"),
            S(5, "Lage Rijnafvoer verwacht na droog voorjaar", "Prognoses wijzen op afvoer onder de 1000 m³/s in de zomer.", "Rijkswaterstaat (fictief)", "A", "2", "theme:T1;scenario:DEMO-T1-HEAT;trend:2.2.e"),
            S(8, "Exportbeperking op grondstof voor halfgeleiders aangekondigd", "Een grote producent kondigt vergunningplicht aan voor de uitvoer van gallium.", "Handelsbericht (fictief)", "B", "2", "theme:T7;scenario:DEMO-T7-CHIPS;trend:2.1"),
            S(9, "Nieuwe variant vogelgriep bij zoogdieren gemeld", "In een buurland is een variant bij nertsen aangetroffen.", "RIVM (fictief)", "A", "3", "theme:T2;scenario:DEMO-T2-PANDEMIC"),
            S(12, "Onbekend schip lang stil boven datakabel in de Noordzee", "Een vaartuig zonder AIS-signaal lag zes uur boven een kabeltracé.", "Kustwacht (fictief)", "B", "3", "theme:T9;scenario:DEMO-T9-CABLE", "Departementaal Vertrouwelijk"),
            S(15, "Desinformatiecampagne rond gemeenteraadsverkiezingen", "Een netwerk van nepaccounts verspreidt gemanipuleerde video's.", "Onderzoeksplatform (fictief)", "C", "3", "theme:T5;scenario:DEMO-T5-ELECTION;trend:2.3"),
            S(20, "Oproep tot geweld tijdens grote demonstratie", "Op een besloten kanaal wordt opgeroepen tot geweld tegen de politie.", "Open bron (fictief)", "D", "4", "theme:T4;scenario:DEMO-T4-UNREST"),
        ];
    }

    private static bool PublicScenario(string code) =>
        DemoPicture.Scenarios.Any(s => s.Code == code && s.Classification == "Ongerubriceerd");

    private static List<ImportRow> Measures(DateOnly today)
    {
        var year = today.Year.ToString(CultureInfo.InvariantCulture);
        var next = (today.Year + 1).ToString(CultureInfo.InvariantCulture);
        ImportRow M(string code, string title, string pillar, string type, string owner, string status, string oneOff, string yearly, string start, string lifetime,
            string effects, string? requires = null, string? excludes = null) =>
            Row(code, ("title", title), ("description", "FICTIEF / FICTIONAL — maatregel uit de demonstratie."), ("pillar", pillar), ("type", type), ("owner", owner),
                ("status", status), ("one_off_cost", oneOff), ("yearly_cost", yearly), ("start_year", start), ("lifetime_years", lifetime),
                ("due", DemoPicture.Day(today.AddMonths(code.Length % 2 == 0 ? -2 : 8))), ("effects", effects), ("requires", requires), ("excludes", excludes),
                ("evidence", "DEMO-SRC-CPB"));
        return
        [
            M("DEMO-M-CYBER", "Landelijk dekkend cyberweerbaarheidsnetwerk", "verdedigen", "preventive", "NCSC", "in-progress", "40000000", "12000000", year, "10",
                "DEMO-T8-RANSOM: likelihood 0.6-0.7-0.85; 3.1 0.2-0.3-0.4\nDEMO-T8-SABOTAGE: likelihood 0.8-0.9-1; 5.1 0.1-0.2-0.3"),
            M("DEMO-M-BACKUP", "Offline back-ups verplicht voor zorginstellingen", "versterken", "preparatory", "VWS", "planned", "25000000", "5000000", next, "8",
                "DEMO-T8-RANSOM: 5.1 0.3-0.4-0.5; 2.2 0.1-0.2-0.3", requires: "DEMO-M-CYBER"),
            M("DEMO-M-DIKES", "Versneld versterken van primaire keringen", "versterken", "preventive", "IenW", "in-progress", "900000000", "20000000", year, "50",
                "DEMO-T1-FLOOD: likelihood 0.4-0.5-0.6"),
            M("DEMO-M-EVENTS", "Beveiligingsprotocol voor grote evenementen", "voorkomen", "preparatory", "JenV", "implemented", "5000000", "3000000", year, "10",
                "DEMO-T4-ATTACK: likelihood 0.8-0.9-1; 2.1 0.2-0.3-0.4"),
            M("DEMO-M-ELECTION", "Weerbaarheidsprogramma verkiezingen", "voorkomen", "preventive", "BZK", "planned", "8000000", "2000000", next, "6",
                "DEMO-T5-ELECTION: likelihood 0.7-0.8-0.9; 5.2 0.2-0.3-0.4"),
            M("DEMO-M-STOCK", "Strategische voorraad kritieke componenten", "versterken", "preparatory", "EZK", "proposed", "120000000", "15000000", next, "10",
                "DEMO-T7-CHIPS: 3.1 0.3-0.4-0.5; 5.1 0.2-0.3-0.4", excludes: "DEMO-M-RESHORE"),
            M("DEMO-M-RESHORE", "Subsidie voor chipproductie in Europa", "versterken", "preventive", "EZK", "proposed", "600000000", "30000000", next, "15",
                "DEMO-T7-CHIPS: likelihood 0.5-0.6-0.8; 3.1 0.1-0.2-0.3"),
            M("DEMO-M-SCREENING", "Investeringstoets voor vitale bedrijven", "verdedigen", "preventive", "EZK", "implemented", "3000000", "4000000", year, "10",
                "DEMO-T7-TAKEOVER: likelihood 0.3-0.4-0.5"),
            M("DEMO-M-GRID", "Noodstroom voor drinkwater en telecom", "versterken", "preparatory", "IenW", "planned", "70000000", "6000000", next, "20",
                "DEMO-T9-POWER: 5.1 0.3-0.4-0.5; 2.3 0.3-0.4-0.5\nDEMO-T8-SABOTAGE: 5.1 0.1-0.2-0.3"),
        ];
    }

    private static (List<ImportRow> Meetings, List<ImportRow> Items, List<ImportRow> Decisions, List<ImportRow> Actions) Councils(DateOnly today)
    {
        string D(int days) => DemoPicture.Day(today.AddDays(days));
        var meetings = new List<ImportRow>
        {
            Row("DEMO-RVI-1", ("council", "RVI"), ("title", "RVI — kwartaaloverleg dreigingsbeeld (fictief)"), ("date", D(-60)), ("security_level", "Staatsgeheim Geheim"), ("status", "held"),
                ("minutes", "FICTIEF / FICTIONAL. De raad besprak het dreigingsbeeld en de cyberweerbaarheid.")),
            Row("DEMO-RVI-2", ("council", "RVI"), ("title", "RVI — vervolgoverleg (fictief)"), ("date", D(30)), ("security_level", "Staatsgeheim Geheim"), ("status", "planned")),
            Row("DEMO-MCEV-1", ("council", "MCEV"), ("title", "MCEV — economische veiligheid (fictief)"), ("date", D(-45)), ("security_level", "Departementaal Vertrouwelijk"), ("status", "held"),
                ("minutes", "FICTIEF / FICTIONAL. De commissie besprak de afhankelijkheid van halfgeleiders.")),
            Row("DEMO-MCEV-2", ("council", "MCEV"), ("title", "MCEV — voorraadbeleid (fictief)"), ("date", D(21)), ("security_level", "Departementaal Vertrouwelijk"), ("status", "planned")),
        };
        var items = new List<ImportRow>
        {
            Row("DEMO-AI-1", ("title", "Ransomware bij vitale aanbieders"), ("council", "RVI"), ("meeting", "DEMO-RVI-1"), ("links", "scenario:DEMO-T8-RANSOM;measure:DEMO-M-CYBER"), ("requester", "NCTV")),
            Row("DEMO-AI-2", ("title", "Stand van de cyberweerbaarheid"), ("council", "RVI"), ("meeting", "DEMO-RVI-2"), ("links", "goal:GOAL-06;warning-indicator:DEMO-WI-RANSOM"), ("requester", "NCSC"), ("papers_deadline", D(20))),
            Row("DEMO-AI-3", ("title", "Afhankelijkheid van halfgeleiders"), ("council", "MCEV"), ("meeting", "DEMO-MCEV-1"), ("links", "scenario:DEMO-T7-CHIPS"), ("requester", "EZK")),
            Row("DEMO-AI-4", ("title", "Keuze tussen voorraad en eigen productie"), ("council", "MCEV"), ("meeting", "DEMO-MCEV-2"), ("links", "measure:DEMO-M-STOCK;measure:DEMO-M-RESHORE"), ("requester", "EZK"), ("papers_deadline", D(10))),
            Row("DEMO-AI-5", ("title", "Verkiezingen en desinformatie"), ("council", "RVI"), ("planned_for", D(90)), ("links", "scenario:DEMO-T5-ELECTION"), ("requester", "BZK")),
        };
        var decisions = new List<ImportRow>
        {
            Row("DEMO-DEC-1", ("agenda_item", "DEMO-AI-1"), ("title", "Offline back-ups worden verplicht voor zorginstellingen"), ("text", "FICTIEF / FICTIONAL."), ("decided_on", D(-60))),
            Row("DEMO-DEC-2", ("agenda_item", "DEMO-AI-3"), ("title", "EZK werkt opties uit voor een strategische voorraad"), ("text", "FICTIEF / FICTIONAL."), ("decided_on", D(-45))),
        };
        var actions = new List<ImportRow>
        {
            Row("DEMO-ACT-1", ("title", "Wetsvoorstel back-upplicht naar de Raad van State"), ("decision", "DEMO-DEC-1"), ("owner", "VWS"), ("deadline", D(-10)), ("status", "open"),
                ("note", "Fictief: over de termijn.")),
            Row("DEMO-ACT-2", ("title", "Marktconsultatie opslaglocaties"), ("decision", "DEMO-DEC-2"), ("owner", "EZK"), ("deadline", D(-20)), ("status", "done")),
            Row("DEMO-ACT-3", ("title", "Kostenraming voorraad voor zes maanden"), ("decision", "DEMO-DEC-2"), ("owner", "EZK"), ("deadline", D(14)), ("status", "open")),
        };
        return (meetings, items, decisions, actions);
    }

    private async Task<Result<DemoSummary>?> Import(string kind, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var result = await import.HandleAsync(new ImportRecordsRequest(kind, rows), ct);
        return result.IsOk ? null : Result<DemoSummary>.Failed(result, AllowedTexts.DemoRecords.With(RegisterTexts.KindNamed(kind), result.Said));
    }

    /// <summary>
    /// One step of the demo in one transaction: a refusal or an error anywhere in it leaves nothing of the step (the steps
    /// before it stay), so a failed load never leaves half a screen or half a council. <paramref name="step"/> returns null when done.
    /// </summary>
    private async Task<Result<DemoSummary>?> AllOrNothingAsync(Func<CancellationToken, Task<Result<DemoSummary>?>> step, CancellationToken ct)
    {
        var outcome = await transactions.AllOrNothingAsync(async t => await step(t) ?? StepDone, ct);
        return outcome.IsOk ? null : outcome;
    }

    private static readonly Result<DemoSummary> StepDone = Result<DemoSummary>.Ok(null!);

    private static Result<DemoSummary> Fail<T>(Result<T> r) => Result<DemoSummary>.Failed(r);

    /// <summary>Dependency and series rows of the screen, marked as fictional.</summary>
    private static List<ImportRow> Mark(IReadOnlyList<ImportRow> rows) =>
        rows.Select(r => new ImportRow(r.Line, new Dictionary<string, string?>(r.Values, StringComparer.Ordinal) { ["provenance"] = DemoPicture.Provenance })).ToList();

    /// <summary>A register row with the demo's provenance; null values are left out.</summary>
    private static ImportRow Row(string code, params (string Field, string? Value)[] values)
    {
        var row = new Dictionary<string, string?>(StringComparer.Ordinal) { ["code"] = code, ["provenance"] = DemoPicture.Provenance };
        foreach (var (f, v) in values) if (v is not null) row[f] = v;
        return new ImportRow(0, row);
    }
}
