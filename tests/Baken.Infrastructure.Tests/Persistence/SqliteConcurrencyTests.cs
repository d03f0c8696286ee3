using Baken.Application.Common;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.Data.Sqlite;

namespace Baken.Infrastructure.Tests.Persistence;

/// <summary>
/// The embedded database under several writers at once, as a web node, its job worker and a CLI command use it: in WAL mode
/// with a busy timeout every writer gets its turn, and a reader's open transaction holds up none of them.
/// </summary>
public sealed class SqliteConcurrencyTests
{
    private const int Writers = 8;
    private const int WritesEach = 5;

    [Fact]
    public async Task ConcurrentWriters_OnOneFile_AllSucceed_WhileAReaderKeepsItsSnapshot()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        // A read transaction held open for the whole run. In rollback-journal mode it holds a shared lock, and no writer can
        // commit until it ends: the writers would wait out their busy timeout and fail with 'database is locked'.
        await using var reader = new SqliteConnection(database.Options.ConnectionString);
        await reader.OpenAsync();
        await using (var mode = reader.CreateCommand())
        {
            mode.CommandText = "PRAGMA journal_mode";
            (await mode.ExecuteScalarAsync()).ShouldBe("wal");
        }
        await using var snapshot = reader.BeginTransaction(deferred: true);
        var before = await CountAsync(reader);

        var writers = Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < WritesEach; i++)
            {
                // Each write on its own context and connection, as separate requests and processes do.
                await using var db = database.Context(FixedUser.System);
                db.DataProtectionKeys.Add(new StoredDataProtectionKey { FriendlyName = $"writer-{w}-{i}", Xml = $"<key writer=\"{w}\" n=\"{i}\" />" });
                await db.SaveChangesAsync();
            }
        })));
        var finished = await Task.WhenAny(writers, Task.Delay(TimeSpan.FromSeconds(20)));
        finished.ShouldBe(writers, "the writers are still waiting while a reader holds its transaction");
        await writers; // any writer's exception fails the test here

        (await CountAsync(reader)).ShouldBe(before, "the reader keeps the snapshot it started with");
        await snapshot.CommitAsync();
        (await CountAsync(reader)).ShouldBe(before + Writers * WritesEach);
    }

    [Fact]
    public void TheConnectionString_CarriesTheBusyTimeout_UnlessItSetsItsOwn()
    {
        DatabaseSetup.SqliteConnectionString("Data Source=/tmp/x.db").DefaultTimeout.ShouldBe(DatabaseSetup.SqliteBusyTimeoutSeconds);
        DatabaseSetup.SqliteConnectionString("Data Source=/tmp/x.db;Default Timeout=5").DefaultTimeout.ShouldBe(5);
    }

    private static async Task<long> CountAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM \"DataProtectionKeys\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
