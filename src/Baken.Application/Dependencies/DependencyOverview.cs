using Baken.Application.Common;
using Baken.Domain.Dependencies;
using Baken.Domain.Signals;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Dependencies;

/// <param name="DomainNames">The catalogue's strategic-dependency domains by code, named in the reader's language.</param>
/// <param name="Concern">The countries of concern, to flag a dependency on one.</param>
/// <param name="Concentration">Supplier concentration (HHI) by year per product, keyed by the indicator code <c>HHI-{importer}-{hs6:000000}</c>, oldest first.</param>
/// <param name="Dependencies">Every strategic dependency the reader sees.</param>
public sealed record DependencyOverviewView(IReadOnlyDictionary<string, string> DomainNames, CountriesOfConcern Concern,
    IReadOnlyDictionary<string, IReadOnlyList<Observation>> Concentration, IReadOnlyList<StrategicDependency> Dependencies)
{
    public static string ConcentrationCode(StrategicDependency d) => $"HHI-{d.Importer}-{d.Hs6:000000}";
}

/// <summary>
/// The strategic dependencies as the reader may see them, with what the overview shows beside them: their domains' names,
/// the countries of concern and how each product's supplier concentration moved over the screens kept so far.
/// </summary>
public sealed class DependencyOverview(IBakenDb db)
{
    public async Task<DependencyOverviewView> HandleAsync(bool english, CancellationToken ct = default)
    {
        var names = await db.CatalogueEntries.AsNoTracking().Where(e => e.Kind == "dependency_domains")
            .ToDictionaryAsync(e => e.Code, e => english && e.NameEn.Length > 0 ? e.NameEn : e.Name, ct);
        var concern = await CountriesOfConcern.LoadAsync(db, ct);
        var trends = (await db.Observations.AsNoTracking().Where(o => o.IndicatorCode.StartsWith("HHI-")).ToListAsync(ct))
            .GroupBy(o => o.IndicatorCode).ToDictionary(g => g.Key, g => (IReadOnlyList<Observation>)g.OrderBy(o => o.Date).ToList());
        var dependencies = await db.Dependencies.AsNoTracking().ToListAsync(ct);
        return new DependencyOverviewView(names, concern, trends, dependencies);
    }
}
