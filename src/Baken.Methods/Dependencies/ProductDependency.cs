namespace Baken.Methods.Dependencies;

/// <summary>
/// Dependency indicators of one HS6 product in one year for one importer. Values are in the unit of the trade
/// data (BACI: thousand USD). Ratios are null where they are undefined (nothing to divide by).
/// </summary>
/// <param name="Hs6">HS 6-digit product code (as a number; write it with 6 digits).</param>
/// <param name="Year">Trade year.</param>
/// <param name="SupplierHhi">HHI of extra imports by supplier, in [1/n, 1]; null without extra imports.</param>
/// <param name="ExtraShare">Extra imports / total imports, in [0, 1]; null without imports.</param>
/// <param name="ImportExportRatio">Extra imports / exports, ≥ 0; null when exports are zero.</param>
/// <param name="ExtraImports">Imports from suppliers outside the importer's reference group.</param>
/// <param name="TotalImports">All imports of the importer (for a bloc including trade among its members).</param>
/// <param name="Exports">All exports of the importer (for a bloc including trade among its members).</param>
/// <param name="WorldExportHhi">HHI of all exports of the product in the data by exporter; null when there are none.</param>
/// <param name="TopSupplier">Largest extra supplier's country code; null without extra imports.</param>
/// <param name="TopSupplierShare">Its share of extra imports, in (0, 1].</param>
/// <param name="SupplierCount">Number of extra suppliers with a positive value.</param>
/// <param name="MeetsConcentration">Supplier HHI above the threshold.</param>
/// <param name="MeetsExtraShare">Extra share above the threshold.</param>
/// <param name="MeetsImportExport">Extra imports above the threshold multiple of exports.</param>
/// <param name="MeetsWorldConcentration">World-export HHI above the threshold (reported whether or not required).</param>
/// <param name="Dependent">All required criteria hold in this year.</param>
/// <param name="CbsBand">CBS band of the supplier HHI; null without extra imports.</param>
/// <param name="LargestSuppliers">Up to <see cref="SupplierShare.Listed"/> largest extra suppliers with their shares of extra imports, largest first.</param>
public sealed record ProductDependency(
    int Hs6,
    int Year,
    double? SupplierHhi,
    double? ExtraShare,
    double? ImportExportRatio,
    double ExtraImports,
    double TotalImports,
    double Exports,
    double? WorldExportHhi,
    int? TopSupplier,
    double? TopSupplierShare,
    int SupplierCount,
    bool MeetsConcentration,
    bool MeetsExtraShare,
    bool MeetsImportExport,
    bool MeetsWorldConcentration,
    bool Dependent,
    ConcentrationBand? CbsBand,
    SupplierList? LargestSuppliers = null);

/// <summary>
/// The largest suppliers of a product, compared by their items: two screens of the same data give equal
/// <see cref="ProductDependency"/> records (a plain list would compare by reference).
/// </summary>
public sealed class SupplierList(IReadOnlyList<SupplierShare> items) : IReadOnlyList<SupplierShare>, IEquatable<SupplierList>
{
    public SupplierShare this[int index] => items[index];
    public int Count => items.Count;
    public IEnumerator<SupplierShare> GetEnumerator() => items.GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    public bool Equals(SupplierList? other) => other is not null && items.SequenceEqual(other);
    public override bool Equals(object? obj) => Equals(obj as SupplierList);
    public override int GetHashCode() => items.Aggregate(Count, (h, s) => HashCode.Combine(h, s));
    public override string ToString() => string.Join("; ", items.Select(s => $"{s.Country} {s.Share:0.####}"));
}

/// <summary>One supplier's share of a product's extra imports.</summary>
public sealed record SupplierShare(int Country, double Share)
{
    /// <summary>How many of the largest suppliers a screen keeps per product: enough to see who else could supply.</summary>
    public const int Listed = 5;
}
