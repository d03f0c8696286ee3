using Baken.Methods.Dependencies;

namespace Baken.Infrastructure.Dependencies;

/// <summary>One year of screening: per product indicators, ordered by HS6.</summary>
/// <param name="Year">Screened year.</param>
/// <param name="Importer">Whose dependency was screened.</param>
/// <param name="Criteria">The thresholds used.</param>
/// <param name="FlowsRead">Rows read from the file(s), all years.</param>
/// <param name="FlowsInYear">Rows of the screened year.</param>
/// <param name="Products">Indicators of each product the importer imports.</param>
public sealed record DependencyScreenResult(
    int Year,
    DependencyImporter Importer,
    DependencyCriteria Criteria,
    long FlowsRead,
    long FlowsInYear,
    IReadOnlyList<ProductDependency> Products);

/// <summary>
/// Screens BACI trade data for strategic dependencies (METHODS.md §3): streams the file once and aggregates per
/// product while reading.
/// </summary>
public static class DependencyScreen
{
    /// <summary>Screens one year of a BACI file (.csv or .zip).</summary>
    /// <param name="baciPath">BACI trade file.</param>
    /// <param name="year">Year to screen; the file must hold flows of it.</param>
    /// <param name="importer">EU-27 or one country (see <see cref="DependencyImporterParser"/>).</param>
    /// <param name="criteria">Thresholds; <see cref="DependencyCriteria.EuBottomUp"/> when null.</param>
    /// <param name="bands">CBS bands; the default 0.15 / 0.25 when null.</param>
    /// <exception cref="BaciFormatException">The file is unreadable or holds no flow of <paramref name="year"/>.</exception>
    public static DependencyScreenResult Run(
        string baciPath, int year, DependencyImporter importer, DependencyCriteria? criteria = null, CbsConcentrationBands? bands = null)
    {
        var results = RunYears([baciPath], [year], importer, criteria, bands);
        return results[year];
    }

    /// <summary>
    /// Screens several years from one or more files (BACI ships one file per year) in one pass over each file.
    /// </summary>
    /// <exception cref="BaciFormatException">A file is unreadable, or a requested year has no flows in any file.</exception>
    public static IReadOnlyDictionary<int, DependencyScreenResult> RunYears(
        IReadOnlyList<string> baciPaths,
        IReadOnlyCollection<int> years,
        DependencyImporter importer,
        DependencyCriteria? criteria = null,
        CbsConcentrationBands? bands = null)
    {
        ArgumentNullException.ThrowIfNull(baciPaths);
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(importer);
        if (baciPaths.Count == 0) throw new ArgumentException("No BACI file was given.", nameof(baciPaths));
        if (years.Count == 0) throw new ArgumentException("No year was given to screen.", nameof(years));
        return Screen(baciPaths.Select(BaciTradeFlowReader.ReadFlows), string.Join(", ", baciPaths), years, importer, criteria, bands);
    }

    /// <summary>Screens one year of trade flows read from elsewhere than a file (the demo's bundled trade year).</summary>
    /// <param name="source">Named in messages.</param>
    public static DependencyScreenResult Run(
        IEnumerable<BaciTradeFlow> flows, string source, int year, DependencyImporter importer, DependencyCriteria? criteria = null)
    {
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(importer);
        return Screen([flows], source, [year], importer, criteria, null)[year];
    }

    /// <summary>
    /// The screen of <paramref name="year"/> from one source of flows; when the criteria ask for persistence over a window,
    /// the earlier years come from the same flows (in the same pass) and a product stays dependent only if it was in
    /// enough years: what <c>baken dependencies screen</c> answers for one file.
    /// </summary>
    /// <exception cref="BaciFormatException">The flows are unreadable, or a year of the window has none.</exception>
    public static DependencyScreenResult RunWindow(IEnumerable<BaciTradeFlow> flows, string source, int year, DependencyImporter importer, DependencyCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var window = criteria.Persistence.WindowYears;
        var screened = Screen([flows], source, Enumerable.Range(year - window + 1, window).ToArray(), importer, criteria, null);
        var latest = screened[year];
        if (window <= 1) return latest;
        var persistent = PersistentDependency.Evaluate(screened.ToDictionary(s => s.Key, s => s.Value.Products), criteria).ToDictionary(p => p.Hs6, p => p.Dependent);
        return latest with { Products = latest.Products.Select(p => p with { Dependent = persistent.GetValueOrDefault(p.Hs6) }).ToList() };
    }

    /// <summary>The criteria called eu (the default), geodep or merics; null for any other name.</summary>
    public static DependencyCriteria? CriteriaNamed(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "eu" => DependencyCriteria.EuBottomUp,
        "geodep" => DependencyCriteria.GeoDep,
        "merics" => DependencyCriteria.Merics,
        _ => null,
    };

    private static IReadOnlyDictionary<int, DependencyScreenResult> Screen(
        IEnumerable<IEnumerable<BaciTradeFlow>> sources, string sourceNames, IReadOnlyCollection<int> years, DependencyImporter importer,
        DependencyCriteria? criteria, CbsConcentrationBands? bands)
    {
        criteria ??= DependencyCriteria.EuBottomUp;

        var accumulators = years.Distinct().ToDictionary(y => y, y => new TradeYearAccumulator(y, importer));
        var yearsSeen = new SortedSet<int>();
        long read = 0;
        // A file holds one year, mostly: the last year's accumulator saves a dictionary look-up per row.
        var lastYear = int.MinValue;
        TradeYearAccumulator? last = null;
        foreach (var source in sources)
        {
            foreach (var flow in source)
            {
                read++;
                if (flow.Year == lastYear)
                    last!.Add(flow.Exporter, flow.Importer, flow.Hs6, flow.Value);
                else if (accumulators.TryGetValue(flow.Year, out var accumulator))
                {
                    (lastYear, last) = (flow.Year, accumulator);
                    accumulator.Add(flow.Exporter, flow.Importer, flow.Hs6, flow.Value);
                }
                else if (yearsSeen.Count < 64)
                    yearsSeen.Add(flow.Year);
            }
        }

        var empty = accumulators.Values.Where(a => a.FlowCount == 0).Select(a => a.Year).OrderBy(y => y).ToList();
        if (empty.Count > 0)
            throw new BaciFormatException(sourceNames,
                $"no trade flows for year(s) {string.Join(", ", empty)}"
                + (read == 0 ? " (the file has no rows)." : $"; years present: {string.Join(", ", yearsSeen)}."));

        return accumulators.ToDictionary(
            a => a.Key,
            a => new DependencyScreenResult(a.Key, importer, criteria, read, a.Value.FlowCount, a.Value.Indicators(criteria, bands)));
    }

    /// <summary>
    /// The multi-year test (GeoDep: 2 of 3 consecutive years): screens every year of the window ending at
    /// <paramref name="lastYear"/> and applies <see cref="DependencyCriteria.Persistence"/>.
    /// </summary>
    public static IReadOnlyList<PersistentDependencyResult> RunPersistent(
        IReadOnlyList<string> baciPaths, int lastYear, DependencyImporter importer, DependencyCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var window = criteria.Persistence.WindowYears;
        var years = Enumerable.Range(lastYear - window + 1, window).ToArray();
        var screened = RunYears(baciPaths, years, importer, criteria);
        return PersistentDependency.Evaluate(screened.ToDictionary(s => s.Key, s => s.Value.Products), criteria);
    }
}
