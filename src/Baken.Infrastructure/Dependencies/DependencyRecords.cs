using System.Globalization;
using Baken.Application.Dependencies;
using Baken.Application.Register;
using Baken.Domain.Dependencies;

namespace Baken.Infrastructure.Dependencies;

/// <summary>
/// The dependent products of a screen as dependency records (`DEP-{importer}-{hs6}`). Only the screen's own figures are
/// written, so screening again updates them and leaves the options, decision and links that analysts added.
/// </summary>
public static class DependencyRecords
{
    /// <summary>Everything a screen keeps (<see cref="RecordDependencyScreen"/>): the dependency records and their concentration series.</summary>
    public static DependencyScreenRows ScreenRows(DependencyScreenResult result, BaciCountryDictionary? countries, IReadOnlyList<ProductDomain>? domains,
        Func<int, string?>? productName = null)
    {
        var (indicators, observations) = ConcentrationSeries(result, productName);
        return new DependencyScreenRows(result.Year, Rows(result, countries, domains, productName), indicators, observations);
    }

    /// <param name="domains">The catalogue's product_domains mapping; the longest matching HS prefix gives a product's domain.</param>
    /// <param name="productName">The name of an HS6 code, put in the record's title ("Antibiotics … (HS 294110), imported by EU27").</param>
    public static IReadOnlyList<ImportRow> Rows(DependencyScreenResult result, BaciCountryDictionary? countries, IReadOnlyList<ProductDomain>? domains = null,
        Func<int, string?>? productName = null)
    {
        ProductDomain? DomainOf(int hs6)
        {
            var code = hs6.ToString("000000", CultureInfo.InvariantCulture);
            return domains?.Where(d => code.StartsWith(d.Prefix, StringComparison.Ordinal)).MaxBy(d => d.Prefix.Length);
        }
        static string? N(double? v) => v?.ToString("R", CultureInfo.InvariantCulture);
        var importer = result.Importer.Name;
        // A product without a mapped domain leaves the domain an analyst may have set as it is.
        return result.Products.Where(p => p.Dependent).Select((p, i) => new ImportRow(i + 1, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["code"] = $"DEP-{importer}-{p.Hs6:000000}",
            ["classification"] = "Ongerubriceerd",
            ["provenance"] = $"BACI screen {result.Year}",
            ["title"] = Title(p.Hs6, productName) + $", imported by {importer}",
            ["hs6"] = p.Hs6.ToString(CultureInfo.InvariantCulture),
            ["importer"] = importer,
            ["year"] = result.Year.ToString(CultureInfo.InvariantCulture),
            ["supplier_hhi"] = N(p.SupplierHhi),
            ["extra_share"] = N(p.ExtraShare),
            ["import_export_ratio"] = N(p.ImportExportRatio),
            ["top_supplier"] = p.TopSupplier is { } s ? countries?.Find(s)?.Name ?? s.ToString(CultureInfo.InvariantCulture) : null,
            ["top_supplier_share"] = N(p.TopSupplierShare),
            ["suppliers"] = StrategicDependency.FormatSuppliers(p.LargestSuppliers?.Select(x =>
                new ListedSupplier(countries?.Find(x.Country)?.Name ?? x.Country.ToString(CultureInfo.InvariantCulture), Math.Round(x.Share, 4))).ToList()),
            ["domain"] = DomainOf(p.Hs6) is { } d ? $"dependency_domains.{d.Domain}" : null,
            ["vital_processes"] = DomainOf(p.Hs6)?.VitalProcesses,
        })).Select(row => new ImportRow(row.Line, row.Values.Where(v => v.Key is not ("domain" or "vital_processes") || v.Value is not null)
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal))).ToList();
    }

    /// <summary>"Antibiotics (HS 294110)", or "HS 294110" without a name; at most 300 characters so the title stays within its limit.</summary>
    public static string Title(int hs6, Func<int, string?>? productName)
    {
        var code = hs6.ToString("000000", CultureInfo.InvariantCulture);
        if (productName?.Invoke(hs6) is not { Length: > 0 } name) return $"HS {code}";
        return $"{(name.Length > 280 ? name[..279] + "…" : name)} (HS {code})";
    }

    /// <summary>
    /// The supplier concentration of every dependent product as a yearly series (`HHI-{importer}-{hs6}`, amber at the
    /// EU test's 0.4), so screens of several years give each product's trend, and a product whose concentration rises
    /// past the threshold raises an alert like any indicator.
    /// </summary>
    public static (IReadOnlyList<ImportRow> Indicators, IReadOnlyList<ImportRow> Observations) ConcentrationSeries(DependencyScreenResult result,
        Func<int, string?>? productName = null)
    {
        var importer = result.Importer.Name;
        var dependent = result.Products.Where(p => p.Dependent && p.SupplierHhi is not null).ToList();
        var indicators = dependent.Select((p, i) => new ImportRow(i + 1, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["code"] = $"HHI-{importer}-{p.Hs6:000000}", ["classification"] = "Ongerubriceerd", ["provenance"] = $"BACI screen {result.Year}",
            ["title"] = $"Supplier concentration of {Title(p.Hs6, productName)} into {importer}", ["unit"] = "HHI 0–1", ["direction"] = "rising", ["amber"] = "0.4",
            ["source"] = "BACI",
        })).ToList();
        var observations = dependent.Select((p, i) => new ImportRow(i + 1, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["code"] = $"HHI-{importer}-{p.Hs6:000000}-{result.Year}", ["classification"] = "Ongerubriceerd", ["indicator"] = $"HHI-{importer}-{p.Hs6:000000}",
            ["date"] = $"{result.Year}-12-31", ["value"] = p.SupplierHhi!.Value.ToString("R", CultureInfo.InvariantCulture),
        })).ToList();
        return (indicators, observations);
    }
}
