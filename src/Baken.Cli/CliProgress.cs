using Spectre.Console;

namespace Baken.Cli;

/// <summary>
/// A progress bar for work that takes a while, drawn on the terminal's error stream only when a person is watching:
/// none when the command writes to a file, a pipe or a test's writer, so scripts see exactly the output they parse.
/// </summary>
public static class CliProgress
{
    /// <summary>True when the command writes to the console and neither output nor error is redirected.</summary>
    public static bool IsInteractive(CommandIo io) =>
        ReferenceEquals(io.Out, Console.Out) && !Console.IsOutputRedirected && !Console.IsErrorRedirected;

    /// <summary>Runs <paramref name="work"/>, showing the fraction (0–1) it reports.</summary>
    public static async Task<T> RunAsync<T>(CommandIo io, string description, Func<IProgress<double>, Task<T>> work)
    {
        if (!IsInteractive(io)) return await work(new Ignore<double>());
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress().AutoClear(true).HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(description), maxValue: 1);
                var result = await work(new Reporter<double>(v => task.Value = Math.Clamp(v, 0, 1)));
                task.Value = 1;
                return result;
            });
    }

    /// <summary>Runs <paramref name="work"/> in named steps, showing which step it is in (count of <paramref name="steps"/>).</summary>
    public static Task<T> RunStepsAsync<T>(CommandIo io, string description, int steps, Func<IProgress<string>, Task<T>> work)
    {
        var done = 0;
        return RunAsync(io, description, fraction => work(new Reporter<string>(_ => fraction.Report((double)done++ / steps))));
    }

    /// <summary>Reports synchronously, on the caller's thread (System.Progress would post to the thread pool and lag behind).</summary>
    private sealed class Reporter<TValue>(Action<TValue> report) : IProgress<TValue>
    {
        public void Report(TValue value) => report(value);
    }

    private sealed class Ignore<TValue> : IProgress<TValue>
    {
        public void Report(TValue value) { }
    }
}
