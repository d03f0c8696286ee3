namespace Baken.Methods.Dependencies;

/// <summary>
/// Sums one year of bilateral trade flows per product while they stream past, keeping per product only what the
/// indicators need (extra imports by supplier, exports by exporter, totals), so a 10-million-row year never sits
/// in memory as rows. Not thread-safe.
/// </summary>
public sealed class TradeYearAccumulator
{
    // Trade-data country codes are 3-digit, so flat arrays indexed by code beat dictionary look-ups on the hot path.
    private const int CodeSpace = 1000;

    private readonly bool[] isImporter = new bool[CodeSpace];
    private readonly bool[] isInside = new bool[CodeSpace];
    // Indexed by HS6 code (8 MB of references): cheaper per row than hashing, and already in code order.
    private readonly ProductTotals?[] products = new ProductTotals?[1_000_000];

    /// <param name="year">The trade year the flows belong to.</param>
    /// <param name="importer">Whose dependency is measured.</param>
    public TradeYearAccumulator(int year, DependencyImporter importer)
    {
        ArgumentNullException.ThrowIfNull(importer);
        Year = year;
        Importer = importer;
        foreach (var code in importer.Members.Members) isImporter[code] = true;
        foreach (var code in importer.Inside.Members) isInside[code] = true;
    }

    public int Year { get; }

    public DependencyImporter Importer { get; }

    /// <summary>Number of flows added.</summary>
    public long FlowCount { get; private set; }

    /// <summary>Number of distinct products seen.</summary>
    public int ProductCount { get; private set; }

    /// <summary>Adds one flow.</summary>
    /// <param name="exporter">Exporter code, in [0, 999].</param>
    /// <param name="importer">Importer code, in [0, 999].</param>
    /// <param name="hs6">HS6 product code, in [0, 999999].</param>
    /// <param name="value">Trade value (BACI: thousand USD), finite and ≥ 0.</param>
    public void Add(int exporter, int importer, int hs6, double value)
    {
        if ((uint)exporter >= CodeSpace)
            throw new ArgumentOutOfRangeException(nameof(exporter), exporter, "Exporter code must lie in [0, 999].");
        if ((uint)importer >= CodeSpace)
            throw new ArgumentOutOfRangeException(nameof(importer), importer, "Importer code must lie in [0, 999].");
        if ((uint)hs6 > 999_999)
            throw new ArgumentOutOfRangeException(nameof(hs6), hs6, "HS6 product code must lie in [0, 999999].");
        if (!double.IsFinite(value) || value < 0)
            throw new ArgumentOutOfRangeException(nameof(value), value, "Trade value must be finite and ≥ 0.");

        var totals = products[hs6];
        if (totals is null)
        {
            totals = products[hs6] = new ProductTotals();
            ProductCount++;
        }
        totals.WorldExports[exporter] += value;
        if (isImporter[exporter]) totals.Exports += value;
        if (isImporter[importer])
        {
            totals.TotalImports += value;
            if (!isInside[exporter]) totals.ExtraImports[exporter] += value;
        }
        FlowCount++;
    }

    /// <summary>
    /// The indicators of every product the importer imports (products it only exports cannot be dependent and
    /// are left out), ordered by HS6 code.
    /// </summary>
    public IReadOnlyList<ProductDependency> Indicators(DependencyCriteria criteria, CbsConcentrationBands? bands = null)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        bands ??= CbsConcentrationBands.Default;
        var result = new List<ProductDependency>();
        for (var hs6 = 0; hs6 < products.Length; hs6++)
        {
            var totals = products[hs6];
            if (totals is null || totals.TotalImports <= 0) continue;
            result.Add(Assess(hs6, totals, criteria, bands));
        }
        return result;
    }

    private ProductDependency Assess(int hs6, ProductTotals totals, DependencyCriteria criteria, CbsConcentrationBands bands)
    {
        var extra = 0.0;
        var topValue = 0.0;
        int? topSupplier = null;
        var suppliers = 0;
        for (var c = 0; c < CodeSpace; c++)
        {
            var v = totals.ExtraImports[c];
            if (v <= 0) continue;
            extra += v;
            suppliers++;
            if (v > topValue)
            {
                topValue = v;
                topSupplier = c;
            }
        }

        double? supplierHhi = suppliers > 0 ? HhiOf(totals.ExtraImports, extra) : null;
        var largest = LargestOf(totals.ExtraImports, extra);
        var worldTotal = totals.WorldExports.Sum();
        double? worldHhi = worldTotal > 0 ? HhiOf(totals.WorldExports, worldTotal) : null;
        var extraShare = extra / totals.TotalImports;
        double? ratio = totals.Exports > 0 ? extra / totals.Exports : null;

        var concentrated = supplierHhi > criteria.SupplierHhiThreshold;
        var shareMet = extraShare > criteria.ExtraShareThreshold;
        var exportMet = extra > criteria.ImportExportRatioThreshold * totals.Exports;
        var worldMet = worldHhi > criteria.WorldExportHhiThreshold;
        var dependent = concentrated && shareMet && exportMet && (!criteria.RequireWorldExportConcentration || worldMet);

        return new ProductDependency(
            hs6, Year, supplierHhi, extraShare, ratio, extra, totals.TotalImports, totals.Exports, worldHhi,
            topSupplier, topSupplier is null ? null : topValue / extra, suppliers,
            concentrated, shareMet, exportMet, worldMet, dependent,
            supplierHhi is { } h ? bands.Classify(Math.Min(1.0, h)) : null, largest);
    }

    /// <summary>The largest suppliers by value (ties by country code), kept in a small sorted array while scanning once.</summary>
    private static SupplierList LargestOf(double[] values, double total)
    {
        if (total <= 0) return new SupplierList([]);
        var top = new List<(int Country, double Value)>(SupplierShare.Listed + 1);
        for (var c = 0; c < values.Length; c++)
        {
            var v = values[c];
            if (v <= 0 || (top.Count == SupplierShare.Listed && v <= top[^1].Value)) continue;
            var at = top.FindIndex(t => v > t.Value);
            top.Insert(at < 0 ? top.Count : at, (c, v));
            if (top.Count > SupplierShare.Listed) top.RemoveAt(top.Count - 1);
        }
        return new SupplierList(top.Select(t => new SupplierShare(t.Country, t.Value / total)).ToList());
    }

    private static double HhiOf(double[] values, double total)
    {
        var hhi = 0.0;
        foreach (var v in values)
        {
            if (v <= 0) continue;
            var s = v / total;
            hhi += s * s;
        }
        return hhi;
    }

    private sealed class ProductTotals
    {
        public readonly double[] WorldExports = new double[CodeSpace];
        public readonly double[] ExtraImports = new double[CodeSpace];
        public double TotalImports;
        public double Exports;
    }
}
