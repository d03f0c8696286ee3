using System.CommandLine;
using Baken.Infrastructure.Persistence;
using Baken.Web.Hosting;
using Microsoft.Extensions.Hosting;

namespace Baken.Cli.Commands;

/// <summary>baken serve: the web workbench and REST API.</summary>
public static class ServeCommand
{
    public static Command Create(CommandIo io)
    {
        var urls = new Option<string?>("--urls") { Description = $"Address(es) to listen on (default {BakenWebApp.DefaultUrl})" };
        var cmd = new Command("serve", "Start the web workbench and the REST API (OpenAPI at /openapi/v1.json, docs at /api-docs)") { urls };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var options = CliSession.ReadDatabaseOptions(g.Config, g.Database);
            var outcome = await DatabaseInitializer.InitializeAsync(options, TimeProvider.System, ct: ct);
            CliSession.Report(outcome, io.Out);
            var app = BakenWebApp.Build([], options, parse.GetValue(urls), configFile: g.Config);
            await io.Out.WriteLineAsync($"Baken is listening on {parse.GetValue(urls) ?? BakenWebApp.DefaultUrl} ({options.Provider}). Press Ctrl+C to stop.");
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
