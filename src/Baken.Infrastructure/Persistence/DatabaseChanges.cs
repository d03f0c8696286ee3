using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Baken.Infrastructure.Persistence;

/// <summary>
/// Whether the database changed since an answer was read, and the answers themselves (<see cref="Application.Common.IBakenDb.RememberedAsync{T}"/>).
/// One per host (a singleton), for the one database the host serves.
/// <para>The database says it, not this process, so a write by another node, a command-line process or a restore counts
/// as soon as it is committed:</para>
/// <list type="bullet">
/// <item>SQLite: <c>PRAGMA data_version</c> on a connection of this object's own that never writes. SQLite changes the
/// value it returns whenever any other connection, in any process, has committed to the file since the last call.</item>
/// <item>PostgreSQL: the current snapshot (<c>pg_current_snapshot()</c>: the oldest running transaction, the next
/// transaction id and those in progress). Two equal snapshots see exactly the same committed data: a transaction that wrote
/// in between was either given a new id (the next id moves) or finished (it leaves the in-progress list). A read takes no
/// id, so reads do not move it; a write anywhere in the cluster does, which costs only a fresh read.</item>
/// </list>
/// An in-memory SQLite database has no such connection (a second connection would open another database), so it has no
/// version and nothing is remembered.
/// </summary>
public sealed class DatabaseChanges(DatabaseOptions options) : IDisposable
{
    /// <summary>Answers kept at most, for all readers and versions together; past it all are dropped and read again.</summary>
    public const int MaxAnswers = 4096;

    private readonly Lock gate = new();
    private readonly ConcurrentDictionary<string, object?> answers = new(StringComparer.Ordinal);
    private SqliteConnection? watcher;
    private SqliteCommand? dataVersion;
    private bool disposed;

    /// <summary>The database's version now, or null when it cannot tell (an in-memory SQLite database).</summary>
    internal string? Current(BakenDbContext db)
    {
        if (options.Provider == DatabaseProvider.Postgres) return PostgresSnapshot(db);
        lock (gate)
        {
            if (disposed) return null;
            if (dataVersion is null)
            {
                var cs = DatabaseSetup.SqliteConnectionString(options.ResolvedConnectionString);
                if (cs.Mode == SqliteOpenMode.Memory || cs.DataSource is "" or ":memory:") return null;
                // Its own connection, outside the pool: its data_version only moves for other connections' commits.
                cs.Pooling = false;
                watcher = new SqliteConnection(cs.ToString());
                watcher.Open();
                dataVersion = watcher.CreateCommand();
                dataVersion.CommandText = "PRAGMA data_version";
                dataVersion.Prepare();
            }
            return Convert.ToString(dataVersion.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary><see cref="Current"/> without blocking a thread on PostgreSQL's answer.</summary>
    internal async Task<string?> CurrentAsync(BakenDbContext db, CancellationToken ct)
    {
        if (options.Provider != DatabaseProvider.Postgres) return Current(db);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = Snapshot;
            return await command.ExecuteScalarAsync(ct) as string;
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    private const string Snapshot = "SELECT pg_current_snapshot()::text";

    private static string? PostgresSnapshot(BakenDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        db.Database.OpenConnection();
        try
        {
            using DbCommand command = connection.CreateCommand();
            command.CommandText = Snapshot;
            return command.ExecuteScalar() as string;
        }
        finally { db.Database.CloseConnection(); }
    }

    internal bool TryGet(string key, out object? answer) => answers.TryGetValue(key, out answer);

    internal void Keep(string key, object? answer)
    {
        if (answers.Count >= MaxAnswers) answers.Clear();
        answers[key] = answer;
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            dataVersion?.Dispose();
            watcher?.Dispose();
            dataVersion = null;
            watcher = null;
        }
    }
}
