using System.Globalization;
using Baken.Application.Common;
using Baken.Application.Register;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Strategy;

/// <summary>
/// Starts a new edition of the strategy (say the integrated strategy after the GBVS) from an existing one: every goal
/// of the old edition the user may see is copied under the new edition's name with a new code, keeping pillar, texts,
/// owner, scenarios and measures. The old edition stays as it was, so each edition can be edited and reported on its
/// own and the history shows where every goal came from.
/// </summary>
public sealed class NewEdition(IBakenDb db, ImportRecords import)
{
    public async Task<Result<ImportSummary>> HandleAsync(string fromEdition, string toEdition, string codePrefix, CancellationToken ct = default)
    {
        var goals = await db.Goals.AsNoTracking().Where(g => g.Edition == fromEdition).OrderBy(g => g.Number).ToListAsync(ct);
        if (goals.Count == 0) return Result<ImportSummary>.NotFound(AllowedTexts.StrategyNoGoals.With(fromEdition));
        if (await db.Goals.AnyAsync(g => g.Edition == toEdition, ct))
            return Result<ImportSummary>.Conflict(AllowedTexts.StrategyEditionHasGoals.With(toEdition));
        var compartments = await CompartmentDirectory.LoadAsync(db, ct);
        var rows = goals.Select((g, i) => new ImportRow(i + 1, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["code"] = $"{codePrefix}-{g.Number:00}",
            ["classification"] = g.ClassificationLevel.ToString(),
            ["compartments"] = string.Join(";", compartments.Names(g.CompartmentMask)),
            ["publishable"] = g.Publishable ? "true" : "false",
            ["provenance"] = $"copied from {g.Code} ({fromEdition})",
            ["title"] = g.Title,
            ["title_en"] = g.TitleEn,
            ["edition"] = toEdition,
            ["number"] = g.Number.ToString(CultureInfo.InvariantCulture),
            ["pillar"] = g.Pillar.ToString(),
            ["summary"] = g.Summary,
            ["owner"] = g.OwnerCode,
            ["scenarios"] = string.Join(";", g.Scenarios),
            ["measures"] = string.Join(";", g.Measures),
        })).ToList();
        return await import.HandleAsync(new ImportRecordsRequest("goal", rows), ct);
    }
}
