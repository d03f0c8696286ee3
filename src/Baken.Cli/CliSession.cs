using Baken.Application.Common;
using Baken.Domain.Users;
using Baken.Infrastructure;
using Baken.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Cli;

/// <summary>
/// What one CLI invocation works with: the configured database (initialised on first use) and the acting
/// user, whose clearance bounds everything the command reads and writes.
/// </summary>
public sealed class CliSession : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly AsyncServiceScope _scope;

    private CliSession(ServiceProvider provider, ICurrentUser user)
    {
        _provider = provider;
        _scope = provider.CreateAsyncScope();
        User = user;
    }

    public ICurrentUser User { get; }

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>Reads configuration: baken.json in the working folder, --config FILE, environment (Database__Provider or BAKEN_Database__Provider), then --database.</summary>
    public static DatabaseOptions ReadDatabaseOptions(string? configFile, string? database) =>
        ReadDatabaseOptions(ReadConfiguration(configFile), database);

    /// <summary>baken.json in the working folder, --config FILE, then the environment (Section__Key or BAKEN_Section__Key).</summary>
    /// <summary>The file limits (configuration section Limits), validated: a bad setting exits 2 naming it, before any file is read.</summary>
    public static Baken.Infrastructure.Files.FileLimits FileLimits(GlobalOptions global)
    {
        try { return Baken.Infrastructure.Files.FileLimits.From(ReadConfiguration(global.Config)); }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new CliException(ExitCodes.Invalid, $"Configuration: {e.Message}");
        }
    }

    /// <summary>The widening where knowledge is weak (configuration section Analysis), validated: a bad setting exits 2 naming it.</summary>
    public static Baken.Application.Analysis.KnowledgeWideningOptions KnowledgeWidening(IConfiguration config)
    {
        var options = new Baken.Application.Analysis.KnowledgeWideningOptions();
        try { config.GetSection(Baken.Application.Analysis.KnowledgeWideningOptions.Section).Bind(options); }
        catch (InvalidOperationException e) { throw new CliException(ExitCodes.Invalid, $"Configuration: {e.Message}"); }
        if (options.Problems() is { Count: > 0 } problems) throw new CliException(ExitCodes.Invalid, "Configuration: " + string.Join("; ", problems));
        return options;
    }

    public static IConfiguration ReadConfiguration(string? configFile)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "baken.json"), optional: true);
        if (configFile is not null)
        {
            if (!File.Exists(configFile)) throw new CliException(ExitCodes.Invalid, $"--config: '{configFile}' does not exist; give the path of a JSON configuration file.");
            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }
        return builder.AddEnvironmentVariables().AddEnvironmentVariables("BAKEN_").Build();
    }

    private static DatabaseOptions ReadDatabaseOptions(IConfiguration config, string? database)
    {
        var options = new DatabaseOptions();
        try
        {
            config.GetSection(DatabaseOptions.Section).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new CliException(ExitCodes.Invalid, $"Database configuration: {e.Message} (allowed providers: Sqlite, Postgres).");
        }
        if (!string.IsNullOrWhiteSpace(database)) options.ApplyDatabaseArgument(database);
        return options;
    }

    public static async Task<CliSession> OpenAsync(GlobalOptions global, TextWriter output, bool initialise = true, CancellationToken ct = default)
    {
        var config = ReadConfiguration(global.Config);
        var options = ReadDatabaseOptions(config, global.Database);
        StartupTrace.Mark("configuration read");
        if (initialise)
        {
            var outcome = await DatabaseInitializer.InitializeAsync(options, TimeProvider.System, ct: ct);
            Report(outcome, output);
            StartupTrace.Mark("database initialised");
        }
        // Resolve the acting user with a system context, then give every handler a context bound to that user.
        await using (var system = DatabaseSetup.CreateContext(options, FixedUser.System, TimeProvider.System))
        {
            var name = global.User ?? Environment.GetEnvironmentVariable("BAKEN_USER") ?? Baken.Application.Users.EnsureAdministrator.AdminUserName;
            var current = await ActingUserAsync(system, name, ct)
                          ?? throw new CliException(ExitCodes.Forbidden, $"--user: '{name}' is not a Baken user; 'baken user list' shows the users.");
            StartupTrace.Mark("acting user read");
            var services = new ServiceCollection();
            services.AddBakenInfrastructure(options);
            services.Configure<Baken.Infrastructure.Signals.FeedOptions>(config.GetSection(Baken.Infrastructure.Signals.FeedOptions.Section));
            services.Configure<Baken.Application.Signals.AlertOptions>(config.GetSection(Baken.Application.Signals.AlertOptions.Section));
            services.AddSingleton(KnowledgeWidening(config));
            services.AddSingleton<ICurrentUser>(current);
            var session = new CliSession(services.BuildServiceProvider(), current);
            StartupTrace.Mark("services built");
            return session;
        }
    }

    /// <summary>
    /// The acting user's name, clearance, compartments, roles and organisation, by one plain SQL query: every command does
    /// this before its own query, and EF Core's first query costs a compilation (docs/performance.md, CLI start-up).
    /// </summary>
    private static async Task<FixedUser?> ActingUserAsync(BakenDbContext db, string name, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT "UserName", "Clearance", "CompartmentMask", "Roles", "OrganisationCode" FROM "Users" WHERE "UserName" = @name""";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@name";
            parameter.Value = name;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) return null;
            // The roles are a primitive collection: a text[] on PostgreSQL, a JSON array on SQLite.
            var roles = reader.GetValue(3) switch
            {
                string[] array => array,
                string json => System.Text.Json.JsonSerializer.Deserialize<string[]>(json) ?? [],
                _ => [],
            };
            return new FixedUser(reader.GetString(0), (Baken.Domain.Security.ClassificationLevel)reader.GetInt32(1), reader.GetInt64(2), roles,
                reader.IsDBNull(4) ? null : reader.GetString(4));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public static void Report(InitializationOutcome outcome, TextWriter output)
    {
        if (outcome.AdministratorPassword is { } pw)
        {
            output.WriteLine("Created the administrator account 'admin'. Its one-time password (shown only now; change it at first sign-in):");
            output.WriteLine("  " + pw);
        }
        if (outcome.Catalogue is { } c)
            output.WriteLine($"Loaded the default catalogue: {c.Created} records.");
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _provider.DisposeAsync();
    }
}

/// <summary>An expected failure of a command, with its exit code and a message for the user.</summary>
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>A bad option value (exit 2), in the words of every field error: "--option: 'value' is not allowed; allowed: …".</summary>
    public static CliException Invalid(string field, string? value, string allowed) =>
        new(ExitCodes.Invalid, Baken.Domain.FieldProblem.Describe(field, value ?? "", allowed));
}

public sealed record GlobalOptions(string? Database, string? Config, string? User);
