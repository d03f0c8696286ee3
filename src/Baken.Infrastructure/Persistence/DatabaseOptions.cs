namespace Baken.Infrastructure.Persistence;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Where the register lives. Section "Database" of the configuration (config file, environment variables
/// such as Database__Provider, or the --database option). Validated at start-up, not on first use.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>ADO.NET connection string. Empty with SQLite means {DataFolder}/baken.db.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder of the embedded database. Default: the user's local application data folder + /baken.</summary>
    public string? DataFolder { get; set; }

    /// <summary>Apply pending migrations when a host starts (both providers). 'baken db migrate' does it explicitly.</summary>
    public bool AutoMigrate { get; set; } = true;

    public string ResolvedDataFolder => string.IsNullOrWhiteSpace(DataFolder)
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "baken")
        : Path.GetFullPath(DataFolder);

    public string ResolvedConnectionString => Provider switch
    {
        DatabaseProvider.Sqlite when string.IsNullOrWhiteSpace(ConnectionString) => $"Data Source={Path.Combine(ResolvedDataFolder, "baken.db")}",
        DatabaseProvider.Postgres when string.IsNullOrWhiteSpace(ConnectionString) =>
            throw new SetupException("Database:ConnectionString is required when Database:Provider is Postgres (e.g. \"Host=localhost;Database=baken;Username=baken;Password=…\")."),
        _ => ConnectionString!,
    };

    /// <summary>
    /// Reads a --database value: a PostgreSQL connection string (contains Host=), a SQLite connection string
    /// (Data Source=…) or a path to a SQLite file.
    /// </summary>
    public void ApplyDatabaseArgument(string value)
    {
        if (value.Contains("Host=", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgres", StringComparison.OrdinalIgnoreCase))
        {
            Provider = DatabaseProvider.Postgres;
            ConnectionString = value;
        }
        else
        {
            Provider = DatabaseProvider.Sqlite;
            ConnectionString = value.Contains('=') ? value : $"Data Source={Path.GetFullPath(value)}";
        }
    }
}
