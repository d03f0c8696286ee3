using System.CommandLine;
using Baken.Application.Operations;
using Baken.Infrastructure.Persistence;

namespace Baken.Cli.Commands;

/// <summary>baken db migrate|backup|restore: the schema, and copies of the whole database (administrators).</summary>
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
        cmd.Subcommands.Add(Backup(io));
        cmd.Subcommands.Add(Restore(io));
        return cmd;
    }

    private static Command Backup(CommandIo io)
    {
        var output = new Option<string>("--out") { Description = "The backup file to write (must not exist yet)", Required = true };
        var cmd = new Command("backup", "Copy the whole database to a file while it is in use: SQLite's online backup, or pg_dump for PostgreSQL (administrators)") { output };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<DatabaseBackups>().BackUpAsync(parse.GetValue(output)!, ct);
            if (!result.IsOk) return io.Fail(result);
            var b = result.Value!;
            await io.Out.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Backed up the {b.Provider} database to {b.File} ({b.Bytes:N0} bytes, schema {b.Migrations.LastOrDefault() ?? "empty"})."));
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Restore(CommandIo io)
    {
        var file = new Argument<string>("FILE") { Description = "A file written by 'baken db backup' for the same kind of database" };
        var cmd = new Command("restore", "Replace the database's contents with a backup (administrators); stop the servers first") { file };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<DatabaseBackups>().RestoreAsync(parse.GetValue(file)!, ct);
            if (!result.IsOk) return io.Fail(result);
            var b = result.Value!;
            await io.Out.WriteLineAsync($"Restored the {b.Provider} database from {b.File} (schema {b.Migrations.LastOrDefault() ?? "empty"}).");
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
