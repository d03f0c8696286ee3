using System.Globalization;
using Baken.Methods.Dependencies;

namespace Baken.Infrastructure.Dependencies;

/// <summary>
/// Writes a screening as CSV, one row per product: hs6 (6 digits, zero-padded), supplier_hhi, extra_share,
/// dependent (true/false), import_export_ratio, extra_imports, total_imports, exports (thousand USD),
/// world_export_hhi, top_supplier (BACI code), top_supplier_iso3 (when a dictionary is given), top_supplier_share,
/// supplier_count, cbs_band (low/moderate/high), and the criteria met (meets_hhi, meets_extra_share,
/// meets_import_export, meets_world_hhi), and the product's English name (product; empty when no name list is given or
/// it lacks the code). Undefined ratios are empty. Invariant culture, round-trip precision.
/// </summary>
public static class DependencyScreenCsv
{
    private const string Header =
        "hs6,supplier_hhi,extra_share,dependent,import_export_ratio,extra_imports,total_imports,exports,world_export_hhi,"
        + "top_supplier,top_supplier_iso3,top_supplier_share,supplier_count,cbs_band,meets_hhi,meets_extra_share,meets_import_export,meets_world_hhi,product";

    /// <param name="productName">The name of an HS6 code (for example <see cref="HsProductNames.Name"/>).</param>
    public static void Write(DependencyScreenResult result, TextWriter writer, BaciCountryDictionary? countries = null, Func<int, string?>? productName = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        Write(result.Products, writer, countries, productName);
    }

    public static void Write(IEnumerable<ProductDependency> products, TextWriter writer, BaciCountryDictionary? countries = null, Func<int, string?>? productName = null)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Header);
        writer.Write('\n');
        foreach (var p in products)
        {
            string[] cells =
            [
                p.Hs6.ToString("D6", CultureInfo.InvariantCulture),
                Number(p.SupplierHhi),
                Number(p.ExtraShare),
                Bool(p.Dependent),
                Number(p.ImportExportRatio),
                Number(p.ExtraImports),
                Number(p.TotalImports),
                Number(p.Exports),
                Number(p.WorldExportHhi),
                p.TopSupplier?.ToString(CultureInfo.InvariantCulture) ?? "",
                p.TopSupplier is { } code ? countries?.Find(code)?.Iso3 ?? "" : "",
                Number(p.TopSupplierShare),
                p.SupplierCount.ToString(CultureInfo.InvariantCulture),
                p.CbsBand?.ToString().ToLowerInvariant() ?? "",
                Bool(p.MeetsConcentration),
                Bool(p.MeetsExtraShare),
                Bool(p.MeetsImportExport),
                Bool(p.MeetsWorldConcentration),
                Text(productName?.Invoke(p.Hs6)),
            ];
            writer.Write(string.Join(',', cells));
            writer.Write('\n');
        }
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Quoted when it holds a comma or a quote (product names do: "Horses: live, pure-bred breeding animals").</summary>
    private static string Text(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string Bool(bool value) => value ? "true" : "false";
}
