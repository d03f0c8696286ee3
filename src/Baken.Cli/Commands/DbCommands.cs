using System.CommandLine;
using Baken.Infrastructure.Persistence;

namespace Baken.Cli.Commands;

/// <summary>baken db migrate: bring the database schema up to date (and create it on first use).</summary>
public static class DbCommands
{
    public static Command Create(CommandIo io)
    {
        var cmd = new Command("db", "Database maintenance");
        var migrate = new Command("migrate", "Apply pending migrations, create the first administrator and load the catalogue on an empty database");
        migrate.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var options = CliSession.ReadDatabaseOptions(g.Config, g.Database);
            var outcome = await DatabaseInitializer.InitializeAsync(options, TimeProvider.System, ct: ct);
            CliSession.Report(outcome, io.Out);
            await io.Out.WriteLineAsync(outcome.AppliedMigrations.Count == 0
                ? $"The {options.Provider} database is up to date."
                : $"Applied {outcome.AppliedMigrations.Count} migration(s) to the {options.Provider} database: {string.Join(", ", outcome.AppliedMigrations)}");
            return ExitCodes.Ok;
        }));
        cmd.Subcommands.Add(migrate);
        return cmd;
    }
}
