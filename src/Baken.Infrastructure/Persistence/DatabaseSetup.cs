using Baken.Application.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;

namespace Baken.Infrastructure.Persistence;

/// <summary>Configures the context for the chosen provider, with the migrations of that provider's own assembly.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Baken.Infrastructure.Sqlite";
    public const string PostgresMigrationsAssembly = "Baken.Infrastructure.Postgres";

    public static DbContextOptionsBuilder<BakenDbContext> Configure(DbContextOptionsBuilder<BakenDbContext> builder, DatabaseOptions options)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var cs = new SqliteConnectionStringBuilder(options.ResolvedConnectionString);
                if (Path.GetDirectoryName(Path.GetFullPath(cs.DataSource)) is { } dir) Directory.CreateDirectory(dir);
                builder.UseSqlite(cs.ToString(), o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(options.ResolvedConnectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported; allowed: Sqlite, Postgres.");
        }
        return builder;
    }

    public static BakenDbContext CreateContext(DatabaseOptions options, ICurrentUser user, TimeProvider clock) =>
        new(Configure(new DbContextOptionsBuilder<BakenDbContext>(), options).Options, user, clock);
}
