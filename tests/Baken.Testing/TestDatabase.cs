using Baken.Application.Common;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
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

    /// <summary>
    /// A fresh database (migrated, no catalogue, no users; or, with <paramref name="initialise"/>, as a first start leaves
    /// it: administrator and default catalogue). Each is a copy of a template made once per test process, which is much
    /// cheaper than migrating and loading the catalogue for every test (docs/adr/0006).
    /// </summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool initialise = false)
    {
        var id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));
        if (provider == DatabaseProvider.Sqlite)
        {
            var template = await Templates.GetOrAdd((provider, initialise), key => new Lazy<Task<string>>(() => MakeSqliteTemplateAsync(key.Initialise))).Value;
            var file = Path.Combine(Path.GetTempPath(), $"baken-test-{id}.db");
            File.Copy(template, file);
            return new TestDatabase(SqliteOptions(file), file, null, null);
        }
        var admin = PostgresAdminConnection();
        var source = await Templates.GetOrAdd((provider, initialise), key => new Lazy<Task<string>>(() => MakePostgresTemplateAsync(admin, key.Initialise))).Value;
        var name = $"baken_test_{id}";
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\" TEMPLATE \"{source}\"");
        return new TestDatabase(PostgresOptions(admin, name), null, admin, name);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(DatabaseProvider Provider, bool Initialise), Lazy<Task<string>>> Templates = new();

    private static DatabaseOptions SqliteOptions(string file) => new() { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file};Pooling=false" };

    /// <remarks>
    /// Pooled, as a deployment is: without a pool every context forks a server process, and on a loaded machine (CI, or
    /// helpers building beside a run) opening one then passed the 15-second default and a test met a 500. The open
    /// timeout is raised for the same reason; a test database's pool is emptied before the database is dropped. A template
    /// is not pooled: PostgreSQL copies a database only while nobody is connected to it.
    /// </remarks>
    private static DatabaseOptions PostgresOptions(string admin, string name, bool pooled = true) => new()
    {
        Provider = DatabaseProvider.Postgres,
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Timeout = 60, Pooling = pooled }.ConnectionString,
    };

    private static async Task<string> MakeSqliteTemplateAsync(bool initialise)
    {
        var file = Path.Combine(Path.GetTempPath(), $"baken-template-{Environment.ProcessId}-{(initialise ? "init" : "empty")}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}.db");
        await PrepareAsync(SqliteOptions(file), initialise);
        // The template is in WAL mode (DatabaseSetup): fold the log into the file, so a copy of the file alone is the whole database.
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        };
        return file;
    }

    private static async Task<string> MakePostgresTemplateAsync(string admin, bool initialise)
    {
        var name = $"baken_template_{(initialise ? "init" : "empty")}_{Environment.ProcessId}_{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}";
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        await PrepareAsync(PostgresOptions(admin, name, pooled: false), initialise);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult(); }
            catch (NpgsqlException) { /* the server may already be gone at the end of a run */ }
        };
        return name;
    }

    private static async Task PrepareAsync(DatabaseOptions options, bool initialise)
    {
        if (initialise)
        {
            await DatabaseInitializer.InitializeAsync(options, TimeProvider.System, CatalogueFolder);
            return;
        }
        await using var ctx = DatabaseSetup.CreateContext(options, FixedUser.System, TimeProvider.System);
        await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(ctx.Database);
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
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
            // The pool of the host's connection string (DatabaseSetup adds its own settings to it) and of the one given.
            foreach (var connection in new[] { Options.ConnectionString, DatabaseSetup.PostgresConnectionString(Options.ResolvedConnectionString) })
                NpgsqlConnection.ClearPool(new NpgsqlConnection(connection));
            await ExecuteAsync(_postgresAdmin, $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)");
        }
    }
}
