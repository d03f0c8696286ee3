using System.CommandLine;
using System.Globalization;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Application.Releases;
using Baken.Domain.Security;
using Baken.Infrastructure.Releases;
using Baken.Infrastructure.Reports.Documents;

namespace Baken.Cli.Commands;

/// <summary>
/// Releasing products to an audience (issue 14): <c>baken release PRODUCT [SUBJECT] --audience A</c> renders the product
/// for the audience, checks it and stores it as an immutable release; <c>baken releases</c> lists what the user may
/// see and writes a stored file out.
/// </summary>
public static class ReleaseCommands
{
    public static Command Release(CommandIo io)
    {
        var product = new Argument<string>("product") { Description = "A run code (RUN-…), or " + ProductDocuments.ProductKinds };
        var subject = new Argument<string?>("subject") { Description = "The meeting code for agenda, minutes and summary", Arity = ArgumentArity.ZeroOrOne };
        var audience = new Option<string>("--audience") { Description = CompartmentDirectory.AudienceAllowed, Required = true };
        var format = new Option<string>("--format") { Description = "docx (default) or html", DefaultValueFactory = _ => "docx" };
        var language = new Option<string>("--lang") { Description = "nl (default) or en", DefaultValueFactory = _ => "nl" };
        var asOf = new Option<string?>("--as-of") { Description = "Progress report: the date it describes (yyyy-MM-dd; default: today)" };
        var cmd = new Command("release", "Release a product to an audience: rendered for it, checked against what it may not see, stored with its SHA-256 (never changed; again makes a new version)")
        {
            product, subject, audience, format, language, asOf,
        };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var lang = parse.GetValue(language)?.ToLowerInvariant();
            if (lang is not ("nl" or "en")) throw new CliException(ExitCodes.Invalid, $"--lang: '{parse.GetValue(language)}' is not allowed; allowed: nl or en.");
            var fmt = parse.GetValue(format)?.ToLowerInvariant();
            if (fmt is not ("docx" or "html")) throw new CliException(ExitCodes.Invalid, $"--format: '{parse.GetValue(format)}' is not allowed; allowed: docx or html.");
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var audienceRead = await session.Get<ReadMarkings>().AudienceAsync(parse.GetValue(audience), ct);
            if (!audienceRead.IsOk) return io.Fail(audienceRead);
            var target = audienceRead.Value!;
            var products = session.Get<ProductDocuments>();
            var what = parse.GetValue(product)!;
            var about = parse.GetValue(subject);
            Result<AudienceProduct> made = what.ToLowerInvariant() switch
            {
                "progress" => Result<AudienceProduct>.Ok(await products.ProgressAsync(target, StrategyCommands.Today(parse.GetValue(asOf)), lang, ct: ct)),
                "dependencies" => Result<AudienceProduct>.Ok(await products.DependenciesAsync(target, lang, ct)),
                "agenda" or "minutes" or "summary" when about is not null => await products.MeetingAsync(what.ToLowerInvariant(), about, target, lang, ct),
                "agenda" or "minutes" or "summary" => Result<AudienceProduct>.Invalid(new FieldError("subject", "", ReleaseRules.MeetingCode)),
                "analysis" when about is not null => await products.AnalysisAsync(about, target, lang, ct),
                _ when what.StartsWith("RUN-", StringComparison.OrdinalIgnoreCase) => await products.AnalysisAsync(what, target, lang, ct),
                _ => Result<AudienceProduct>.Invalid(new FieldError("product", what, ReleaseRules.ProductKinds)),
            };
            if (!made.IsOk) return io.Fail(made);
            var released = await ReleaseFiles.ReleaseAsync(session.Get<ReleaseProduct>(), made.Value!, target, fmt, ct);
            if (!released.IsOk) return io.Fail(released);
            var r = released.Value!;
            await io.Out.WriteLineAsync($"{r.Code}\t{r.ProductKind} {r.Subject}\tv{r.ReleaseNumber}\t{r.Audience}\t{r.Marking}\tsha256:{r.Sha256}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    public static Command Releases(CommandIo io)
    {
        var code = new Option<string?>("--code") { Description = "Write the stored file of this release to --out" };
        var output = new Option<string?>("--out") { Description = "Folder for the file of --code" };
        var format = ListOutput.FormatOption();
        var cmd = new Command("releases", "The released products you may see (the Public role: those released to the public); --code and --out write one file") { code, output, format };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var list = session.Get<ListReleases>();
            if (parse.GetValue(code) is { } c)
            {
                var folder = parse.GetValue(output) ?? throw new CliException(ExitCodes.Invalid, "--out: required with --code; the folder to write the file into.");
                var one = await list.GetAsync(c, ct);
                if (!one.IsOk) return io.Fail(one);
                try { await io.Out.WriteLineAsync(await DocumentFiles.WriteBytesAsync(folder, one.Value!.FileName, one.Value.Content, ct)); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException(ExitCodes.Invalid, $"--out: cannot write to '{folder}': {e.Message}");
                }
                return ExitCodes.Ok;
            }
            var releases = await list.HandleAsync(ct);
            var rows = new ListOutput("code", "product", "subject", "version", "audience", "marking", "released_by", "released_at", "sha256");
            foreach (var r in releases)
                rows.Add(r.Code, r.ProductKind.ToString(), r.Subject, r.ReleaseNumber.ToString(CultureInfo.InvariantCulture), r.Audience, r.Marking, r.ReleasedBy,
                    r.ReleasedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), r.Sha256);
            if (rows.WriteIfAsked(io, parse.GetValue(format))) return ExitCodes.Ok;
            // Without --format: one line per release, tab-separated, as scripts have read it.
            await io.Out.WriteLineAsync("code\tproduct\tsubject\tversion\taudience\tmarking\treleased_by\treleased_at\tsha256");
            foreach (var r in releases)
                await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Code}\t{r.ProductKind}\t{r.Subject}\t{r.ReleaseNumber}\t{r.Audience}\t{r.Marking}\t{r.ReleasedBy}\t{r.ReleasedAtUtc:yyyy-MM-dd'T'HH:mm:ss'Z'}\t{r.Sha256}"));
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
