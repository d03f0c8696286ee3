using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Baken.Application.Common;
using Baken.Application.Operations;
using Baken.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Baken.Infrastructure.Operations;

/// <summary>
/// Backups with each provider's own tools. SQLite: the online backup API (a consistent copy while the server runs),
/// the backup is itself an SQLite file. PostgreSQL: pg_dump's custom archive and pg_restore, found on PATH (the client
/// tools of the server's major version). A restore first proves the file is a Baken backup of the configured provider
/// made by this or an earlier Baken, then replaces the contents, then applies the migrations the backup predates.
/// </summary>
public sealed partial class DatabaseBackupStore(DatabaseOptions options, TimeProvider clock) : IDatabaseBackupStore
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();
    private static readonly byte[] PgDumpHeader = "PGDMP"u8.ToArray();

    /// <summary>Where pg_dump and pg_restore are looked for: the folders of PATH (a test can give others).</summary>
    public string? SearchPath { get; init; }

    public async Task<Result<BackupOutcome>> BackUpAsync(string file, CancellationToken ct)
    {
        var target = Path.GetFullPath(file);
        if (File.Exists(target) || Directory.Exists(target))
            return Result<BackupOutcome>.Invalid(new FieldError("--out", file, AllowedTexts.OperationsFileDoesNotExist));
        if (Path.GetDirectoryName(target) is { } dir && !Directory.Exists(dir))
            return Result<BackupOutcome>.Invalid(new FieldError("--out", file, AllowedTexts.OperationsPathExistingFolder));
        // Written beside the target and renamed when complete, so a failed backup never leaves a file that looks whole.
        var partial = target + ".partial";
        try
        {
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                await using var live = new SqliteConnection(DatabaseSetup.SqliteConnectionString(options.ResolvedConnectionString).ToString());
                await live.OpenAsync(ct);
                await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
                {
                    await copy.OpenAsync(ct);
                    live.BackupDatabase(copy);
                    // The live database runs in WAL mode and the copy inherits it; a backup is one self-contained file, so
                    // its journal goes back to the rollback mode (this also folds any -wal content into the file).
                    await using var journal = copy.CreateCommand();
                    journal.CommandText = "PRAGMA journal_mode=DELETE";
                    await journal.ExecuteNonQueryAsync(ct);
                }
            }
            else
            {
                await RunToolAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", partial], ct);
            }
            File.Move(partial, target);
        }
        finally
        {
            foreach (var f in new[] { partial, partial + "-wal", partial + "-shm", partial + "-journal" })
                if (File.Exists(f)) File.Delete(f);
        }
        await using var db = Context();
        return Result<BackupOutcome>.Ok(new BackupOutcome(target, new FileInfo(target).Length, options.Provider.ToString(),
            (await db.Database.GetAppliedMigrationsAsync(ct)).ToList()));
    }

    public async Task<Result<BackupOutcome>> RestoreAsync(string file, CancellationToken ct)
    {
        var source = Path.GetFullPath(file);
        if (!File.Exists(source)) return Result<BackupOutcome>.NotFound(AllowedTexts.OperationsNoBackupFile.With(file));
        var header = new byte[16];
        await using (var stream = File.OpenRead(source)) _ = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        var isSqlite = header.AsSpan().StartsWith(SqliteHeader);
        var isPgDump = header.AsSpan().StartsWith(PgDumpHeader);
        if (!isSqlite && !isPgDump)
            return NotABackup(file, "it is neither an SQLite database nor a pg_dump archive");
        if (isPgDump && options.Provider == DatabaseProvider.Sqlite)
            return NotABackup(file, "it is a PostgreSQL backup (pg_dump archive) and the configured database is SQLite");
        if (isSqlite && options.Provider == DatabaseProvider.Postgres)
            return NotABackup(file, "it is an SQLite backup and the configured database is PostgreSQL");

        var migrations = isSqlite ? await SqliteBackupMigrationsAsync(source, ct) : await PgDumpMigrationsAsync(source, ct);
        if (migrations.Error is { } why) return NotABackup(file, why);
        await using (var db = Context())
        {
            var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            if (migrations.Ids.FirstOrDefault(m => !known.Contains(m)) is { } newer)
                return NotABackup(file, $"it was made by a newer Baken (migration {newer} is unknown to this version); restore it with that version");
        }

        if (isSqlite)
        {
            await using var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await backup.OpenAsync(ct);
            await using var live = new SqliteConnection(DatabaseSetup.SqliteConnectionString(options.ResolvedConnectionString).ToString());
            await live.OpenAsync(ct);
            backup.BackupDatabase(live);
            // Pooled connections may hold pages cached from before the restore.
            SqliteConnection.ClearAllPools();
        }
        else
        {
            await RunToolAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", PgDatabase, source], ct);
            NpgsqlConnection.ClearAllPools();
        }
        await using (var db = Context())
        {
            // A backup from an earlier version is brought up to this one, as a start of the server would.
            if ((await db.Database.GetPendingMigrationsAsync(ct)).Any()) await db.Database.MigrateAsync(ct);
            return Result<BackupOutcome>.Ok(new BackupOutcome(source, new FileInfo(source).Length, options.Provider.ToString(),
                (await db.Database.GetAppliedMigrationsAsync(ct)).ToList()));
        }
    }

    private static Result<BackupOutcome> NotABackup(string file, string why) =>
        Result<BackupOutcome>.Invalid(new FieldError("FILE", file, AllowedTexts.OperationsNotABackup.With(why)));

    private BakenDbContext Context() => DatabaseSetup.CreateContext(options, FixedUser.System, clock);

    private sealed record BackupMigrations(IReadOnlyList<string> Ids, string? Error);

    private static async Task<BackupMigrations> SqliteBackupMigrationsAsync(string file, CancellationToken ct)
    {
        try
        {
            await using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await conn.OpenAsync(ct);
            await using (var check = conn.CreateCommand())
            {
                check.CommandText = "PRAGMA quick_check";
                if (await check.ExecuteScalarAsync(ct) is not "ok") return new([], "the SQLite file is damaged (PRAGMA quick_check fails)");
            }
            await using (var tables = conn.CreateCommand())
            {
                tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'Users')";
                if (Convert.ToInt32(await tables.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) != 2)
                    return new([], "it is an SQLite database without Baken's tables");
            }
            await using var read = conn.CreateCommand();
            read.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"";
            var ids = new List<string>();
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
            return ids.Count == 0 ? new([], "it holds no applied migration") : new(ids, null);
        }
        catch (SqliteException e)
        {
            return new([], $"SQLite cannot read it ({e.Message.Split('\n')[0]})");
        }
    }

    private async Task<BackupMigrations> PgDumpMigrationsAsync(string file, CancellationToken ct)
    {
        var (listed, list) = await TryRunToolAsync("pg_restore", ["--list", file], ct);
        if (!listed) return new([], $"pg_restore cannot read it ({list})");
        if (!list.Contains(" TABLE public Users ", StringComparison.Ordinal) || !list.Contains(" TABLE DATA public __EFMigrationsHistory ", StringComparison.Ordinal))
            return new([], "it is a pg_dump archive without Baken's tables");
        // The history table's rows, as the COPY block of a data-only script written to standard output.
        var (ok, script) = await TryRunToolAsync("pg_restore", ["--data-only", "--table", "__EFMigrationsHistory", "--file", "-", file], ct);
        if (!ok) return new([], $"pg_restore cannot read it ({script})");
        var ids = MigrationRow().Matches(script).Select(m => m.Groups[1].Value).ToList();
        return ids.Count == 0 ? new([], "it holds no applied migration") : new(ids, null);
    }

    [GeneratedRegex(@"^(\d{14}_\w+)\t", RegexOptions.Multiline)]
    private static partial Regex MigrationRow();

    /// <summary>The database pg_restore writes into; the rest of the connection goes by the PG* environment variables.</summary>
    private string PgDatabase => new NpgsqlConnectionStringBuilder(options.ResolvedConnectionString).Database
                                 ?? throw new SetupException("Database: the PostgreSQL connection string names no Database.");

    private async Task RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var (ok, output) = await TryRunToolAsync(tool, arguments, ct);
        if (!ok) throw new InvalidOperationException($"{tool} failed: {output}");
    }

    /// <summary>Runs a PostgreSQL client tool against the configured server; the password goes by environment, never on the command line.</summary>
    private async Task<(bool Ok, string Output)> TryRunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(FindTool(tool)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        var cs = new NpgsqlConnectionStringBuilder(options.ResolvedConnectionString);
        if (cs.Host is { } host) start.Environment["PGHOST"] = host;
        start.Environment["PGPORT"] = cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (cs.Username is { } user) start.Environment["PGUSER"] = user;
        if (cs.Password is { } password) start.Environment["PGPASSWORD"] = password;
        if (cs.Database is { } database) start.Environment["PGDATABASE"] = database;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = process.ExitCode == 0 ? await stdout : (await stderr).Trim();
        return (process.ExitCode == 0, output.Length > 0 || process.ExitCode == 0 ? output : $"exit code {process.ExitCode}");
    }

    /// <summary>The tool's full path, or a message that says what to install.</summary>
    public string FindTool(string tool)
    {
        var folders = (SearchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return folders.Select(f => Path.Combine(f, tool)).FirstOrDefault(File.Exists)
               ?? throw new SetupException($"Database: {tool} was not found on PATH; backups of a PostgreSQL database need the PostgreSQL client tools "
                                                      + "of the server's major version (Debian: apt-get install postgresql-client-15) in a folder on PATH.");
    }
}
