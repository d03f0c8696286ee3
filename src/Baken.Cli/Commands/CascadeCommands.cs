using System.CommandLine;
using Baken.Infrastructure.Cascades;

namespace Baken.Cli.Commands;

/// <summary>baken iim: the inoperability input–output model on a case file (works on files and needs no database).</summary>
public static class CascadeCommands
{
    public static Command Iim(CommandIo io)
    {
        var caseFile = new Option<string>("--case") { Description = "Case file (JSON with its matrix, resilience and initial-state CSV files)", Required = true };
        var output = new Option<string?>("--out") { Description = "Result CSV: sector,q_final,q_cumulative (default: standard output)" };
        var matrix = new Option<string?>("--matrix")
        {
            Description = "Write the derived matrix instead of the result: 'interdependency' (A*, the default) or 'technical' (a_ij = z_ij/x_j)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var trajectory = new Option<string?>("--trajectory") { Description = "Dynamic cases: also write each sector's inoperability at every time step to this CSV (t, one column per sector)" };
        var cmd = new Command("iim", "Run an inoperability input–output model case (static or dynamic) and write per-sector inoperability") { caseFile, output, matrix, trajectory };
        cmd.SetAction((parse, ct) => io.Run(parse, async _ =>
        {
            IimCaseResult result;
            try
            {
                result = IimCaseRunner.Run(parse.GetValue(caseFile)!);
            }
            catch (IimCaseFileException e)
            {
                throw new CliException(ExitCodes.Invalid, e.Message);
            }
            if (parse.GetValue(trajectory) is { } trajectoryPath)
            {
                if (result.Trajectory is not { } path)
                    throw new CliException(ExitCodes.Invalid, "--trajectory: this is a static case; only dynamic cases have a trajectory over time.");
                await using var t = new StreamWriter(trajectoryPath, false, new System.Text.UTF8Encoding(false));
                await t.WriteLineAsync("t," + string.Join(",", path.Sectors.Select(MeasureCommands.Csv)));
                for (var step = 0; step < path.TimeSteps; step++)
                    await t.WriteLineAsync(step.ToString(System.Globalization.CultureInfo.InvariantCulture) + "," +
                        string.Join(",", path.At(step).Select(q => q.ToString("R", System.Globalization.CultureInfo.InvariantCulture))));
            }
            await using var writer = Writer(parse.GetValue(output), io);
            if (parse.GetResult(matrix) is not null)
            {
                var kind = parse.GetValue(matrix) switch
                {
                    null or "" or "interdependency" => IimMatrixKind.Interdependency,
                    "technical" => IimMatrixKind.TechnicalCoefficients,
                    var other => throw CliException.Invalid("--matrix", other, "interdependency, technical"),
                };
                IimResultCsv.WriteMatrix(result, writer, kind);
            }
            else
            {
                IimResultCsv.Write(result, writer);
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>A file writer, or standard output when no path is given (left open).</summary>
    internal static TextWriter Writer(string? path, CommandIo io) =>
        path is null ? new NonClosingWriter(io.Out) : new StreamWriter(path, false, new System.Text.UTF8Encoding(false));

    private sealed class NonClosingWriter(TextWriter inner) : TextWriter
    {
        public override System.Text.Encoding Encoding => inner.Encoding;
        public override void Write(char value) => inner.Write(value);
        public override void Write(string? value) => inner.Write(value);
        protected override void Dispose(bool disposing) => inner.Flush();
    }
}
