namespace Baken.Methods.Dependencies;

/// <summary>Whether a product's dependency persists over a window of consecutive years.</summary>
/// <param name="Hs6">HS6 product code.</param>
/// <param name="LastYear">Last year of the window.</param>
/// <param name="YearsDependent">Years of the window in which all criteria held.</param>
/// <param name="Dependent">At least the required number of years.</param>
public sealed record PersistentDependencyResult(int Hs6, int LastYear, IReadOnlyList<int> YearsDependent, bool Dependent);

/// <summary>The multi-year rule of CEPII GeoDep: the criteria must hold in, by default, 2 of 3 consecutive years.</summary>
public static class PersistentDependency
{
    /// <summary>
    /// Applies <see cref="DependencyCriteria.Persistence"/> to single-year results. The window ends at the latest
    /// year given and every year of it must be present (a missing year would silently count as "not dependent").
    /// </summary>
    /// <param name="yearResults">Per year, the single-year indicators screened with the same criteria.</param>
    /// <param name="criteria">Criteria whose <see cref="DependencyCriteria.Persistence"/> decides.</param>
    public static IReadOnlyList<PersistentDependencyResult> Evaluate(
        IReadOnlyDictionary<int, IReadOnlyList<ProductDependency>> yearResults, DependencyCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(yearResults);
        ArgumentNullException.ThrowIfNull(criteria);
        if (yearResults.Count == 0)
            throw new ArgumentException("No years were given to test for persistent dependency.", nameof(yearResults));
        var window = criteria.Persistence;
        var last = yearResults.Keys.Max();
        var years = Enumerable.Range(last - window.WindowYears + 1, window.WindowYears).ToArray();
        var missing = years.Where(y => !yearResults.ContainsKey(y)).ToArray();
        if (missing.Length > 0)
            throw new ArgumentException(
                $"The {window.WindowYears}-year window ending {last} lacks year(s) {string.Join(", ", missing)}.", nameof(yearResults));

        var dependentYears = new SortedDictionary<int, List<int>>();
        foreach (var year in years)
        {
            foreach (var product in yearResults[year])
            {
                if (product.Year != year)
                    throw new ArgumentException(
                        $"Product {product.Hs6:D6} is filed under {year} but carries year {product.Year}.", nameof(yearResults));
                if (!dependentYears.TryGetValue(product.Hs6, out var list)) dependentYears[product.Hs6] = list = [];
                if (product.Dependent) list.Add(year);
            }
        }
        return dependentYears
            .Select(p => new PersistentDependencyResult(p.Key, last, p.Value, p.Value.Count >= window.YearsRequired))
            .ToList();
    }
}
