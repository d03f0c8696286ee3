using Baken.Methods.Strategy;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Baken.Cli.Tests;

/// <summary>baken measures, portfolio, strategy gaps, report progress and council agenda|actions|papers, on a fresh database.</summary>
public sealed class StrategyAndCouncilCommandsTests
{
    private static async Task Run(TestDatabase database, params string[] args)
    {
        var result = await CliRun.Baken(database, args);
        result.ExitCode.ShouldBe(0, $"{string.Join(' ', args)}: {result.Err}");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FreshDatabase_GapsPortfolioAndProgressReport_Run_AndTheReportIsValidDocx(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var gaps = await CliRun.Baken(database, "strategy", "gaps", "--as-of", "2026-11-23");
        gaps.ExitCode.ShouldBe(0, gaps.Err);
        gaps.Out.Split('\n').Count(l => l.StartsWith("GoalWithoutOwner,Goal,GOAL-", StringComparison.Ordinal)).ShouldBe(13);
        gaps.Out.Split('\n')[0].ShouldBe("kind,subject,code,title,since,explanation");
        gaps.Err.ShouldContain("Marked ONGERUBRICEERD.");

        var portfolio = await CliRun.Baken(database, "portfolio", "--budget", "500m");
        portfolio.ExitCode.ShouldBe(0, portfolio.Err);
        portfolio.Out.ShouldContain("Budget €500m");
        portfolio.Err.ShouldContain("No analysis run yet");

        var folder = Directory.CreateTempSubdirectory("baken-progress-").FullName;
        try
        {
            await Run(database, "report", "progress", "--out", folder, "--as-of", "2026-11-23");
            var docx = Path.Combine(folder, "progress-report.docx");
            using (var doc = WordprocessingDocument.Open(docx, false))
                new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(doc).ShouldBeEmpty();
            var html = await File.ReadAllTextAsync(Path.Combine(folder, "progress-report.html"));
            html.ShouldContain("GOAL-13");
            // The Dutch report is Dutch throughout: the gaps' kinds and explanations in words, dates in Dutch form.
            html.ShouldContain("Doel zonder indicator");
            html.ShouldContain("Geen indicator meet de voortgang op het doel.");
            html.ShouldContain("23 november 2026");
            foreach (var kind in Enum.GetNames<GapKind>()) html.ShouldNotContain(kind);
        }
        finally { Directory.Delete(folder, true); }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PublicProgressReport_LeavesOutEveryClassifiedRecord_AndSaysUnderTheGoalHowManyWithoutLevels(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await Run(database, "measure", "add", "M-OPEN", "--title", "Regional crisis exercises", "--publishable", "true", "--status", "in-progress");
        // A reference never points up, so the public goal names its measures while they are unclassified; raising them later is allowed.
        await Run(database, "measure", "add", "M-GEHEIM", "--title", "GEHEIM-MARKER sigint capacity");
        await Run(database, "measure", "add", "M-DEPV", "--title", "DEPV-MARKER vendor list");
        await Run(database, "measure", "add", "M-ZG-PUB", "--title", "ZG-MARKER once publishable", "--publishable", "true");
        await Run(database, "goal", "edit", "GOAL-06", "--measures", "M-OPEN;M-GEHEIM;M-DEPV;M-ZG-PUB", "--owner", "NCTV");
        await Run(database, "measure", "edit", "M-GEHEIM", "--classification", "Stg.G");
        await Run(database, "measure", "edit", "M-DEPV", "--classification", "Dep.V");
        // Publishable is no key to a level above the public audience's: raising a publishable record keeps it out of publication.
        (await CliRun.Baken(database, "measure", "edit", "M-ZG-PUB", "--classification", "Stg.ZG")).ExitCode.ShouldBe(2);
        await Run(database, "measure", "edit", "M-ZG-PUB", "--classification", "Stg.ZG", "--publishable", "false");
        await Run(database, "indicator", "add", "I-SECRET", "--title", "INDICATOR-MARKER intercepts", "--goal", "GOAL-06", "--classification", "Stg.C");

        var folder = Directory.CreateTempSubdirectory("baken-public-").FullName;
        try
        {
            var result = await CliRun.Baken(database, "report", "progress", "--out", folder, "--as-clearance", "Ongerubriceerd", "--public", "--lang", "en");
            result.ExitCode.ShouldBe(0, result.Err);
            var html = await File.ReadAllTextAsync(Path.Combine(folder, "progress-report.html"));
            using var doc = WordprocessingDocument.Open(Path.Combine(folder, "progress-report.docx"), false);
            var docx = doc.MainDocumentPart!.Document!.InnerText + string.Concat(doc.MainDocumentPart.HeaderParts.Select(h => h.Header!.InnerText));
            foreach (var text in new[] { html, docx })
            {
                text.ShouldContain("Regional crisis exercises");
                // Publishable is no key to a level above the public audience's.
                foreach (var marker in new[] { "GEHEIM-MARKER", "DEPV-MARKER", "INDICATOR-MARKER", "ZG-MARKER", "M-GEHEIM", "M-DEPV", "I-SECRET", "M-ZG-PUB" }) text.ShouldNotContain(marker);
                // Said under the goal, as one number; never counts per level above the reader's.
                text.ShouldContain("4 measure(s) or indicator(s) of this goal are not included in this version.");
                text.ShouldNotContain("Staatsgeheim");
                text.ShouldNotContain("Departementaal");
            }
            result.Err.ShouldContain("Marked ONGERUBRICEERD.");
        }
        finally { Directory.Delete(folder, true); }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CouncilAgendaAndOverdueActions_ShowTheForwardAgenda_AndTheActionGoesToTheNextMeeting(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        (await CliRun.Baken(database, "council", "agenda")).ExitCode.ShouldBe(0);
        (await CliRun.Baken(database, "council", "actions", "--overdue")).ExitCode.ShouldBe(0);

        await Run(database, "meeting", "add", "M-1", "--council", "MCEV", "--title", "MCEV September", "--date", "2026-09-07", "--status", "held");
        await Run(database, "meeting", "add", "M-2", "--council", "MCEV", "--title", "MCEV December", "--date", "2026-12-07");
        await Run(database, "agenda-item", "add", "AI-1", "--council", "MCEV", "--meeting", "M-1", "--title", "Gas storage");
        await Run(database, "decision", "add", "D-1", "--agenda-item", "AI-1", "--title", "Fill storage to 90%");
        await Run(database, "action", "add", "A-1", "--decision", "D-1", "--title", "Filling plan", "--owner", "EZK", "--deadline", "2026-10-15");

        var overdue = await CliRun.Baken(database, "council", "actions", "--overdue", "--as-of", "2026-11-23");
        overdue.ExitCode.ShouldBe(0, overdue.Err);
        overdue.Out.ShouldContain("A-1,Filling plan,EZK,2026-10-15,Open,MCEV,D-1,M-2");
        var before = await CliRun.Baken(database, "council", "actions", "--overdue", "--as-of", "2026-10-01");
        before.Out.ShouldNotContain("A-1,");

        var agenda = await CliRun.Baken(database, "council", "agenda", "--as-of", "2026-11-23");
        agenda.Out.ShouldContain("2026-09-07,MCEV,M-1,");
        agenda.Err.ShouldContain("returns on M-2");

        var folder = Directory.CreateTempSubdirectory("baken-papers-").FullName;
        try
        {
            await Run(database, "council", "papers", "--meeting", "M-2", "--out", folder, "--lang", "en");
            (await File.ReadAllTextAsync(Path.Combine(folder, "M-2-agenda.html"))).ShouldContain("Filling plan");
            await Run(database, "agenda-item", "add", "AI-2", "--council", "MCEV", "--meeting", "M-2", "--title", "Storage report");
            var paperFile = Path.Combine(folder, "storage-note.txt");
            await File.WriteAllTextAsync(paperFile, "STORAGE NOTE");
            await Run(database, "council", "upload", "--item", "AI-2", "--file", paperFile, "--classification", "Dep.V");
            await Run(database, "council", "papers", "--meeting", "M-2", "--out", folder, "--kind", "pack");
            using (var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(folder, "M-2-papers.zip")))
            {
                zip.Entries.Select(e => e.FullName).ShouldBe(["00-MARKERING.txt", "00-agenda.docx", "00-agenda.html", "01-AI-2-L1-P1-storage-note.txt"], ignoreOrder: true);
                // The pack is marked with the Dep.V paper in it: first entry, archive comment and the paper's own entry.
                zip.Comment.ShouldBe("DEP. VERTROUWELIJK");
                zip.GetEntry("01-AI-2-L1-P1-storage-note.txt")!.Comment.ShouldBe("DEP. VERTROUWELIJK");
                using (var marking = new StreamReader(zip.GetEntry("00-MARKERING.txt")!.Open()))
                    (await marking.ReadLineAsync()).ShouldBe("DEP. VERTROUWELIJK");
                using var reader = new StreamReader(zip.GetEntry("01-AI-2-L1-P1-storage-note.txt")!.Open());
                (await reader.ReadToEndAsync()).ShouldBe("STORAGE NOTE");
            }
            var missing = await CliRun.Baken(database, "council", "papers", "--meeting", "M-404", "--out", folder);
            missing.ExitCode.ShouldBe(3);
        }
        finally { Directory.Delete(folder, true); }
    }

    [SkippableTheory]
    [InlineData("portfolio", "--budget", "lots")]
    [InlineData("portfolio", "--budget", "-5m")]
    [InlineData("measures", "--format", "xml")]
    [InlineData("measures", "--rule", "median")]
    [InlineData("strategy", "gaps", "--as-of", "23-11-2026")]
    [InlineData("report", "progress", "--out", "x", "--as-clearance", "Top Secret")]
    [InlineData("council", "papers", "--meeting", "M-1", "--out", "x", "--kind", "gossip")]
    public async Task BadOptions_AreRefusedNamingTheOptionAndWhatIsAllowed(params string[] args)
    {
        var result = await CliRun.WithoutDatabase(args);
        result.ExitCode.ShouldBe(2, result.Err);
        result.Err.ShouldContain(args.First(a => a.StartsWith("--", StringComparison.Ordinal) && result.Err.Contains(a, StringComparison.Ordinal)));
        result.Err.ShouldContain("allowed");
    }

    [Fact]
    public async Task NewEdition_CopiesTheGoals_AndTheOldEditionStaysAsItWas()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, initialise: true);
        await Run(database, "goal", "edit", "GOAL-07", "--owner", "JenV");
        var made = await CliRun.Baken(database, "strategy", "edition", "--from", "GBVS 2018-2022", "--to", "RbVs 2023-2029", "--prefix", "RBVS");
        made.ExitCode.ShouldBe(0, made.Err);
        made.Out.ShouldContain("13 goals copied");
        await Run(database, "goal", "edit", "RBVS-07", "--title", "Terrorisme en extremisme");
        (await CliRun.Baken(database, "goal", "show", "RBVS-07")).Out.ShouldContain("JenV");
        (await CliRun.Baken(database, "goal", "show", "GOAL-07")).Out.ShouldContain("Terrorismebestrijding");
        (await CliRun.Baken(database, "strategy", "edition", "--from", "GBVS 2018-2022", "--to", "RbVs 2023-2029", "--prefix", "X")).ExitCode.ShouldBe(4);
        (await CliRun.Baken(database, "strategy", "edition", "--from", "Nope", "--to", "Y", "--prefix", "Y")).ExitCode.ShouldBe(3);
        var gaps = await CliRun.Baken(database, "strategy", "gaps", "--edition", "RbVs 2023-2029");
        gaps.Out.ShouldContain("RBVS-01");
        gaps.Out.ShouldNotContain("GOAL-01");
    }
}
