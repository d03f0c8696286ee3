using Baken.Cli;

namespace Baken.Architecture.Tests;

/// <summary>
/// The command line is a host: its commands call use cases of Baken.Application (and file formats of Infrastructure),
/// never the database, so web, API and CLI run the same rules. Checked on the compiled IL of the <c>baken</c> assembly,
/// method bodies included, so a <c>session.Get&lt;IBakenDb&gt;()</c> inside a lambda or an async method counts too.
/// </summary>
public sealed class CliUsesUseCasesTests
{
    private static readonly string[] Database =
    [
        "Baken.Application.Common.IBakenDb",
        "Baken.Infrastructure.Persistence.BakenDbContext",
    ];

    /// <summary>
    /// The composition root's one exception: <c>CliSession</c> reads the acting user with one plain SQL query on a system
    /// context before the services exist (EF Core's first query costs a compilation; docs/performance.md, CLI start-up),
    /// then hands every command a scope of use cases bound to that user.
    /// </summary>
    private static readonly string[] CompositionRoot = ["Baken.Cli.CliSession"];

    [Fact]
    public void CliTypes_OtherThanTheCompositionRoot_NeverTouchTheDatabase()
    {
        var offenders = DatabaseUsers().Where(u => !CompositionRoot.Contains(u.Type)).Select(u => $"{u.Type} uses {u.Uses}").ToList();
        offenders.ShouldBeEmpty("CLI commands call use cases in Baken.Application; move what touches IBakenDb into one (docs/architecture.md)");
    }

    [Fact]
    public void TheCheck_SeesTheCompositionRootsOwnUse()
    {
        // Without this the rule above would also pass on a scan that sees nothing.
        DatabaseUsers().ShouldContain(u => u.Type == "Baken.Cli.CliSession" && u.Uses == "Baken.Infrastructure.Persistence.BakenDbContext");
    }

    /// <summary>Every CLI type (its lambdas and async state machines counted as its own) with each database type it names.</summary>
    private static List<(string Type, string Uses)> DatabaseUsers() =>
        TypeDependencies.Using(typeof(CliSession).Assembly, Database)
            .SelectMany(t => t.Value.Select(u => (Type: t.Key, Uses: u))).ToList();
}
