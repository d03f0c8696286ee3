#!/usr/bin/env bash
# Rebuilds the single initial migration of both providers from the current model (docs/adr/0006).
# No deployed database exists yet, so the schema history is one migration per provider; run this after a model change.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dir="src/Baken.Infrastructure.$provider/Migrations"
  rm -rf "$dir"
  dotnet ef migrations add Initial --project "src/Baken.Infrastructure.$provider" --output-dir Migrations >/dev/null
  echo "regenerated $dir"
done
