#!/usr/bin/env bash
# Bounded load test of the register (issue 4), from a clean slate:
#   1. publishes src/Baken.Cli (Release) and builds bench/Baken.LoadTest into a temporary folder;
#   2. creates an API token for 'admin' in a fresh SQLite database (HOME points at a temporary folder);
#   3. starts 'baken serve' on loopback, waits for /health;
#   4. runs the load test (it seeds 10,000 scenarios through the import API first), then stops the server.
# Every step has a time limit, and the server is stopped on any exit.
#
# Usage: bench/run-load-test.sh [--postgres] [load-test options, e.g. --users 50 --duration 30]
#   --postgres  measures on PostgreSQL instead of the embedded SQLite: creates a fresh database (baken_load_<pid>) with psql,
#               seeds it in a first pass, runs VACUUM ANALYZE (what autovacuum does within minutes of a bulk import on a
#               deployed database; VACUUM_ANALYZE=0 measures the freshly seeded database instead), measures, and drops the
#               database on exit (KEEP=1 keeps it). PG_SERVER (default Host=127.0.0.1;Port=5432;Username=baken_ci;Password=baken_ci)
#               names the server and a role that may create databases.
# Environment: URL (default http://127.0.0.1:5181), CLI_DIR (reuse an already published CLI and skip step 1),
#              KEEP=1 (keep the temporary folder with the database and the server log),
#              SERVER_LOG_LEVEL=Warning (diagnosis only: sets Logging__LogLevel__Default for the server; unset = the
#              product's default, which logs every request and every SQL command at Information to the console),
#              SERVER_ENV="NAME=value ..." (diagnosis only: extra environment for the server, e.g. DOTNET_gcServer=1).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
URL="${URL:-http://127.0.0.1:5181}"
case "$URL" in
  http://127.0.0.1:*|http://localhost:*|http://\[::1\]:*) ;;
  *) echo "URL must be a loopback address, not $URL" >&2; exit 2 ;;
esac

