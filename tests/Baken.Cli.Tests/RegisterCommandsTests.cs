using Baken.Application.Common;
using Baken.Application.Users;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Cli.Tests;

public sealed class RegisterCommandsTests
{
    public static IEnumerable<object[]> Cases() =>
        from p in TestDatabase.Providers()
        from level in new[] { ClassificationLevel.Ongerubriceerd, ClassificationLevel.StaatsgeheimConfidentieel, ClassificationLevel.StaatsgeheimZeerGeheim }
        select new object[] { p[0], level };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task ListShowExportHistory_ShowOnlyWhatTheUserMaySee(DatabaseProvider provider, ClassificationLevel clearance)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await ClassifiedFixture.SeedAsync(database);
        (await CliRun.Baken(database, "user", "add", "reader", "--clearance", clearance.Abbreviation(), "--compartments", "NUC", "--user", "admin")).ExitCode.ShouldBe(0);

        var visible = ClassifiedFixture.All().Where(r => ClassifiedFixture.MaySee(clearance, ClassifiedFixture.Nuc, r.Level, r.Mask)).Select(r => ClassifiedFixture.Marker(r.Level, r.Compartment)).ToList();
        var hidden = ClassifiedFixture.All().Select(r => ClassifiedFixture.Marker(r.Level, r.Compartment)).Except(visible).ToList();

