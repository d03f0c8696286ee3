using Baken.Application.Common;
using Baken.Application.Register;
using Record = Baken.Domain.Record;
using Baken.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Baken.Infrastructure.Tests.Persistence;

/// <summary>
/// The compiled models (Persistence/CompiledModels, docs/adr/0007) must describe exactly the model OnModelCreating builds:
/// a model change without tools/regenerate-migrations.sh fails here, and so does a query filter missing from a compiled model.
/// </summary>
public sealed class CompiledModelTests
{
    private static DatabaseOptions Options(DatabaseProvider provider) => new()
    {
        Provider = provider,
        ConnectionString = provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost;Database=unused",
    };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void EachProvider_HasACompiledModel_AndContextsUseIt(DatabaseProvider provider)
    {
        var compiled = DatabaseSetup.CompiledModel(provider);
        compiled.ShouldNotBeNull("run tools/regenerate-migrations.sh");
        using var db = DatabaseSetup.CreateContext(Options(provider), FixedUser.System, TimeProvider.System);
        db.Model.ShouldBeSameAs(compiled);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void CompiledModel_HasTheSameSchemaAsAFreshModel(DatabaseProvider provider)
    {
        using var fresh = DatabaseSetup.CreateContext(Options(provider), FixedUser.System, TimeProvider.System, compiledModel: false);
        using var context = DatabaseSetup.CreateContext(Options(provider), FixedUser.System, TimeProvider.System);
        var compiled = context.Model; // initialised for its provider (type mappings), unlike the bare compiled instance
        Describe(compiled).ShouldBe(Describe(fresh.Model), "the compiled model is stale: run tools/regenerate-migrations.sh");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void CompiledModel_HasEveryQueryFilterOfAFreshModel(DatabaseProvider provider)
    {
        using var fresh = DatabaseSetup.CreateContext(Options(provider), FixedUser.System, TimeProvider.System, compiledModel: false);
        var compiled = DatabaseSetup.CompiledModel(provider)!;
        var expected = Filters(fresh.Model);
        expected.Count.ShouldBeGreaterThan(BakenDbContext.RecordTypes.Count); // every record type, and the history
        Filters(compiled).ShouldBe(expected);
    }

    /// <summary>
    /// One registry of record kinds (issue 18): the context's record types are the register's kinds, every type that derives
    /// from Record is one of them (a record without a kind would have no filter and no audit trail), and each is an entity
    /// of both models with its classification filter.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void RecordTypes_AreTheRegisterKinds_EveryRecordTypeHasAKind_AndEachIsAFilteredEntity(DatabaseProvider provider)
    {
        var recordTypes = typeof(Record).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Record)) && !t.IsAbstract).ToList();
        BakenDbContext.RecordTypes.ShouldBe(RecordKinds.All.Select(k => k.ClrType));
        recordTypes.ShouldBe(BakenDbContext.RecordTypes, ignoreOrder: true);
        BakenDbContext.RecordTypes.Distinct().Count().ShouldBe(BakenDbContext.RecordTypes.Count);

        using var fresh = DatabaseSetup.CreateContext(Options(provider), FixedUser.System, TimeProvider.System, compiledModel: false);
        using var context = DatabaseSetup.CreateContext(Options(provider), FixedUser.System, TimeProvider.System);
        foreach (var model in new[] { fresh.Model, context.Model })
            foreach (var type in recordTypes)
                model.FindEntityType(type).ShouldNotBeNull(type.Name).GetDeclaredQueryFilters().ShouldNotBeEmpty(type.Name);
    }

    // What a runtime (read-optimised) model can tell: each property, and each table and view with its columns and indexes.
    private static List<string> Describe(IModel model) =>
        model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p =>
                    $"{e.Name}.{p.Name}: {p.ClrType.Name} concurrency={p.IsConcurrencyToken} generated={p.ValueGenerated} converter={p.GetValueConverter()?.GetType().Name}")
                .Concat(e.GetKeys().Select(k => $"{e.Name} key {string.Join(",", k.Properties.Select(p => p.Name))}")))
            .Concat(model.GetRelationalModel().Tables.SelectMany(t => t.Columns.Select(c => $"table {t.Name}.{c.Name}: {c.StoreType} null={c.IsNullable}")
                .Concat(t.Indexes.Select(i => $"table {t.Name} index {i.Name} {string.Join(",", i.Columns.Select(c => c.Name))} unique={i.IsUnique}"))))
            .Concat(model.GetRelationalModel().Views.SelectMany(v => v.Columns.Select(c => $"view {v.Name}.{c.Name}: {c.StoreType}")))
            .Order(StringComparer.Ordinal).ToList();

    private static List<string> Filters(IModel model) =>
        model.GetEntityTypes()
            .SelectMany(e => e.GetDeclaredQueryFilters().Select(f => $"{e.Name}: {f.Key} {f.Expression}"))
            .Order(StringComparer.Ordinal).ToList();
}
