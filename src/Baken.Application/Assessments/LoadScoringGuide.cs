using Baken.Application.Common;
using Baken.Domain.Catalogue;
using Baken.Domain.Register;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Assessments;

/// <param name="Pedigree">The catalogue's strength-of-knowledge levels (<see cref="KnowledgePedigree.CatalogueKind"/>), by code.</param>
/// <param name="CriterionNames">Impact criteria by code, named in the reader's language.</param>
/// <param name="Scales">The newest class scale of each criterion that has one, by criterion code.</param>
public sealed record ScoringGuide(IReadOnlyList<CatalogueEntry> Pedigree, IReadOnlyDictionary<string, string> CriterionNames,
    IReadOnlyDictionary<string, CriterionScale> Scales);

/// <summary>What an analyst reads while scoring a scenario: the criteria's names, their class scales and the pedigree levels.</summary>
public sealed class LoadScoringGuide(IBakenDb db)
{
    public async Task<ScoringGuide> HandleAsync(bool english, CancellationToken ct = default)
    {
        var pedigree = (await db.CatalogueEntries.AsNoTracking().Where(e => e.Kind == KnowledgePedigree.CatalogueKind).ToListAsync(ct))
            .OrderBy(e => e.Code, StringComparer.Ordinal).ToList();
        var names = await db.Criteria.AsNoTracking().ToDictionaryAsync(c => c.Code, c => english && c.NameEn.Length > 0 ? c.NameEn : c.Name, ct);
        var scales = (await db.CriterionScales.AsNoTracking().ToListAsync(ct)).GroupBy(s => s.CriterionCode)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.ScaleVersion).First());
        return new ScoringGuide(pedigree, names, scales);
    }
}
