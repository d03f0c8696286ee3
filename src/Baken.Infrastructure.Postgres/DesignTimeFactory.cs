using Baken.Application.Common;
using Baken.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Baken.Infrastructure.Postgres;

/// <summary>Lets 'dotnet ef migrations add' build the model for this provider (see docs/architecture.md).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<BakenDbContext>
{
    public BakenDbContext CreateDbContext(string[] args)
    {
        // 'dotnet ef dbcontext optimize -- --compiled-model' (tools/regenerate-migrations.sh): the model without its query
        // filters, which CompiledModelFilters adds back when the compiled model loads.
        BakenDbContext.OmitQueryFilters = args.Contains("--compiled-model");
        return DatabaseSetup.CreateContext(new DatabaseOptions
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = "Host=localhost;Database=baken_design",
        }, FixedUser.System, TimeProvider.System, compiledModel: false);
    }
}
