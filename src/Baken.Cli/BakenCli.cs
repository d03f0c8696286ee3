using System.CommandLine;
using Baken.Cli.Commands;

namespace Baken.Cli;

/// <summary>The 'baken' command line: one command class per use case, each calling an Application handler.</summary>
public static class BakenCli
{
    public static readonly Option<string?> DatabaseOption = new("--database")
    {
        Description = "Connection string (Host=… for PostgreSQL, Data Source=… for SQLite) or a SQLite file path",
        Recursive = true,
    };

    public static readonly Option<string?> ConfigOption = new("--config") { Description = "A JSON configuration file", Recursive = true };

    public static readonly Option<string?> UserOption = new("--user")
    {
        Description = "Act as this Baken user (default: $BAKEN_USER, else 'admin'); their clearance bounds what the command sees",
        Recursive = true,
    };

    public static GlobalOptions Globals(ParseResult p) => new(p.GetValue(DatabaseOption), p.GetValue(ConfigOption), p.GetValue(UserOption));

    public static RootCommand Build(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Baken — integrated national security planning: register, analysis, strategy and steering.");
        root.Options.Add(DatabaseOption);
        root.Options.Add(ConfigOption);
        root.Options.Add(UserOption);
        var io = new CommandIo(output, error);
        root.Subcommands.Add(ServeCommand.Create(io));
        root.Subcommands.Add(DemoCommand.Create(io));
        foreach (var kind in Baken.Application.Register.RecordKinds.All) root.Subcommands.Add(RecordCommands.Create(kind, io));
        root.Subcommands.Add(ImportExportCommands.Import(io));
        root.Subcommands.Add(ImportExportCommands.Export(io));
        root.Subcommands.Add(HistoryCommand.Create(io));
        root.Subcommands.Add(UserCommands.Create(io));
        root.Subcommands.Add(CatalogCommands.Create(io));
        root.Subcommands.Add(DbCommands.Create(io));
        root.Subcommands.Add(CascadeCommands.Iim(io));
        root.Subcommands.Add(CascadeCommands.Dependencies(io));
        root.Subcommands.Add(SignalCommands.Stix(io));
        root.Subcommands.Add(SignalCommands.Inform(io));
        root.Subcommands.Add(AnalyseCommand.Create(io));
        root.Subcommands.Add(AnalyseCommand.ImportAssessments(io));
        root.Subcommands.Add(CapabilityCommands.Create(io));
        root.Subcommands.Add(ForesightCommands.Create(io));
        root.Subcommands.Add(CascadeSimulationCommands.Create(io));
        root.Subcommands.Add(MeasureCommands.Measures(io));
        root.Subcommands.Add(MeasureCommands.Portfolio(io));
        root.Subcommands.Add(StrategyCommands.Strategy(io));
        root.Subcommands.Add(StrategyCommands.Report(io));
        root.Subcommands.Add(ReleaseCommands.Release(io));
        root.Subcommands.Add(ReleaseCommands.Releases(io));
        foreach (var c in EarlyWarningCommands.Create(io)) root.Subcommands.Add(c);
        // 'council' is both a register kind (list, show, add, …) and the secretariat's steering commands.
        var council = root.Subcommands.Single(c => c.Name == "council");
        foreach (var sub in CouncilCommands.Create(io)) council.Subcommands.Add(sub);
        // The same for the network's work: 'cycle', 'likelihood-review' and 'assessments' carry their workflow steps.
        var cycle = root.Subcommands.Single(c => c.Name == "cycle");
        foreach (var sub in WorkflowCommands.Cycle(io)) cycle.Subcommands.Add(sub);
        var review = root.Subcommands.Single(c => c.Name == "likelihood-review");
        foreach (var sub in WorkflowCommands.Review(io)) review.Subcommands.Add(sub);
        var assessments = root.Subcommands.Single(c => c.Name == "assessments");
        foreach (var sub in WorkflowCommands.AssessmentStatus(io)) assessments.Subcommands.Add(sub);
        root.Subcommands.Add(WorkflowCommands.Inbox(io));
        root.Subcommands.Add(CommentCommands.Create(io));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var config = new InvocationConfiguration { Output = output, Error = error };
        var parse = Build(output, error).Parse(args);
        // An unknown command is an error even with --help, so scripts can tell which commands exist.
        if (parse.Errors.Count > 0 || parse.UnmatchedTokens.Count > 0)
        {
            foreach (var e in parse.Errors) await error.WriteLineAsync(e.Message);
            foreach (var t in parse.UnmatchedTokens.Where(t => parse.Errors.All(e => !e.Message.Contains($"'{t}'", StringComparison.Ordinal))))
                await error.WriteLineAsync($"Unrecognized command or argument '{t}'.");
            await error.WriteLineAsync("See 'baken --help'.");
            return ExitCodes.Invalid;
        }
        return await parse.InvokeAsync(config);
    }
}

/// <summary>Where a command writes, and the single place where failures become messages and exit codes.</summary>
public sealed class CommandIo(TextWriter output, TextWriter error)
{
    public TextWriter Out { get; } = output;
    public TextWriter Err { get; } = error;

    public async Task<int> Run(ParseResult parse, Func<GlobalOptions, Task<int>> body)
    {
        try
        {
            return await body(BakenCli.Globals(parse));
        }
        catch (CliException e)
        {
            await Err.WriteLineAsync(e.Message);
            return e.ExitCode;
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Database:", StringComparison.Ordinal) || e.Message.StartsWith("The default catalogue", StringComparison.Ordinal))
        {
            await Err.WriteLineAsync(e.Message);
            return ExitCodes.Invalid;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
        {
            await Err.WriteLineAsync($"The database cannot be reached or used: {e.Message.Split('\n')[0]}");
            return ExitCodes.Unexpected;
        }
        catch (Exception e) when (e is not OperationCanceledException && Environment.GetEnvironmentVariable("BAKEN_DEBUG") != "1")
        {
            // No stack trace for users (it can carry data); BAKEN_DEBUG=1 shows it.
            await Err.WriteLineAsync($"Unexpected error ({e.GetType().Name}): {e.Message.Split('\n')[0]}");
            return ExitCodes.Unexpected;
        }
    }

    /// <summary>Prints a failed result: every field error on its own line, with line number where known.</summary>
    public int Fail<T>(Application.Common.Result<T> result)
    {
        if (result.Message is { } m) Err.WriteLine(m);
        WriteProblems(result.Errors);
        return ExitCodes.For(result.Status);
    }

    /// <summary>The problems, at most <see cref="Application.Common.ProblemList.MaxShown"/> of them and the count of the rest.</summary>
    public void WriteProblems(IReadOnlyList<Application.Common.FieldError> errors)
    {
        var (shown, omitted) = Application.Common.ProblemList.Cap(errors);
        foreach (var e in shown) Err.WriteLine("  " + e);
        if (omitted > 0) Err.WriteLine("  " + Application.Common.ProblemList.OmittedText(omitted));
    }
}