        var list = await CliRun.Baken(database, "risk", "list", "--format", "csv", "--user", "reader");
        var export = await CliRun.Baken(database, "export", "--kind", "risk", "--format", "json", "--user", "reader");
        list.ExitCode.ShouldBe(0);
        export.ExitCode.ShouldBe(0);
        foreach (var m in visible) { list.Out.ShouldContain(m); export.Out.ShouldContain(m); }
        foreach (var m in hidden)
        {
            list.Out.ShouldNotContain(m);
            export.Out.ShouldNotContain(m);
            var show = await CliRun.Baken(database, "risk", "show", m, "--user", "reader");
            show.ExitCode.ShouldBe(3);
            (show.Out + show.Err).ShouldNotContain($"{m} title");
            var history = await CliRun.Baken(database, "history", "risk", m, "--user", "reader");
            history.ExitCode.ShouldBe(3);
            history.Out.ShouldNotContain("title");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddEditHistory_RecordsEveryVersion(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        (await CliRun.Baken(database, "risk", "add", "R-9", "--title", "Langdurige stroomuitval", "--kind", "hazard", "--theme", "T9")).ExitCode.ShouldBe(0);
        (await CliRun.Baken(database, "risk", "edit", "R-9", "--dimension", "internal", "--lenses", "national;flow")).ExitCode.ShouldBe(0);
        var stale = await CliRun.Baken(database, "risk", "edit", "R-9", "--title", "x", "--expect-version", "1");
        stale.ExitCode.ShouldBe(4);
        var history = await CliRun.Baken(database, "history", "risk", "R-9");
        history.Out.ShouldContain("v1");
        history.Out.ShouldContain("v2");
        history.Out.ShouldContain("dimension: \"both\" -> \"internal\"");
        var show = await CliRun.Baken(database, "risk", "show", "R-9", "--format", "json");
        show.Out.ShouldContain("Langdurige stroomuitval");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_BadFile_ExitsWithInvalid_ListsEveryRow_AndWritesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var file = Path.Combine(Path.GetTempPath(), $"risks-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "code,title,kind,theme\nR-1,Goed,hazard,T1\nR-2,,threat,T1\nR-3,Fout thema,threat,T99\n\"R-4,unterminated\n");
        try
        {
            var result = await CliRun.Baken(database, "import", file, "--kind", "risk");
            result.ExitCode.ShouldBe(2);
            result.Err.ShouldContain("Nothing was imported");
            var list = await CliRun.Baken(database, "risk", "list", "--format", "csv");
            list.Out.ShouldNotContain("R-1");
        }
        finally { File.Delete(file); }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ExportThenImport_IsUnchanged_InEveryFormat(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        foreach (var format in new[] { "csv", "xlsx", "json" })
        {
            var file = Path.Combine(Path.GetTempPath(), $"vp-{Guid.NewGuid():N}.{format}");
            try
            {
                var export = await CliRun.Baken(database, "export", "--kind", "vital-process", "--out", file);
                export.ExitCode.ShouldBe(0);
                // The export's marking stands beside the file (and inside an XLSX or JSON), and the import ignores it.
                (await File.ReadAllTextAsync(file + ".marking")).ShouldBe("ONGERUBRICEERD\n");
                export.Err.ShouldContain("Marked ONGERUBRICEERD.");
                if (format == "json") (await File.ReadAllTextAsync(file)).ShouldContain("\"marking\": \"ONGERUBRICEERD\"");
                var again = await CliRun.Baken(database, "import", file, "--kind", "vital-process");
                again.ExitCode.ShouldBe(0, again.Err);
                again.Out.ShouldContain("0 created, 0 updated, 28 unchanged");
            }
            finally { File.Delete(file); File.Delete(file + ".marking"); }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UsersAndCatalogue_Commands(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        (await CliRun.Baken(database, "user", "add", "bert", "--clearance", "Dep.V", "--roles", "Analyst;Coordinator")).Out.ShouldContain("One-time password");
        var bad = await CliRun.Baken(database, "user", "add", "carl", "--clearance", "Top Secret");
        bad.ExitCode.ShouldBe(2);
        bad.Err.ShouldContain("clearance");
        (await CliRun.Baken(database, "user", "list")).Out.ShouldContain("bert");
        (await CliRun.Baken(database, "user", "list", "--user", "bert")).ExitCode.ShouldBe(5);
        (await CliRun.Baken(database, "user", "edit", "bert", "--clearance", "Stg.C", "--roles", "Analyst")).Out.ShouldContain("clearance Staatsgeheim Confidentieel");
        (await CliRun.Baken(database, "user", "edit", "bert", "--clearance", "Stg.C", "--roles", "Wizard")).Err.ShouldContain("roles: 'Wizard'");
        (await CliRun.Baken(database, "user", "edit", "bert", "--clearance", "Stg.C", "--roles", "Analyst", "--user", "bert")).ExitCode.ShouldBe(5);
        var reset = (await CliRun.Baken(database, "user", "reset-password", "bert")).Out;
        reset.ShouldContain("One-time password for bert");
        await using (var db = database.Context(FixedUser.System))
            (await new SignIn(db).HandleAsync("bert", reset.Trim().Split(' ').Last())).ShouldNotBeNull();
        (await CliRun.Baken(database, "risk", "list", "--user", "nobody")).ExitCode.ShouldBe(5);

        var token = (await CliRun.Baken(database, "user", "token", "bert", "--user", "bert")).Out.Trim();
        token.ShouldStartWith("bkn_");
        await using (var db = database.Context(FixedUser.System))
            (await new ApiTokens(db, FixedUser.System, TimeProvider.System).ResolveAsync(token)).ShouldNotBeNull();
        var writer = (await CliRun.Baken(database, "user", "token", "bert", "--label", "sync", "--scopes", "read;write", "--days", "7", "--user", "bert")).Out.Trim();
        await using (var db = database.Context(FixedUser.System))
            (await new ApiTokens(db, FixedUser.System, TimeProvider.System).ResolveAsync(writer))!.Scopes.ShouldBe(["read", "write"]);
        var badScope = await CliRun.Baken(database, "user", "token", "bert", "--scopes", "root", "--user", "bert");
        badScope.ExitCode.ShouldNotBe(0);
        badScope.Err.ShouldContain("scopes: 'root'");
        var listed = (await CliRun.Baken(database, "user", "tokens", "bert")).Out;
        listed.ShouldContain("sync");
        listed.ShouldContain("read;write");
        listed.ShouldNotContain(writer);
        var syncId = System.Text.RegularExpressions.Regex.Match(listed, @"([0-9a-f-]{36})\s+sync").Groups[1].Value;
        (await CliRun.Baken(database, "user", "revoke-token", "bert", "--id", syncId)).Out.ShouldContain("Revoked token");
        await using (var db = database.Context(FixedUser.System))
            (await new ApiTokens(db, FixedUser.System, TimeProvider.System).ResolveAsync(writer)).ShouldBeNull();
        (await CliRun.Baken(database, "user", "revoke-tokens", "bert")).Out.ShouldContain("Revoked 1 token");
        await using (var db = database.Context(FixedUser.System))
            (await new ApiTokens(db, FixedUser.System, TimeProvider.System).ResolveAsync(token)).ShouldBeNull();

        var folder = Directory.CreateTempSubdirectory("catalogue-").FullName;
        try
        {
            (await CliRun.Baken(database, "catalog", "export", "--out", folder)).ExitCode.ShouldBe(0);
            File.Exists(Path.Combine(folder, "criteria.json")).ShouldBeTrue();
            var again = await CliRun.Baken(database, "catalog", "import", folder);
            again.ExitCode.ShouldBe(0, again.Err);
            again.Out.ShouldNotContain(" 1 created");
            (await CliRun.Baken(database, "db", "migrate")).Out.ShouldContain("up to date");
        }
        finally { Directory.Delete(folder, true); }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Delete_OfAReferencedRecord_ExitsWithConflict_NamingTheReferrers_UnlessCascaded(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        (await CliRun.Baken(database, "theme", "add", "T-REF", "--name", "referenced theme")).ExitCode.ShouldBe(0);
        (await CliRun.Baken(database, "scenario", "add", "E-REF", "--title", "refers", "--kind", "hazard", "--theme", "T-REF")).ExitCode.ShouldBe(0);
        (await CliRun.Baken(database, "scenario", "add", "E-BAD", "--title", "unknown theme", "--kind", "hazard", "--theme", "T-NONE")).ExitCode.ShouldBe(2);

        var refused = await CliRun.Baken(database, "theme", "delete", "T-REF");
        refused.ExitCode.ShouldBe(4);
        refused.Err.ShouldContain("1 scenario (E-REF)");

        (await CliRun.Baken(database, "theme", "delete", "T-REF", "--cascade")).ExitCode.ShouldBe(0);
        (await CliRun.Baken(database, "theme", "show", "T-REF")).ExitCode.ShouldBe(3);
        (await CliRun.Baken(database, "scenario", "show", "E-REF")).Out.ShouldNotContain("T-REF");
    }
}
