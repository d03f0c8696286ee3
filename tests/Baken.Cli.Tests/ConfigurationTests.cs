using Baken.Infrastructure;
using Baken.Infrastructure.Persistence;

namespace Baken.Cli.Tests;

public sealed class ConfigurationTests
{
    /// <summary>
    /// The program runs without dynamic PGO (docs/performance.md, "the server's first minute"): the setting lives in the
    /// runtime configuration beside baken.dll, which the build copies next to the tests.
    /// </summary>
    [Fact]
    public void Program_RunsWithoutDynamicPgo()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "baken.runtimeconfig.json");
        using var config = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
        config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties")
            .GetProperty("System.Runtime.TieredPGO").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public void ConfigFile_SelectsPostgres_AndDatabaseOptionOverridesIt()
    {
        var file = Path.Combine(Path.GetTempPath(), $"baken-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{ "Database": { "Provider": "Postgres", "ConnectionString": "Host=db.example;Database=baken" } }""");
        try
        {
            var fromFile = CliSession.ReadDatabaseOptions(file, null);
            fromFile.Provider.ShouldBe(DatabaseProvider.Postgres);
            fromFile.ResolvedConnectionString.ShouldBe("Host=db.example;Database=baken");

            var overridden = CliSession.ReadDatabaseOptions(file, "/tmp/local.db");
            overridden.Provider.ShouldBe(DatabaseProvider.Sqlite);
            overridden.ResolvedConnectionString.ShouldBe("Data Source=/tmp/local.db");
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void Postgres_WithoutConnectionString_FailsAtStartWithAMessageSayingWhatIsNeeded()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.Postgres };
        Should.Throw<SetupException>(() => _ = options.ResolvedConnectionString).Message.ShouldContain("Database:ConnectionString");
    }

    [Fact]
    public async Task Postgres_WithoutConnectionString_ExitsTwo_PrintingTheSettingToFix()
    {
        // A setup problem is invalid input (exit 2) with the message as it is, not an unexpected error (exit 1).
        var file = Path.Combine(Path.GetTempPath(), $"baken-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{ "Database": { "Provider": "Postgres" } }""");
        try
        {
            var outcome = await CliRun.WithoutDatabase("risk", "list", "--config", file);
            outcome.ExitCode.ShouldBe(ExitCodes.Invalid, outcome.Err);
            outcome.Err.Trim().ShouldStartWith("Database:ConnectionString is required when Database:Provider is Postgres");
            outcome.Err.ShouldNotContain("Unexpected error");
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void UnknownProvider_InAConfigFile_IsInvalidInput()
    {
        var file = Path.Combine(Path.GetTempPath(), $"baken-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{ "Database": { "Provider": "Oracle" } }""");
        try
        {
            var e = Should.Throw<CliException>(() => CliSession.ReadDatabaseOptions(file, null));
            e.ExitCode.ShouldBe(ExitCodes.Invalid);
            e.Message.ShouldContain("Sqlite, Postgres");
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task Help_ListsTheCommandsOfTheIssues()
    {
        var help = await CliRun.WithoutDatabase("--help");
        foreach (var command in new[] { "serve", "risk", "import", "export", "history", "user", "catalog", "db", "analyse", "iim", "dependencies", "stix", "inform" })
            help.Out.ShouldContain(command);
    }
}

public sealed class UnknownCommandTests
{
    [Fact]
    public async Task UnknownCommand_WithHelp_IsAnError()
    {
        var result = await CliRun.WithoutDatabase("horizon", "scan", "--help");
        result.ExitCode.ShouldBe(ExitCodes.Invalid);
        result.Err.ShouldContain("horizon");
        (await CliRun.WithoutDatabase("iim", "--help")).ExitCode.ShouldBe(0);
    }
}
