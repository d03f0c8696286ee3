using System.CommandLine;
using System.Globalization;
using Baken.Methods.Dependencies;
using Baken.Application.Dependencies;
using Baken.Infrastructure.Dependencies;

namespace Baken.Cli.Commands;

/// <summary>
/// baken dependencies screen: the EU three-criteria test on BACI trade data (METHODS §3), read from files; with --record
/// the dependent products and their concentration series are kept in the register (<see cref="RecordDependencyScreen"/>).
/// </summary>
public static class DependencyCommands
{
    public static Command Dependencies(CommandIo io)
    {
        var baci = new Option<string[]>("--baci") { Description = "BACI trade file (CSV with columns t,i,j,k,v,q, or a .zip holding one); repeat it for the earlier years a persistence window needs", Required = true, AllowMultipleArgumentsPerToken = true };
        var hhi = new Option<double?>("--hhi") { Description = "Supplier HHI threshold (default of the criteria: 0.4)" };
        var extraShare = new Option<double?>("--extra-share") { Description = "Share of imports from outside threshold (default 0.5)" };
        var ratio = new Option<double?>("--ratio") { Description = "Imports / exports threshold (default 1; MERICS 2)" };
        var window = new Option<string?>("--window") { Description = "Persistence: dependent in N of the last M years, written N/M (GeoDep: 2/3); the earlier years come from the --baci files" };
        var year = new Option<int>("--year") { Description = "Year to screen", Required = true };
        var importer = new Option<string>("--importer") { Description = "EU27 (the EU as one importer) or a country (ISO3 or BACI code, e.g. NLD)", DefaultValueFactory = _ => "EU27" };
        var countries = new Option<string?>("--countries") { Description = "BACI country dictionary (for ISO3 importer codes and supplier names)" };
        var criteria = new Option<string>("--criteria") { Description = "eu (HHI > 0.4, extra share > 0.5, imports > exports), geodep or merics", DefaultValueFactory = _ => "eu" };
        var output = new Option<string?>("--out") { Description = "Result CSV, one row per HS6 product (default: standard output)" };
        var edition = new Option<string?>("--hs") { Description = "HS edition of the trade file, for product names: hs92 or hs17 (default: as the file name says, else hs17)" };
        var record = new Option<bool>("--record") { Description = "Keep every dependent product as a dependency record (its options and decision stay as they are when screened again)" };
        var screen = new Command("screen", "Screen a trade year for strategic dependencies (METHODS §3)") { baci, year, importer, countries, criteria, output, record, hhi, extraShare, ratio, window, edition };
        screen.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            try
            {
                var dictionary = parse.GetValue(countries) is { } c ? BaciCountryDictionary.Read(c) : null;
                var imp = DependencyImporterParser.Parse(parse.GetValue(importer)!, dictionary);
                var rule = parse.GetValue(criteria) switch
                {
                    "eu" => DependencyCriteria.EuBottomUp,
                    "geodep" => DependencyCriteria.GeoDep,
                    "merics" => DependencyCriteria.Merics,
                    var other => throw CliException.Invalid("--criteria", other, "eu, geodep, merics"),
                };
                // Thresholds and the persistence window are settings on top of the chosen criteria.
                rule = rule with
                {
                    SupplierHhiThreshold = parse.GetValue(hhi) ?? rule.SupplierHhiThreshold,
                    ExtraShareThreshold = parse.GetValue(extraShare) ?? rule.ExtraShareThreshold,
                    ImportExportRatioThreshold = parse.GetValue(ratio) ?? rule.ImportExportRatioThreshold,
                };
                if (parse.GetValue(window) is { } w)
                {
                    var parts = w.Split('/');
                    if (parts.Length != 2 || !int.TryParse(parts[0], out var need) || !int.TryParse(parts[1], out var of))
                        throw CliException.Invalid("--window", w, "N/M such as 2/3");
                    rule = rule with { Persistence = new DependencyYearWindow(need, of) };
                }
                var files = parse.GetValue(baci)!;
                var hs = parse.GetValue(edition)?.Trim().ToLowerInvariant() switch
                {
                    null => HsProductNames.EditionOf(files[0]) ?? HsNomenclature.Hs17,
                    "hs92" => HsNomenclature.Hs92,
                    "hs17" => HsNomenclature.Hs17,
                    var other => throw CliException.Invalid("--hs", other, "hs92 or hs17"),
                };
                Func<int, string?> productName = code => HsProductNames.Bundled.Name(code, hs);
                var result = ScreenWithPersistence(files, parse.GetValue(year), imp, rule);
                await using var writer = CascadeCommands.Writer(parse.GetValue(output), io);
                DependencyScreenCsv.Write(result, writer, dictionary, productName);
                await io.Err.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Screened {result.Products.Count} products of {result.Year} ({result.FlowsInYear:N0} flows): {result.Products.Count(p => p.Dependent)} dependent."));
                if (parse.GetValue(record))
                {
                    await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
                    var keep = session.Get<RecordDependencyScreen>();
                    var rows = DependencyRecords.ScreenRows(result, dictionary, await keep.ProductDomainsAsync(ct), productName);
                    var stored = await keep.HandleAsync(rows, ct);
                    if (!stored.IsOk) return io.Fail(stored);
                    await io.Err.WriteLineAsync($"Dependency records: {stored.Value!.Dependencies.Created} new, {stored.Value.Dependencies.Updated} updated; concentration series for {result.Year} kept.");
                }
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is BaciFormatException or ArgumentException)
            {
                throw new CliException(ExitCodes.Invalid, e.Message);
            }
        }));
        var cmd = new Command("dependencies", "Strategic dependencies in value chains") { screen };
        return cmd;
    }

    /// <summary>
    /// The screen of <paramref name="year"/>; when the criteria ask for persistence over a window, the earlier years are
    /// screened too (each from the first file that holds it) and a product stays dependent only if it was in enough years.
    /// </summary>
    private static DependencyScreenResult ScreenWithPersistence(IReadOnlyList<string> files, int year, DependencyImporter importer, DependencyCriteria rule)
    {
        DependencyScreenResult ScreenYear(int y)
        {
            var problems = new List<string>();
            foreach (var file in files)
            {
                try
                {
                    var r = DependencyScreen.Run(file, y, importer, rule);
                    if (r.FlowsInYear > 0) return r;
                }
                catch (BaciFormatException e) when (files.Count > 1)
                {
                    // Each file holds one year; one without this year is not an error while another may hold it.
                    problems.Add(e.Message);
                }
            }
            throw new CliException(ExitCodes.Invalid, $"--baci: no file holds trade of {y}"
                + (rule.Persistence.WindowYears > 1 ? $", which the {rule.Persistence.YearsRequired}-of-{rule.Persistence.WindowYears}-years window needs" : "")
                + (problems.Count > 0 ? $" ({string.Join("; ", problems)})" : "") + ".");
        }
        var latest = ScreenYear(year);
        if (rule.Persistence.WindowYears <= 1) return latest;
        var years = new Dictionary<int, IReadOnlyList<ProductDependency>> { [year] = latest.Products };
        for (var y = year - rule.Persistence.WindowYears + 1; y < year; y++) years[y] = ScreenYear(y).Products;
        var persistent = PersistentDependency.Evaluate(years, rule).ToDictionary(p => p.Hs6, p => p.Dependent);
        return latest with { Products = latest.Products.Select(p => p with { Dependent = persistent.GetValueOrDefault(p.Hs6) }).ToList() };
    }
}
