using Baken.Application.Common;
using Baken.Application.Register;

namespace Baken.Application.Dependencies;

/// <summary>
/// What a trade screen keeps: its dependent products as dependency records (<c>DEP-{importer}-{hs6}</c>) and their supplier
/// concentration as a yearly series (indicators <c>HHI-{importer}-{hs6}</c> and one observation each), as register rows.
/// </summary>
public sealed record DependencyScreenRows(int Year, IReadOnlyList<ImportRow> Dependencies, IReadOnlyList<ImportRow> Indicators, IReadOnlyList<ImportRow> Observations);

public sealed record DependencyScreenRecorded(int Year, ImportSummary Dependencies, ImportSummary Indicators, ImportSummary Observations);

/// <summary>
/// Keeps a trade screen in the register: the dependency records, then the concentration series that names them, in one
/// transaction, so a refusal or a bad row in any part leaves nothing of the screen written. Screening again updates the
/// screen's own figures and leaves the options, decision and links analysts added. Who may write each kind is asked by
/// <see cref="ImportRecords"/>, as for any import.
/// </summary>
public sealed class RecordDependencyScreen(IBakenDb db, ImportRecords import, IDatabaseTransactions transactions)
{
    /// <summary>The catalogue's product-to-domain mapping, for the rows of the screen (reading the trade file is Infrastructure's).</summary>
    public Task<IReadOnlyList<ProductDomain>> ProductDomainsAsync(CancellationToken ct = default) => ProductDomains.LoadAsync(db, ct);

    public Task<Result<DependencyScreenRecorded>> HandleAsync(DependencyScreenRows rows, CancellationToken ct = default) =>
        transactions.AllOrNothingAsync(async t =>
        {
            var dependencies = await import.HandleAsync(new ImportRecordsRequest(RecordKinds.Dependency.Name, rows.Dependencies), t);
            if (!dependencies.IsOk) return Fail(dependencies);
            // The observations name their indicator, so the indicators are saved first (in the same transaction).
            var indicators = await import.HandleAsync(new ImportRecordsRequest(RecordKinds.WarningIndicator.Name, rows.Indicators), t);
            if (!indicators.IsOk) return Fail(indicators);
            var observations = await import.HandleAsync(new ImportRecordsRequest(RecordKinds.Observation.Name, rows.Observations), t);
            if (!observations.IsOk) return Fail(observations);
            return Result<DependencyScreenRecorded>.Ok(new DependencyScreenRecorded(rows.Year, dependencies.Value!, indicators.Value!, observations.Value!));
        }, ct);

    private static Result<DependencyScreenRecorded> Fail(Result<ImportSummary> r) => Result<DependencyScreenRecorded>.Failed(r);
}
