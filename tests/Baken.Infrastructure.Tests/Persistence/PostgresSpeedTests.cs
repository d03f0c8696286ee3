using Baken.Application.Common;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Baken.Infrastructure.Tests.Persistence;

/// <summary>What keeps the register fast on PostgreSQL (docs/performance.md, "Register under load").</summary>
public sealed class PostgresSpeedTests
{
    [Theory]
    [InlineData("Host=db;Database=baken", DatabaseSetup.AutoPreparedStatements)]
    [InlineData("Host=db;Database=baken;Max Auto Prepare=5", 5)]
    [InlineData("Host=db;Database=baken;maxautoprepare=0", 0)]
    public void Statements_ArePreparedAutomatically_UnlessTheConnectionStringSaysOtherwise(string given, int expected) =>
        new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString(given)).MaxAutoPrepare.ShouldBe(expected);

    [Theory]
    [InlineData("Host=db;Database=baken", true)]
    [InlineData("Host=db;Database=baken;No Reset On Close=false", false)]
    [InlineData("Host=db;Database=baken;noresetonclose=true", true)]
    public void PooledConnections_AreNotReset_UnlessTheConnectionStringSaysOtherwise(string given, bool expected) =>
        new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString(given)).NoResetOnClose.ShouldBe(expected);

    [SkippableFact]
    public async Task RecordSearch_OnPostgres_HasTrigramIndexesOnCodeAndTitle()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var db = database.Context(FixedUser.System);
        var definition = await db.Database.SqlQueryRaw<string>(
            "SELECT indexdef AS \"Value\" FROM pg_indexes WHERE indexname = 'IX_Scenario_Search'").SingleAsync();
        definition.ShouldContain("USING gin");
        definition.ShouldContain("\"Code\" gin_trgm_ops");
        definition.ShouldContain("\"Title\" gin_trgm_ops");
    }
}
