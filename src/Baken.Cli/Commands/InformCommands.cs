using System.Globalization;
using System.CommandLine;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Application.Signals;
using Baken.Domain;
using Baken.Infrastructure.CountryRisk;
using Baken.Infrastructure.Stix;

namespace Baken.Cli.Commands;

/// <summary>baken inform compute|import: the INFORM country risk index.</summary>
public static class InformCommands
{
    /// <summary>The largest INFORM release file read, in bytes.</summary>
    public const long MaxInformBytes = 50L * 1024 * 1024;

    public static Command Inform(CommandIo io)
    {
        var input = new Option<string>("--input") { Description = "An INFORM release file (CSV, e.g. INFORM-2016.csv or inform_gri_2020_v040.csv)", Required = true };
        var output = new Option<string?>("--out") { Description = "Result CSV: iso3,country,risk,hazard_exposure,vulnerability,lack_of_coping_capacity,… (default: standard output)" };
        var compute = new Command("compute", "Recompute INFORM Risk = (H&E × V × LCC)^(1/3) per country from a release file") { input, output };
        compute.SetAction((parse, ct) => io.Run(parse, async _ =>
        {
            var path = parse.GetValue(input)!;
            if (!File.Exists(path)) throw new CliException(ExitCodes.Invalid, $"--input: '{path}' does not exist; give an INFORM release CSV file.");
            CommandFiles.RefuseLargerThan(path, "--input", MaxInformBytes);
            InformComputeResult result;
            try
            {
                result = InformCompute.Run(path);
            }
            catch (InvalidDataException e)
            {
                throw new CliException(ExitCodes.Invalid, $"--input: {e.Message}");
            }
            foreach (var w in result.Warnings.Take(20)) await io.Err.WriteLineAsync("  " + w);
            if (parse.GetValue(output) is { } outPath) InformResultCsvWriter.Write(result, outPath);
            else
            {
                using var ms = new MemoryStream();
                InformResultCsvWriter.Write(result, ms);
                await io.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(ms.ToArray()));
            }
            await io.Err.WriteLineAsync($"{result.Countries.Count} countries; largest difference from the published risk {result.MaximumDeviation:0.###}.");
            return ExitCodes.Ok;
        }));
        var file = new Option<string>("--input") { Description = "A published INFORM country file (any release)", Required = true };
        var year = new Option<int>("--year") { Description = "The release year (e.g. 2020)", Required = true };
        var import = new Command("import", "Recompute a release and keep every country's INFORM Risk as an early-warning series (amber 5, red 6.5)") { file, year };
        import.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new CliException(ExitCodes.Invalid, $"--input: '{path}' does not exist.");
            if (parse.GetValue(year) is < 2000 or > 2100) throw new CliException(ExitCodes.Invalid, $"--year: {parse.GetValue(year)} is outside 2000 … 2100.");
            InformComputeResult result;
            try { result = InformCompute.Run(path); }
            catch (InvalidDataException e) { throw new CliException(ExitCodes.Invalid, $"--input: {e.Message}"); }
            var (indicators, observations) = InformIndicators.Rows(result, parse.GetValue(year), Path.GetFileName(path));
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var importer = session.Get<ImportRecords>();
            var first = await importer.HandleAsync(new ImportRecordsRequest("warning-indicator", indicators), ct);
            if (!first.IsOk) return io.Fail(first);
            var second = await importer.HandleAsync(new ImportRecordsRequest("observation", observations), ct);
            if (!second.IsOk) return io.Fail(second);
            await io.Out.WriteLineAsync($"{observations.Count} countries of the {parse.GetValue(year)} release kept ({second.Value!.Created} new values).");
            return ExitCodes.Ok;
        }));
        return new Command("inform", "The INFORM composite country risk index") { compute, import };
    }
}
