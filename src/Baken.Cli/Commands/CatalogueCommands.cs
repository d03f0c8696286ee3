using System.CommandLine;
using Baken.Application.Catalogue;
using Baken.Infrastructure.Catalogue;

namespace Baken.Cli.Commands;

/// <summary>baken catalog import [DIR] / export --out DIR: the default catalogue as editable JSON files.</summary>
public static class CatalogueCommands
{
    public static Command Create(CommandIo io)
    {
        var cmd = new Command("catalog", "The catalogue: interests, criteria and scales, themes, goals, councils, …");
        var folder = new Argument<string?>("folder") { Description = "Folder of catalogue JSON files (default: the catalogue shipped with Baken)", Arity = ArgumentArity.ZeroOrOne };
        var import = new Command("import", "Load catalogue files; items are matched on code, so nothing is duplicated") { folder };
        import.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var (files, errors) = CatalogueDirectory.Read(parse.GetValue(folder) ?? CatalogueDirectory.Default);
            if (errors.Count > 0)
            {
                await io.Err.WriteLineAsync("Nothing was loaded:");
                foreach (var e in errors) await io.Err.WriteLineAsync("  " + e);
                return ExitCodes.Invalid;
            }
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<LoadCatalogue>().HandleAsync(files, ct);
            if (!result.IsOk) return io.Fail(result);
            foreach (var k in result.Value!.Kinds)
                await io.Out.WriteLineAsync($"{k.Kind,-28} {k.Created,4} created {k.Updated,4} updated {k.Unchanged,4} unchanged");
            return ExitCodes.Ok;
        }));
        var output = new Option<string>("--out") { Description = "Folder to write the files to", Required = true };
        var export = new Command("export", "Write the catalogue as JSON files") { output };
        export.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var files = await session.Get<ExportCatalogue>().HandleAsync(ct);
            CatalogueDirectory.Write(parse.GetValue(output)!, files);
            await io.Out.WriteLineAsync($"Wrote {files.Count} catalogue files to {parse.GetValue(output)}.");
            return ExitCodes.Ok;
        }));
        cmd.Subcommands.Add(import);
        cmd.Subcommands.Add(export);
        return cmd;
    }
}
