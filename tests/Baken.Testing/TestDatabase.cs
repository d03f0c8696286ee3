using Baken.Application.Common;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Npgsql;
using Xunit;

namespace Baken.Testing;

/// <summary>
/// A fresh, migrated database of one provider for one test: a temporary SQLite file, or a new database on the
/// PostgreSQL server named by BAKEN_TEST_POSTGRES (a connection string to a server where the user may create
/// databases). Persistence tests take the provider as a theory parameter, so the same body runs on both.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "BAKEN_TEST_POSTGRES";
    public const string RequirePostgresVariable = "BAKEN_REQUIRE_POSTGRES";

    private readonly string? _sqliteFile;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseOptions options, string? sqliteFile, string? postgresAdmin, string? postgresName)
    {
        Options = options;
        _sqliteFile = sqliteFile;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public DatabaseOptions Options { get; }
    public DatabaseProvider Provider => Options.Provider;

    /// <summary>
    /// The providers every persistence test runs on: SQLite and PostgreSQL. Without BAKEN_TEST_POSTGRES the PostgreSQL case
    /// is reported as skipped with the reason (the test must be a [SkippableTheory]); CI sets BAKEN_REQUIRE_POSTGRES=1, so
    /// a missing server fails the run there instead of silently testing less.
    /// </summary>
    public static IEnumerable<object[]> Providers()
    {
        yield return [DatabaseProvider.Sqlite];
        yield return [DatabaseProvider.Postgres];
    }

    /// <summary>The connection string of the test server, or a skip (a failure where CI requires PostgreSQL).</summary>
    public static string PostgresAdminConnection()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrEmpty(admin)) return admin;
        if (Environment.GetEnvironmentVariable(RequirePostgresVariable) == "1")
            throw new InvalidOperationException($"{RequirePostgresVariable}=1 but {PostgresVariable} is not set.");
        throw new SkipException($"No PostgreSQL server for this test: set {PostgresVariable} to a connection string of a server where the user may create databases (CI does).");
    }

    /// <summary>Creates and migrates an empty database (no catalogue, no users) unless <paramref name="initialise"/>.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool initialise = false)
    {
        TestDatabase db;
        var id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"baken-test-{id}.db");
            db = new TestDatabase(new DatabaseOptions { Provider = provider, ConnectionString = $"Data Source={file};Pooling=false" }, file, null, null);
        }
        else
        {
            var admin = PostgresAdminConnection();
            var name = $"baken_test_{id}";
            await using (var conn = new NpgsqlConnection(admin))
            {
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
                await cmd.ExecuteNonQueryAsync();
            }
            var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
            db = new TestDatabase(new DatabaseOptions { Provider = provider, ConnectionString = cs }, null, admin, name);
        }
        if (initialise)
        {
            await DatabaseInitializer.InitializeAsync(db.Options, TimeProvider.System, CatalogueFolder);
        }
        else
        {
            await using var ctx = db.Context(FixedUser.System);
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(ctx.Database);
        }
        return db;
    }

    /// <summary>The catalogue shipped with the repository (copied next to the test assembly).</summary>
    public static string CatalogueFolder => Path.Combine(AppContext.BaseDirectory, "catalog");

    public BakenDbContext Context(ICurrentUser user) => DatabaseSetup.CreateContext(Options, user, TimeProvider.System);

    public static FixedUser UserAt(ClassificationLevel level, long compartments = 0, string? name = null, params string[] roles) =>
        new(name ?? $"user-{(int)level}-{compartments}", level, compartments, roles);

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
                if (File.Exists(f)) File.Delete(f);
        }
        if (_postgresAdmin is not null)
        {
            await using var conn = new NpgsqlConnection(_postgresAdmin);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
