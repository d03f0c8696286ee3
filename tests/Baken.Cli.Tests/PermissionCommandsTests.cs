using Baken.Application.Common;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Cli.Tests;

/// <summary>
/// The permission model on the command line, on both databases: a refused write exits 5 and stores nothing, each role
/// writes what the matrix gives it, an import touching someone else's record is refused whole, and an administrator
/// cannot reach an account holding more than they do.
/// </summary>
public sealed class PermissionCommandsTests
{
    private const string Password = "Bk-Passw0rd!2026";

    private static async Task<(int Records, int History)> CountsAsync(TestDatabase database)
    {
        await using var db = database.Context(FixedUser.System);
        return (await db.Risks.CountAsync() + await db.Measures.CountAsync() + await db.Assessments.CountAsync() + await db.Councils.CountAsync(),
            await db.History.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EachRole_WritesWhatTheMatrixGivesIt_AndARefusalExits5AndStoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        foreach (var (user, roles) in new[] { ("pub", "Public"), ("lid", "CouncilMember"), ("ana", "Analyst"), ("po", "PolicyOwner"), ("sec", "Secretariat"), ("beheer", "Administrator"), ("coord", "Coordinator") })
            (await CliRun.Baken(database, "user", "add", user, "--clearance", "Stg.G", "--roles", roles, "--organisation", "JenV", "--password", Password)).ExitCode.ShouldBe(0);
        (await CliRun.Baken(database, "measure", "add", "M-BZ", "--title", "Van BZ", "--owner", "BZ")).ExitCode.ShouldBe(0);

        // (user, command, allowed)
        var cases = new List<(string User, string[] Args, bool Allowed)>();
        foreach (var u in new[] { "pub", "lid", "ana", "po", "sec", "beheer", "coord" })
        {
            cases.Add((u, ["risk", "add", $"R-{u}", "--title", "Risico", "--kind", "hazard"], u == "coord"));
            cases.Add((u, ["measure", "add", $"M-{u}", "--title", "Eigen", "--owner", "JenV"], u is "po" or "coord"));
            cases.Add((u, ["measure", "edit", "M-BZ", "--yearly-cost", "1"], u == "coord"));
            cases.Add((u, ["council", "add", $"C-{u}", "--name", "Raad"], u == "sec"));
        }
        foreach (var (user, args, allowed) in cases)
        {
            var before = await CountsAsync(database);
            var run = await CliRun.Baken(database, [.. args, "--user", user]);
            var what = $"{user}: baken {string.Join(' ', args)}";
            if (allowed) { run.ExitCode.ShouldBe(0, what + " " + run.Err); continue; }
            run.ExitCode.ShouldBe(5, what + " " + run.Err);
            (await CountsAsync(database)).ShouldBe(before, what);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnAssessmentImport_TouchingAnotherAnalystsRows_IsRefusedWhole_NamingEachLine(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        (await CliRun.Baken(database, "user", "add", "ana-rivm", "--clearance", "Stg.G", "--roles", "Analyst", "--organisation", "RIVM", "--password", Password)).ExitCode.ShouldBe(0);
        const string header = "scenario_id,scenario_title,theme,kind,analyst,organisation,classification,horizon_years,likelihood,intent,capability,vulnerability,1.1,1.2,2.1,2.2,2.3,3.1,4.1,5.1,5.2,5.3";
        var file = Path.Combine(Path.GetTempPath(), $"assess-{Guid.NewGuid():N}.csv");
        try
        {
            // The scenario exists (entered by the coordinator); the analyst imports their own row and one of NCSC's.
            await File.WriteAllTextAsync(file, header + "\n" +
                "E-DROUGHT,Langdurige droogte,Klimaat en natuurrampen,hazard,admin,WODC,Ongerubriceerd,5,D,,,,C,A,X,D,C,C,B,B,A,D\n");
            (await CliRun.Baken(database, "assessments", "import", file)).ExitCode.ShouldBe(0);
            var before = await CountsAsync(database);
            await File.WriteAllTextAsync(file, header + "\n" +
                "E-DROUGHT,Langdurige droogte,Klimaat en natuurrampen,hazard,ana-rivm,RIVM,Ongerubriceerd,5,D,,,,C,A,X,D,C,C,B,B,A,D\n" +
                "E-DROUGHT,Langdurige droogte,Klimaat en natuurrampen,hazard,ana-ncsc,NCSC,Ongerubriceerd,5,E,,,,X,C,A,A,D,E,C,X,X,A\n");
            var refused = await CliRun.Baken(database, "assessments", "import", file, "--user", "ana-rivm");
            refused.ExitCode.ShouldBe(5, refused.Err);
            refused.Err.ShouldContain("line 3");
            refused.Err.ShouldContain("ana-ncsc");
            refused.Err.ShouldNotContain("line 2:");
            (await CountsAsync(database)).ShouldBe(before);

            // Their own row alone goes in; the coordinator (admin) enters NCSC's, and the history says for whom.
            await File.WriteAllTextAsync(file, header + "\n" +
                "E-DROUGHT,Langdurige droogte,Klimaat en natuurrampen,hazard,ana-rivm,RIVM,Ongerubriceerd,5,D,,,,C,A,X,D,C,C,B,B,A,D\n");
            var own = await CliRun.Baken(database, "assessments", "import", file, "--user", "ana-rivm");
            own.ExitCode.ShouldBe(0, own.Err);
            await File.WriteAllTextAsync(file, header + "\n" +
                "E-DROUGHT,Langdurige droogte,Klimaat en natuurrampen,hazard,ana-ncsc,NCSC,Ongerubriceerd,5,E,,,,X,C,A,A,D,E,C,X,X,A\n");
            (await CliRun.Baken(database, "assessments", "import", file)).ExitCode.ShouldBe(0);
            (await CliRun.Baken(database, "history", "assessment", "E-DROUGHT.ana-ncsc")).Out.ShouldContain("entered by admin for ana-ncsc");
        }
        finally { File.Delete(file); }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnAdministrator_ReachesOnlyAccountsWithinTheirClearanceAndCompartments(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        (await CliRun.Baken(database, "user", "add", "adm2", "--clearance", "Stg.G", "--compartments", "NUC", "--roles", "Administrator", "--password", Password)).ExitCode.ShouldBe(0);
        (await CliRun.Baken(database, "user", "add", "cyber", "--clearance", "Dep.V", "--compartments", "CYB", "--roles", "Analyst", "--password", Password)).ExitCode.ShouldBe(0);
        (await CliRun.Baken(database, "user", "add", "svc", "--clearance", "Dep.V", "--roles", "Analyst", "--service")).ExitCode.ShouldBe(0);
        (await CliRun.Baken(database, "user", "add", "svc-nuc", "--clearance", "Stg.ZG", "--roles", "Analyst", "--service")).ExitCode.ShouldBe(0);
        (await CliRun.Baken(database, "user", "add", "mens", "--clearance", "Dep.V", "--roles", "Analyst", "--password", Password)).ExitCode.ShouldBe(0);
        int TokenCount() { using var db = database.Context(FixedUser.System); return db.ApiTokens.Count(); }

        // The finding: a Stg.G administrator minted a token for admin (Stg.ZG, every compartment). Now exit 5, nothing stored.
        foreach (var target in new[] { "admin", "cyber", "svc-nuc" })
        {
            (await CliRun.Baken(database, "user", "token", target, "--user", "adm2")).ExitCode.ShouldBe(5, target);
            (await CliRun.Baken(database, "user", "reset-password", target, "--user", "adm2")).ExitCode.ShouldBe(5, target);
            (await CliRun.Baken(database, "user", "edit", target, "--clearance", "Dep.V", "--roles", "Analyst", "--user", "adm2")).ExitCode.ShouldBe(5, target);
        }
        TokenCount().ShouldBe(0);
        // A person mints their own tokens; the administrator mints for a service account within reach.
        (await CliRun.Baken(database, "user", "token", "mens", "--user", "adm2")).ExitCode.ShouldBe(5);
        (await CliRun.Baken(database, "user", "token", "mens", "--user", "mens")).ExitCode.ShouldBe(0);
        var svc = await CliRun.Baken(database, "user", "token", "svc", "--user", "adm2");
        svc.ExitCode.ShouldBe(0, svc.Err);
        // A token without --days expires after 366 days, never later.
        await using (var db = database.Context(FixedUser.System))
            foreach (var t in await db.ApiTokens.ToListAsync())
                (t.ExpiresAtUtc!.Value - t.CreatedAtUtc).TotalDays.ShouldBe(366, 0.001);
        (await CliRun.Baken(database, "user", "token", "svc", "--days", "367", "--user", "adm2")).ExitCode.ShouldBe(2);
        (await CliRun.Baken(database, "user", "reset-password", "mens", "--user", "adm2")).ExitCode.ShouldBe(0);
    }
}
