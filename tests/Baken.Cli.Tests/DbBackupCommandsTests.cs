using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Cli.Tests;

/// <summary>baken db backup / restore on the command line: exit codes and messages (the round trip itself: DatabaseBackupTests).</summary>
public sealed class DbBackupCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("baken-cli-backup-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task BackupDeleteRestore_BringsTheRecordBack_AndAWrongFileOrUserIsRefused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, initialise: true);
        (await CliRun.Baken(database, "risk", "add", "R-KEEP", "--title", "kept", "--kind", "hazard")).ExitCode.ShouldBe(0);
        var file = Path.Combine(_folder, "b.bak");
        var backup = await CliRun.Baken(database, "db", "backup", "--out", file);
        backup.ExitCode.ShouldBe(0, backup.Err);
        backup.Out.ShouldContain("Backed up the Sqlite database to");
        (await CliRun.Baken(database, "risk", "delete", "R-KEEP")).ExitCode.ShouldBe(0);
        (await CliRun.Baken(database, "risk", "show", "R-KEEP")).ExitCode.ShouldBe(3);

        var restore = await CliRun.Baken(database, "db", "restore", file);
        restore.ExitCode.ShouldBe(0, restore.Err);
        (await CliRun.Baken(database, "risk", "show", "R-KEEP")).Out.ShouldContain("kept");

        var notes = Path.Combine(_folder, "notes.csv");
        await File.WriteAllTextAsync(notes, "code,title\n");
        var wrong = await CliRun.Baken(database, "db", "restore", notes);
        wrong.ExitCode.ShouldBe(2);
        wrong.Err.ShouldContain("FILE: '" + notes + "'");
        wrong.Err.ShouldContain("neither an SQLite database nor a pg_dump archive");

        (await CliRun.Baken(database, "user", "add", "analist", "--clearance", "Stg.ZG", "--roles", "Analyst;Coordinator")).ExitCode.ShouldBe(0);
        var refused = await CliRun.Baken(database, "db", "restore", file, "--user", "analist");
        refused.ExitCode.ShouldBe(5);
        refused.Err.ShouldContain("Only an administrator can restore");
    }
}
