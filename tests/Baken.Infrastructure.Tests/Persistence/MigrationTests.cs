using Baken.Application.Common;
using Baken.Application.Users;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Infrastructure.Tests.Persistence;

public sealed class MigrationTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void EachProvider_HasMigrationsForTheWholeModel(DatabaseProvider provider)
    {
        // Building the model needs no server; a change to the model without a migration for this provider fails here.
        using var db = DatabaseSetup.CreateContext(new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost;Database=unused",
        }, FixedUser.System, TimeProvider.System);
        db.Database.HasPendingModelChanges().ShouldBeFalse($"run tools/regenerate-migrations.sh");
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Initialise_OnAnEmptyDatabase_CreatesAdministratorOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var first = await DatabaseInitializer.InitializeAsync(database.Options, TimeProvider.System, TestDatabase.CatalogueFolder);
        var second = await DatabaseInitializer.InitializeAsync(database.Options, TimeProvider.System, TestDatabase.CatalogueFolder);
        first.AdministratorPassword.ShouldNotBeNull();
        first.Catalogue.ShouldNotBeNull();
        second.AdministratorPassword.ShouldBeNull();
        second.Catalogue.ShouldBeNull();
        await using var db = database.Context(FixedUser.System);
        (await db.Users.CountAsync()).ShouldBe(1);
        using var users = Baken.Application.Users.BakenIdentity.UserManagerFor(db);
        (await BakenIdentity.CheckPasswordAsync(users, first.AdministratorPassword)).Succeeded.ShouldBeTrue();
        (await new SignIn(db).HandleAsync("admin", first.AdministratorPassword)).ShouldNotBeNull();
    }
}
