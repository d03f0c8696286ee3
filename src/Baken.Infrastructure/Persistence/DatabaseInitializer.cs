using Baken.Application.Catalogue;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Application.Users;
using Baken.Infrastructure.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Baken.Infrastructure.Persistence;

public sealed record InitializationOutcome(string? AdministratorPassword, CatalogueLoadSummary? Catalogue, IReadOnlyList<string> AppliedMigrations);

/// <summary>
/// What every host does on start: bring the schema up to date, create the first administrator on an empty
/// database, and load the default catalogue the first time (later loads are explicit: 'baken catalog import').
/// </summary>
public static class DatabaseInitializer
{
    public static async Task<InitializationOutcome> InitializeAsync(DatabaseOptions options, TimeProvider clock, string? catalogueFolder = null,
        CancellationToken ct = default)
    {
        await using var db = DatabaseSetup.CreateContext(options, FixedUser.System, clock);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0) await db.Database.MigrateAsync(ct);
        await DependencyOptionsMigration.RunAsync(db, ct);

        var password = await new EnsureAdministrator(db, clock).HandleAsync(ct);

        CatalogueLoadSummary? loaded = null;
        if (!await db.Interests.IgnoreQueryFilters().AnyAsync(ct))
        {
            var (files, errors) = CatalogueDirectory.Read(catalogueFolder ?? CatalogueDirectory.Default);
            if (errors.Count > 0) throw new InvalidOperationException("The default catalogue cannot be read: " + string.Join("; ", errors));
            var result = await new LoadCatalogue(new ImportRecords(db, FixedUser.System), db).HandleAsync(files, ct);
            if (!result.IsOk) throw new InvalidOperationException("The default catalogue is invalid: " + string.Join("; ", result.Errors));
            loaded = result.Value;
        }
        return new InitializationOutcome(password, loaded, pending);
    }
}
