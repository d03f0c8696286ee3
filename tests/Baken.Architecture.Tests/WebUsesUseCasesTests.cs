using System.Reflection;

namespace Baken.Architecture.Tests;

/// <summary>
/// The web host never touches the database itself (issue 18): pages, endpoints, authentication handlers and the job worker
/// call use cases in Baken.Application, so who may do what, and what a reader may see, is decided in one place for web,
/// API and command line. Razor components compile to types in Baken.Web, so this covers every page.
/// </summary>
public sealed class WebUsesUseCasesTests
{
    /// <summary>The database as code sees it: the use cases' port, its EF Core implementation and a table.</summary>
    private static readonly string[] DatabaseTypes =
        ["Baken.Application.Common.IBakenDb", "Baken.Infrastructure.Persistence.BakenDbContext", "Microsoft.EntityFrameworkCore.DbSet`1"];

    /// <summary>
    /// Web types that open the database themselves, and why. Neither reads or writes a register record: both open a context
    /// of their own as the system, outside any request, for something only the web host has.
    /// </summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        // ASP.NET Core Data Protection's key store (IXmlRepository) in the register's database, so every node reads every
        // node's cookies; Infrastructure may not implement an ASP.NET Core interface (docs/architecture.md).
        ["Baken.Web.Security.DatabaseKeyRepository"] = "the data-protection key ring",
        // The readiness probe asks the database itself whether it answers and has every migration of this version.
        ["Baken.Web.Hosting.DatabaseReadyCheck"] = "the /health/ready probe",
    };

    private static readonly Assembly Web = Assembly.Load("Baken.Web");

    [Fact]
    public void WebTypes_ReachTheDatabaseOnlyThroughUseCases()
    {
        var offenders = TypeDependencies.Using(Web, DatabaseTypes).Where(t => !Allowed.ContainsKey(t.Key))
            .Select(t => $"{t.Key} uses {string.Join(", ", t.Value)}").ToList();
        offenders.ShouldBeEmpty("a page, endpoint or handler in Baken.Web calls a use case in Baken.Application instead (one feature, one folder)");
    }

    [Fact]
    public void AllowList_NamesOnlyTypesThatStillNeedIt()
    {
        // A stale entry would let a future type of that name in unchecked.
        var users = TypeDependencies.Using(Web, DatabaseTypes);
        Allowed.Keys.ShouldAllBe(t => users.ContainsKey(t));
    }

    [Fact]
    public void TypeDependencies_SeesWhatAMethodBodyAndAnInjectedPropertyUse()
    {
        // The rule is only as good as its reading: a use case whose only mention of the database is a constructor parameter
        // captured and used inside an async method, and a Razor page whose only mention of a use case is its @inject.
        var application = TypeDependencies.Of(Assembly.Load("Baken.Application"));
        application["Baken.Application.Workflow.ListCycles"].ShouldContain("Baken.Application.Common.IBakenDb");
        application["Baken.Application.Workflow.ListCycles"].ShouldContain("Microsoft.EntityFrameworkCore.DbSet`1");
        var web = TypeDependencies.Of(Web);
        web["Baken.Web.Components.Pages.Workflow.CyclesPage"].ShouldContain("Baken.Application.Workflow.ListCycles");
        web["Baken.Web.Components.Pages.Workflow.CyclesPage"].ShouldContain("Baken.Application.Workflow.OpenCycle");
    }
}
