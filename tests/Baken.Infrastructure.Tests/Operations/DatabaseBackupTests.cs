using System.Globalization;
using Baken.Application.Common;
using Baken.Application.Operations;
using Baken.Application.Register;
using Baken.Application.Users;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Baken.Infrastructure;
using Baken.Infrastructure.Operations;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Baken.Infrastructure.Tests.Operations;

/// <summary>baken db backup / restore: a round trip gives back every row of every table, and a wrong file changes nothing.</summary>
public sealed class DatabaseBackupTests : IDisposable
{
    private static readonly FixedUser Administrator = new("admin", ClassificationLevel.StaatsgeheimZeerGeheim, -1, [Roles.Administrator]);
    private readonly string _folder = Directory.CreateTempSubdirectory("baken-backup-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BackupThenRestore_GivesBackEveryRecordAndHistoryEntry_AfterLaterChanges(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        // On SQLite a connection held open keeps the write-ahead log from being folded into the file when the others
        // close, so the backup must read recent work from the -wal file, as it does while a server runs.
        await using var keeper = provider == DatabaseProvider.Sqlite ? new SqliteConnection(database.Options.ConnectionString) : null;
        if (keeper is not null) await JournalModeAsync(keeper); // a connection takes its part in the log at its first statement
        await ClassifiedFixture.SeedAsync(database);
        await using (var db = database.Context(FixedUser.System))
        {
            var edit = await new SaveRecord(db, FixedUser.System).HandleAsync(new SaveRecordRequest("risk", ClassifiedFixture.Marker(ClassificationLevel.Ongerubriceerd, "NONE"),
                new Dictionary<string, string?> { ["title"] = "edited before the backup" }, SaveMode.Update));
            edit.IsOk.ShouldBeTrue(string.Join("; ", edit.Errors));
            (await new ApiTokens(db, Administrator, TimeProvider.System).CreateAsync("admin", "backup-test", "read")).IsOk.ShouldBeTrue();
        }
        var before = await EverythingAsync(database);
        before.Count(r => r.StartsWith("HistoryEntry ", StringComparison.Ordinal)).ShouldBeGreaterThan(ClassifiedFixture.All().Count());
        before.ShouldContain(r => r.StartsWith("Risk ", StringComparison.Ordinal) && r.Contains("edited before the backup", StringComparison.Ordinal));

        var file = Path.Combine(_folder, "baken.bak");
        var backedUp = await Backups(database).BackUpAsync(file);
        backedUp.IsOk.ShouldBeTrue(string.Join("; ", backedUp.Errors));
        backedUp.Value!.Bytes.ShouldBeGreaterThan(0);
        if (provider == DatabaseProvider.Sqlite)
        {
            (await JournalModeAsync(database.Options.ConnectionString!)).ShouldBe("wal");
            new FileInfo(SqliteFile(database) + "-wal").Length.ShouldBeGreaterThan(0, "the recent work is still in the write-ahead log");
            // The backup is one self-contained file in rollback-journal mode, with nothing beside it.
            Directory.GetFiles(_folder).Select(Path.GetFileName).ShouldBe(["baken.bak"]);
            (await JournalModeAsync($"Data Source={file};Pooling=false")).ShouldBe("delete");
        }

        // Work after the backup: a deletion, an edit, a new account. The restore must undo all of it.
        await using (var db = database.Context(FixedUser.System))
        {
            (await new DeleteRecord(db, FixedUser.System).HandleAsync(new DeleteRecordRequest("risk", ClassifiedFixture.Marker(ClassificationLevel.StaatsgeheimGeheim, "NUC")))).IsOk.ShouldBeTrue();
            (await new SaveRecord(db, FixedUser.System).HandleAsync(new SaveRecordRequest("risk", ClassifiedFixture.Marker(ClassificationLevel.DepartementaalVertrouwelijk, "CYB"),
                new Dictionary<string, string?> { ["title"] = "edited after the backup" }, SaveMode.Update))).IsOk.ShouldBeTrue();
            (await new AddUser(db, FixedUser.System, TimeProvider.System).HandleAsync(new AddUserRequest("later", "Ongerubriceerd", null, "Analyst"))).IsOk.ShouldBeTrue();
        }
        (await EverythingAsync(database)).ShouldNotBe(before);

        var restored = await Backups(database).RestoreAsync(file);
        restored.IsOk.ShouldBeTrue(string.Join("; ", restored.Errors));

        var after = await EverythingAsync(database);
        after.Count.ShouldBe(before.Count);
        for (var i = 0; i < before.Count; i++) after[i].ShouldBe(before[i]);
        if (provider == DatabaseProvider.Sqlite) (await JournalModeAsync(database.Options.ConnectionString!)).ShouldBe("wal", "a restore keeps the live database in WAL mode");
    }

