using System.Text.Json.Nodes;
using Baken.Application.Common;
using Baken.Application.Register;
using Microsoft.EntityFrameworkCore;

namespace Baken.Infrastructure.Dependencies;

/// <summary>What keeping a screen wrote: the dependency records, the concentration series and their values of the year.</summary>
public sealed record TradeScreenRecorded(ImportSummary Dependencies, ImportSummary Indicators, ImportSummary Observations);

/// <summary>
/// Keeps a screen's dependent products as dependency records (each in the domain the catalogue's product_domains mapping
/// gives it) with their supplier concentration as a yearly series: <c>baken dependencies screen --record</c> and the
/// trade-screen job. The three imports are one transaction, so a refusal, an invalid row or a cancel keeps none of them.
/// </summary>
public sealed class RecordTradeScreen(ImportRecords import, IBakenDb db)
{
    public async Task<Result<TradeScreenRecorded>> HandleAsync(DependencyScreenResult result, BaciCountryDictionary? countries,
        Func<int, string?> productName, CancellationToken ct)
    {
        var domains = (await db.CatalogueEntries.AsNoTracking().Where(e => e.Kind == "product_domains").ToListAsync(ct))
            .Select(e => JsonNode.Parse(e.AttributesJson) as JsonObject)
            .Where(a => a?["prefix"] is not null && a["domain"] is not null)
            .Select(a => new DependencyRecords.ProductDomain((string)a!["prefix"]!, (string)a["domain"]!, (string?)a["vital_processes"])).ToList();
        var rows = DependencyRecords.Rows(result, countries, domains, productName);
        var (series, values) = DependencyRecords.ConcentrationSeries(result, productName);

        await using var transaction = db is DbContext context ? await context.Database.BeginTransactionAsync(ct) : null;
        var dependencies = await import.HandleAsync(new ImportRecordsRequest("dependency", rows), ct);
        if (!dependencies.IsOk) return Refused(dependencies);
        var indicators = await import.HandleAsync(new ImportRecordsRequest("warning-indicator", series), ct);
        if (!indicators.IsOk) return Refused(indicators);
        var observations = await import.HandleAsync(new ImportRecordsRequest("observation", values), ct);
        if (!observations.IsOk) return Refused(observations);
        // Past this point the screen is kept whole: a cancel heard now comes too late to stop it.
        if (transaction is not null) await transaction.CommitAsync(CancellationToken.None);
        return Result<TradeScreenRecorded>.Ok(new TradeScreenRecorded(dependencies.Value!, indicators.Value!, observations.Value!));
    }

    private static Result<TradeScreenRecorded> Refused(Result<ImportSummary> refused) => new(refused.Status, null, refused.Errors, refused.Message);
}
