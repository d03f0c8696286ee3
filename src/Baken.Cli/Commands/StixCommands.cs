using System.Globalization;
using System.CommandLine;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Application.Signals;
using Baken.Domain;
using Baken.Infrastructure.CountryRisk;
using Baken.Infrastructure.Stix;

namespace Baken.Cli.Commands;

/// <summary>baken stix import|export: STIX 2.1 bundles.</summary>
public static class StixCommands
{
    /// <summary>The largest bundle read, in bytes.</summary>
    public const long MaxBundleBytes = 200L * 1024 * 1024;

    public static Command Stix(CommandIo io)
    {
        var file = new Argument<string>("file") { Description = "A STIX 2.1 bundle (JSON)" };
        var import = new Command("import", "Import a STIX 2.1 bundle: every object is validated and kept whole; markings set the classification") { file };
        import.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new CliException(ExitCodes.Invalid, $"file: '{path}' does not exist; give the path of a STIX 2.1 bundle.");
            CommandFiles.RefuseLargerThan(path, "file", MaxBundleBytes);
            StixImportResult bundle;
            await using (var stream = File.OpenRead(path)) bundle = StixBundleReader.Read(stream);
            foreach (var v in bundle.Violations) await io.Err.WriteLineAsync($"  {v}");
            if (bundle.IsMalformed) throw new CliException(ExitCodes.Invalid, $"Nothing was imported: {path} is not a readable STIX bundle.");

            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var levels = await session.Get<ReadStixMarkingLevels>().HandleAsync(ct);
            if (!levels.IsOk) return io.Fail(levels);
            var map = StixMarkingTable.From(levels.Value!);
            var inputs = new List<StixObjectInput>();
            foreach (var o in bundle.UsableObjects)
            {
                if (!RecordCode.IsValid(o.Id) || o.Id.Length > RecordCode.MaxLength)
                {
                    await io.Err.WriteLineAsync($"  {o.Id}: id longer than {RecordCode.MaxLength} characters; not imported");
                    continue;
                }
                inputs.Add(new StixObjectInput(o.Id, o.Type, o.SpecVersion, o.Created?.UtcDateTime, o.Modified?.UtcDateTime, o.Json, o.Labels,
                    map.Classify(o, bundle.MarkingDefinitions).Level));
            }
            var result = await session.Get<ImportStixObjects>().HandleAsync(inputs, ct);
            if (!result.IsOk) return io.Fail(result);
            var s = result.Value!;
            await io.Out.WriteLineAsync($"Imported {bundle.Objects.Count} objects: {s.Created} new, {s.Updated} updated, {s.Unchanged} unchanged"
                + (s.SkippedAboveClearance > 0 ? $", {s.SkippedAboveClearance} not stored (marked above your clearance)" : "")
                + (s.SkippedOlder > 0 ? $", {s.SkippedOlder} older versions ignored" : "")
                + $"; {bundle.Objects.Count - bundle.UsableObjects.Count} rejected by validation.");
            // Reports, sightings and indicators are news: they also enter the signals' review queue.
            var signals = StixSignals.From(inputs.Where(i => i.Level <= session.User.Clearance).ToList());
            var intake = await session.Get<SignalIntake>().HandleAsync(signals, StixSignals.FeedCode, ct);
            if (!intake.IsOk) return io.Fail(intake);
            if (intake.Value!.Created > 0) await io.Out.WriteLineAsync($"{intake.Value.Created} new signal(s) for review from its reports, sightings and indicators.");
            return ExitCodes.Ok;
        }));

        var output = new Option<string>("--out") { Description = "The bundle file to write", Required = true };
        var types = new Option<string[]>("--type") { Description = "Only objects of these STIX types (repeatable)", AllowMultipleArgumentsPerToken = true };
        var export = new Command("export", "Export the STIX objects you may see as one STIX 2.1 bundle") { output, types };
        export.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var export = await session.Get<ExportStixObjects>().MarkedAsync(parse.GetValue(types), ct);
            // The bundle's marking: the high-water mark of the objects in it (docs/formats.md §8.3).
            var marking = await session.Get<ReadMarkings>().LineAsync(export.Classification, ct);
            await using var stream = File.Create(parse.GetValue(output)!);
            var summary = StixBundleWriter.Write(export.Objects, stream, new StixBundleWriteOptions(null, null, true, marking));
            await io.Err.WriteLineAsync($"Wrote {summary.ObjectIds.Count} objects to {parse.GetValue(output)} ({summary.BundleId}); marked {marking}." +
                (export.Withheld > 0 ? $" {export.Withheld} object(s) left out: they refer to objects above your clearance." : ""));
            return ExitCodes.Ok;
        }));
        return new Command("stix", "STIX 2.1 threat intelligence") { import, export };
    }

    /// <summary>A bundle is read whole into memory to keep every property; larger ones are split before import.</summary>
}
