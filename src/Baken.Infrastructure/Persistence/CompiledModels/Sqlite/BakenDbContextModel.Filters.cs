// Written by tools/regenerate-migrations.sh, not by EF Core: the query filters the compiled model cannot hold.
namespace Baken.Infrastructure.Persistence.CompiledModels.Sqlite;

public partial class BakenDbContextModel
{
    partial void Customize() => CompiledModelFilters.Attach(this);
}
