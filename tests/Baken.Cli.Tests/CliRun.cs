using Baken.Testing;

namespace Baken.Cli.Tests;

public sealed record CliOutcome(int ExitCode, string Out, string Err);

/// <summary>Runs the baken command in-process against a test database, capturing what it prints.</summary>
public static class CliRun
{
    public static async Task<CliOutcome> Baken(TestDatabase database, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = await BakenCli.RunAsync([.. args, "--database", database.Options.ConnectionString!], o, e);
        return new CliOutcome(code, o.ToString(), e.ToString());
    }

    public static async Task<CliOutcome> WithoutDatabase(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = await BakenCli.RunAsync(args, o, e);
        return new CliOutcome(code, o.ToString(), e.ToString());
    }
}
