#!/usr/bin/env bash
# Rebuilds the single initial migration of both providers from the current model (docs/adr/0006), and each provider's EF Core
# compiled model (docs/adr/0007: the model is not built at every start). No deployed database exists yet, so the schema history
# is one migration per provider; run this after every model change (CompiledModelTests fails while a compiled model is stale).
#   tools/regenerate-migrations.sh                        both: the migrations and the compiled models
#   tools/regenerate-migrations.sh --compiled-models-only  only the compiled models (after the first deployment, when
#                                                          migrations are added, never regenerated)
set -euo pipefail
cd "$(dirname "$0")/.."
only_compiled=false; [[ "${1:-}" == "--compiled-models-only" ]] && only_compiled=true
dotnet tool restore >/dev/null
# Both old compiled models go first: after a model change either may no longer compile (the code finds them by name, so the
# projects build without them), and the first provider's design-time build compiles the second's too.
rm -rf src/Baken.Infrastructure/Persistence/CompiledModels/Sqlite src/Baken.Infrastructure/Persistence/CompiledModels/Postgres
for provider in Sqlite Postgres; do
  dir="src/Baken.Infrastructure.$provider/Migrations"
  compiled="src/Baken.Infrastructure/Persistence/CompiledModels/$provider"
  if ! $only_compiled; then
    rm -rf "$dir"
    dotnet ef migrations add Initial --project "src/Baken.Infrastructure.$provider" --output-dir Migrations >/dev/null
    echo "regenerated $dir"
  fi
  # Generated without the query filters (EF Core cannot write them; '--compiled-model' tells the design-time factory to leave
  # them out); CompiledModelFilters adds them from the context when the model loads. The assembly attribute is dropped: both
  # providers' models live in Baken.Infrastructure, and DatabaseSetup chooses one by provider.
  dotnet ef dbcontext optimize --project "src/Baken.Infrastructure.$provider" \
    --output-dir "../../$compiled" --namespace "Baken.Infrastructure.Persistence.CompiledModels.$provider" -- --compiled-model >/dev/null
  rm -f "$compiled/BakenDbContextAssemblyAttributes.cs"
  cat > "$compiled/BakenDbContextModel.Filters.cs" <<CS
// Written by tools/regenerate-migrations.sh, not by EF Core: the query filters the compiled model cannot hold.
namespace Baken.Infrastructure.Persistence.CompiledModels.$provider;

public partial class BakenDbContextModel
{
    partial void Customize() => CompiledModelFilters.Attach(this);
}
CS
  echo "regenerated $compiled"
done
