#!/usr/bin/env bash
# Benchmark of the strategic-dependency screen (issue 7): one BACI year of 10 million rows, target ≤ 30 s wall and
# ≤ 2 GB peak memory on 2 cores, compared with the same EU bottom-up criteria as one DuckDB SQL query.
#   1. generates the synthetic year (deterministic: same rows, year and seed give the same bytes) into a temporary
#      folder unless it is already there — the file is ~350 MB and never belongs in the repository;
#   2. runs bench/Baken.BaciBench (Release): each repetition of each engine in a fresh process, and prints the table,
#      the Baken/DuckDB ratio and whether both engines flag the same dependent products.
# Exit code 0 only when the sets agree and the target is met.
#
# Usage: bench/run-baci-bench.sh [--repeat 3]
# Environment: ROWS (default 10000000), YEAR (2022), SEED (1),
#              DATA_DIR (default ${TMPDIR:-/tmp}/baken-baci-bench; the generated file is kept there for the next run).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROWS="${ROWS:-10000000}"
YEAR="${YEAR:-2022}"
SEED="${SEED:-1}"
DATA_DIR="${DATA_DIR:-${TMPDIR:-/tmp}/baken-baci-bench}"
FILE="$DATA_DIR/baci-synthetic-${YEAR}-${ROWS}-seed${SEED}.csv"
PROJECT="$REPO/bench/Baken.BaciBench"

echo "== building bench/Baken.BaciBench (Release)"
timeout 600 dotnet build "$PROJECT" -c Release --nologo -v quiet

mkdir -p "$DATA_DIR"
if [[ ! -s "$FILE" ]]; then
  echo "== generating $FILE"
  # Written under a temporary name first, so an interrupted run never leaves a truncated file behind.
  timeout 600 dotnet run -c Release --no-build --project "$PROJECT" -- \
    generate --rows "$ROWS" --year "$YEAR" --seed "$SEED" --out "$FILE.partial"
  mv "$FILE.partial" "$FILE"
else
  echo "== reusing $FILE ($(du -m "$FILE" | cut -f1) MB)"
fi

echo "== benchmark"
timeout 1800 dotnet run -c Release --no-build --project "$PROJECT" -- run --baci "$FILE" --year "$YEAR" "$@"
