using System.CommandLine;
using Baken.Application.Register;
using Baken.Cli.Commands;
using Baken.Infrastructure;

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

    /// <summary>
    /// The whole command tree; with <paramref name="first"/> (the first word of the command line) only what that word can
    /// reach. Building every register kind's commands takes a noticeable part of a start (docs/performance.md), so a command
    /// line that names one kind builds that kind alone, and one that names another command builds no register kinds. Anything
    /// else (no word, an option, an unknown word) builds the whole tree, so help and errors read as before.
    /// </summary>
    public static RootCommand Build(TextWriter output, TextWriter error, string? first = null)
    {
        var root = new RootCommand("Baken — integrated national security planning: register, analysis, strategy and steering.");
        root.Options.Add(DatabaseOption);
        root.Options.Add(ConfigOption);
        root.Options.Add(UserOption);
        var io = new CommandIo(output, error);
        var kinds = RecordKinds.All;
        var onlyKind = first is null ? null : kinds.FirstOrDefault(k => k.Name == first);
        // In the order 'baken --help' has always listed them: serve and demo, the register kinds, then the rest.
        var others = onlyKind is null ? OtherCommands(io) : [];
        var otherNamed = first is not null && others.Any(c => c.Name == first || c.Aliases.Contains(first));
        foreach (var c in others.Take(2)) root.Subcommands.Add(c);
        foreach (var kind in kinds)
            if (onlyKind is null ? !otherNamed : kind == onlyKind) root.Subcommands.Add(RecordCommands.Create(kind, io));
        foreach (var c in others.Skip(2)) root.Subcommands.Add(c);
        // 'council' is both a register kind (list, show, add, …) and the secretariat's steering commands.
        if (root.Subcommands.SingleOrDefault(c => c.Name == "council") is { } council)
            foreach (var sub in CouncilCommands.Create(io)) council.Subcommands.Add(sub);
        // The same for the network's work: 'cycle', 'likelihood-review' and 'assessments' carry their workflow steps.
        if (root.Subcommands.SingleOrDefault(c => c.Name == "cycle") is { } cycle)
            foreach (var sub in WorkflowCommands.Cycle(io)) cycle.Subcommands.Add(sub);
        if (root.Subcommands.SingleOrDefault(c => c.Name == "likelihood-review") is { } review)
            foreach (var sub in WorkflowCommands.Review(io)) review.Subcommands.Add(sub);
        if (root.Subcommands.SingleOrDefault(c => c.Name == "assessments") is { } assessments)
            foreach (var sub in WorkflowCommands.AssessmentStatus(io)) assessments.Subcommands.Add(sub);
        return root;
    }

    /// <summary>Every command that is not a register kind; serve and demo first.</summary>
    private static List<Command> OtherCommands(CommandIo io) =>
    [
        ServeCommand.Create(io),
        DemoCommand.Create(io),
        ImportExportCommands.Import(io),
        ImportExportCommands.Export(io),
        HistoryCommand.Create(io),
        UserCommands.Create(io),
        CatalogueCommands.Create(io),
        DbCommands.Create(io),
        CascadeCommands.Iim(io),
        DependencyCommands.Dependencies(io),
        StixCommands.Stix(io),
        InformCommands.Inform(io),
        AnalyseCommand.Create(io),
        AnalyseCommand.ImportAssessments(io),
        CapabilityCommands.Create(io),
        ForesightCommands.Create(io),
        CascadeSimulationCommands.Create(io),
        MeasureCommands.Measures(io),
        MeasureCommands.Portfolio(io),
        StrategyCommands.Strategy(io),
        StrategyCommands.Report(io),
        ReleaseCommands.Release(io),
        ReleaseCommands.Releases(io),
        .. SignalCommands.Create(io),
        WorkflowCommands.Inbox(io),
        CommentCommands.Create(io),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        StartupTrace.Mark("main");
        var config = new InvocationConfiguration { Output = output, Error = error };
        var root = Build(output, error, args.Length > 0 ? args[0] : null);
        StartupTrace.Mark("command tree built");
        var parse = root.Parse(args);
        StartupTrace.Mark("parsed");
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
        catch (SetupException e)
        {
            // The database settings, a client tool or the catalogue: the message names what to fix.
            await Err.WriteLineAsync(e.Message);
            return ExitCodes.Invalid;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            // A setting of the configuration that is not allowed: each problem names the setting, its value and what is allowed.
            foreach (var failure in e.Failures) await Err.WriteLineAsync(failure);
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