POSTGRES=0
if [[ "${1:-}" == "--postgres" ]]; then POSTGRES=1; shift; fi
PG_SERVER="${PG_SERVER:-Host=127.0.0.1;Port=5432;Username=baken_ci;Password=baken_ci}"
PG_DATABASE="baken_load_$$"
# psql takes the same server and role through its environment.
pg_part() { tr ';' '\n' <<<"$PG_SERVER" | awk -F= -v k="$1" 'tolower($1) == tolower(k) { sub(/^[^=]*=/, ""); print; exit }'; }
psql_pg() { PGHOST="$(pg_part Host)" PGPORT="$(pg_part Port)" PGUSER="$(pg_part Username)" PGPASSWORD="$(pg_part Password)" \
  timeout 600 psql -X -q -v ON_ERROR_STOP=1 "$@"; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/baken-load.XXXXXX")"
SERVER_HOME="$WORK/home"
mkdir -p "$SERVER_HOME"
SERVER_PID=""

cleanup() {
  local rc=$?
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [[ "${KEEP:-0}" == "1" ]]; then
    echo "Kept $WORK (server log: $WORK/server.log)"
    if [[ $POSTGRES == 1 ]]; then echo "Kept the PostgreSQL database $PG_DATABASE"; fi
  else
    rm -rf "$WORK"
    if [[ $POSTGRES == 1 ]]; then psql_pg -d postgres -c "DROP DATABASE IF EXISTS $PG_DATABASE" || true; fi
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The published program runs with HOME (and so its data folder ~/.local/share/baken) inside the temporary folder,
# from the temporary folder (so no baken.json of the caller's working folder is read).
# All 50 simulated users share one API token, so the per-user API rate limit is lifted for the measurement.
BAKEN_ENV=(env HOME="$SERVER_HOME" XDG_DATA_HOME="$SERVER_HOME/.local/share" BAKEN_USER=admin BAKEN_RateLimiting__ApiRequestsPerSecond=100000)
if [[ -n "${SERVER_LOG_LEVEL:-}" ]]; then BAKEN_ENV+=(Logging__LogLevel__Default="$SERVER_LOG_LEVEL"); fi
if [[ -n "${SERVER_ENV:-}" ]]; then read -r -a extra <<<"$SERVER_ENV"; BAKEN_ENV+=("${extra[@]}"); fi
if [[ $POSTGRES == 1 ]]; then
  echo "== creating the PostgreSQL database $PG_DATABASE"
  psql_pg -d postgres -c "CREATE DATABASE $PG_DATABASE"
  BAKEN_ENV+=(BAKEN_Database__Provider=Postgres "BAKEN_Database__ConnectionString=$PG_SERVER;Database=$PG_DATABASE")
fi

if [[ -z "${CLI_DIR:-}" ]]; then
  CLI_DIR="$WORK/cli"
  echo "== publishing src/Baken.Cli (Release) to $CLI_DIR"
  timeout 600 dotnet publish "$REPO/src/Baken.Cli" -c Release -o "$CLI_DIR" --nologo -v quiet
fi
echo "== building bench/Baken.LoadTest (Release)"
timeout 300 dotnet build "$REPO/bench/Baken.LoadTest" -c Release -o "$WORK/loadtest" --nologo -v quiet

echo "== creating the database and an API token for admin"
# The first command creates the database and the catalogue; its administrator password goes to stderr and is not needed.
TOKEN="$(cd "$WORK" && timeout 180 "${BAKEN_ENV[@]}" "$CLI_DIR/baken" user token admin --label load-test --scopes "read;write" 2>"$WORK/token.err" | tail -n 1)"
if [[ "$TOKEN" != bkn_* ]]; then echo "could not create a token:" >&2; cat "$WORK/token.err" >&2; exit 2; fi

echo "== starting baken serve --urls $URL"
(cd "$WORK" && exec "${BAKEN_ENV[@]}" "$CLI_DIR/baken" serve --urls "$URL") >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for i in $(seq 1 120); do
  if curl -fsS --max-time 2 "$URL/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "the server stopped:" >&2; cat "$WORK/server.log" >&2; exit 2; fi
  if [[ $i == 120 ]]; then echo "the server did not answer /health within 60 s" >&2; tail -n 50 "$WORK/server.log" >&2; exit 2; fi
  sleep 0.5
done

cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$1/stat" 2>/dev/null || echo 0; }
echo "== load test"
CPU_BEFORE="$(cpu_seconds "$SERVER_PID")"; WALL_BEFORE="$(date +%s.%N)"
if [[ $POSTGRES == 1 && "${VACUUM_ANALYZE:-1}" == "1" ]]; then
  # Seed in a pass of its own (one user, one second, no baseline), so the statistics can be made before anything is measured.
  echo "== seeding (first pass)"
  BAKEN_TOKEN="$TOKEN" timeout 900 dotnet "$WORK/loadtest/Baken.LoadTest.dll" --url "$URL" "$@" --users 1 --duration 1 --warmup 0 --baseline 0 >"$WORK/seed.log" 2>&1 \
    || { cat "$WORK/seed.log" >&2; exit 2; }
  grep -E "^Seeding|imported" "$WORK/seed.log" || true
  echo "== VACUUM ANALYZE"
  psql_pg -d "$PG_DATABASE" -c "VACUUM ANALYZE"
  CPU_BEFORE="$(cpu_seconds "$SERVER_PID")"; WALL_BEFORE="$(date +%s.%N)"
fi
set +e
# Seeding (10,000 rows) plus at most 30 s warm-up + 120 s measured + time-outs stays well inside 15 minutes.
BAKEN_TOKEN="$TOKEN" timeout 900 dotnet "$WORK/loadtest/Baken.LoadTest.dll" --url "$URL" --server-pid "$SERVER_PID" "$@"
RC=$?
set -e
CPU_AFTER="$(cpu_seconds "$SERVER_PID")"; WALL_AFTER="$(date +%s.%N)"
echo "== server: $(awk -v a="$CPU_BEFORE" -v b="$CPU_AFTER" -v s="$WALL_BEFORE" -v e="$WALL_AFTER" 'BEGIN{printf "%.1f s CPU in %.1f s wall during the load test (%.2f cores)", b-a, e-s, (b-a)/(e-s)}')"
echo "== server: peak memory $(grep -E '^VmHWM' /proc/$SERVER_PID/status 2>/dev/null | awk '{print $2/1024 " MB"}' || echo unknown), log lines $(wc -l <"$WORK/server.log")"
exit $RC