    private static string SqliteFile(TestDatabase database) => new SqliteConnectionStringBuilder(database.Options.ConnectionString).DataSource;

    private static async Task<string> JournalModeAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        return await JournalModeAsync(connection);
    }

    private static async Task<string> JournalModeAsync(SqliteConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Restore_RefusesAFileThatIsNotABackup_NamingWhy_AndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var before = await EverythingAsync(database);

        var text = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(text, "scenario,title\nS-1,not a backup\n");
        var plain = await Backups(database).RestoreAsync(text);
        plain.Status.ShouldBe(ResultStatus.Invalid);
        plain.Errors.Single().ToString().ShouldContain("neither an SQLite database nor a pg_dump archive");
        plain.Errors.Single().Field.ShouldBe("FILE");

        var foreign = Path.Combine(_folder, "other.db");
        await using (var conn = new SqliteConnection($"Data Source={foreign};Pooling=false"))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('x');";
            await cmd.ExecuteNonQueryAsync();
        }
        var other = await Backups(database).RestoreAsync(foreign);
        other.Status.ShouldBe(ResultStatus.Invalid);
        other.Errors.Single().ToString().ShouldContain(provider == DatabaseProvider.Sqlite
            ? "an SQLite database without Baken's tables"
            : "an SQLite backup and the configured database is PostgreSQL");

        (await Backups(database).RestoreAsync(Path.Combine(_folder, "missing.bak"))).Status.ShouldBe(ResultStatus.NotFound);
        (await EverythingAsync(database)).ShouldBe(before);
    }

    [Fact]
    public async Task Restore_RefusesABackupOfANewerSchema()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, initialise: true);
        var file = Path.Combine(_folder, "newer.bak");
        (await Backups(database).BackUpAsync(file)).IsOk.ShouldBeTrue();
        await using (var conn = new SqliteConnection($"Data Source={file};Pooling=false"))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "INSERT INTO \"__EFMigrationsHistory\" VALUES ('29991231000000_FromTheFuture', '99.0.0')";
            await cmd.ExecuteNonQueryAsync();
        }
        var refused = await Backups(database).RestoreAsync(file);
        refused.Status.ShouldBe(ResultStatus.Invalid);
        refused.Errors.Single().ToString().ShouldContain("newer Baken (migration 29991231000000_FromTheFuture");
    }

    [Fact]
    public async Task BackupAndRestore_AreForAdministratorsOnly_AndBackupNeverOverwrites()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, initialise: true);
        var analyst = new FixedUser("analist", ClassificationLevel.StaatsgeheimZeerGeheim, -1, [Roles.Analyst, Roles.Coordinator]);
        var file = Path.Combine(_folder, "b.bak");
        var store = new DatabaseBackupStore(database.Options, TimeProvider.System);
        (await new DatabaseBackups(store, analyst).BackUpAsync(file)).Status.ShouldBe(ResultStatus.Forbidden);
        File.Exists(file).ShouldBeFalse();
        (await Backups(database).BackUpAsync(file)).IsOk.ShouldBeTrue();
        (await new DatabaseBackups(store, analyst).RestoreAsync(file)).Status.ShouldBe(ResultStatus.Forbidden);

        var again = await Backups(database).BackUpAsync(file);
        again.Status.ShouldBe(ResultStatus.Invalid);
        again.Errors.Single().Field.ShouldBe("--out");
    }

    [Fact]
    public void WithoutPgDumpOnThePath_TheMessageSaysWhatToInstall()
    {
        var store = new DatabaseBackupStore(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=127.0.0.1;Database=x" }, TimeProvider.System)
            { SearchPath = _folder };
        Should.Throw<SetupException>(() => store.FindTool("pg_dump")).Message.ShouldContain("pg_dump was not found on PATH");
    }

    private static DatabaseBackups Backups(TestDatabase database) => new(new DatabaseBackupStore(database.Options, TimeProvider.System), Administrator);

    /// <summary>Every row of every table the model maps, each as one line of its column values, in a stable order.</summary>
    private static async Task<List<string>> EverythingAsync(TestDatabase database)
    {
        await using var db = database.Context(FixedUser.System);
        var rows = new List<string>();
        var set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;
        foreach (var type in db.Model.GetEntityTypes().Where(t => !t.IsOwned() && !t.HasSharedClrType && t.BaseType is null && t.FindPrimaryKey() is not null))
        {
            var query = (IQueryable<object>)set.MakeGenericMethod(type.ClrType).Invoke(db, null)!;
            foreach (var row in await query.IgnoreQueryFilters().ToListAsync())
            {
                var entry = db.Entry(row);
                rows.Add(entry.Metadata.ShortName() + " " + string.Join("|", entry.Properties.Select(p => p.Metadata.Name + "=" + Text(p.CurrentValue))));
            }
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static string Text(object? value) => value switch
    {
        null => "∅",
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
