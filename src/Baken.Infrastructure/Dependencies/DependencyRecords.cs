using System.Globalization;
using Baken.Application.Register;

namespace Baken.Infrastructure.Dependencies;

/// <summary>
/// The dependent products of a screen as dependency records (`DEP-{importer}-{hs6}`). Only the screen's own figures are
/// written, so screening again updates them and leaves the options, decision and links that analysts added.
/// </summary>
public static class DependencyRecords
{
    public static IReadOnlyList<ImportRow> Rows(DependencyScreenResult result, BaciCountryDictionary? countries)
    {
        static string? N(double? v) => v?.ToString("R", CultureInfo.InvariantCulture);
        var importer = result.Importer.Name;
        return result.Products.Where(p => p.Dependent).Select((p, i) => new ImportRow(i + 1, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["code"] = $"DEP-{importer}-{p.Hs6:000000}",
            ["classification"] = "Ongerubriceerd",
            ["provenance"] = $"BACI screen {result.Year}",
            ["title"] = $"HS {p.Hs6:000000} imported by {importer}",
            ["hs6"] = p.Hs6.ToString(CultureInfo.InvariantCulture),
            ["importer"] = importer,
            ["year"] = result.Year.ToString(CultureInfo.InvariantCulture),
            ["supplier_hhi"] = N(p.SupplierHhi),
            ["extra_share"] = N(p.ExtraShare),
            ["import_export_ratio"] = N(p.ImportExportRatio),
            ["top_supplier"] = p.TopSupplier is { } s ? countries?.Find(s)?.Name ?? s.ToString(CultureInfo.InvariantCulture) : null,
            ["top_supplier_share"] = N(p.TopSupplierShare),
        })).ToList();
    }
}
