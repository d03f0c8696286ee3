#!/usr/bin/env bash
# Start-up time of the published `baken` command (issue 17): `baken scenario list` on an empty register, and
# `baken --help` for comparison. Publishes Release to a temporary folder, lets a first run create the database in a
# temporary HOME, then times N runs and prints the median wall-clock time and the median CPU time (user + sys, which the
# other work on a shared machine disturbs much less), with the load average before and after.
#   tools/bench-cli-start.sh            N=10 runs
#   N=20 tools/bench-cli-start.sh       more runs
#   PUBLISH_ARGS="-p:PublishReadyToRun=false" tools/bench-cli-start.sh   compare a publish setting
#   BAKEN_BIN=/some/publish/baken tools/bench-cli-start.sh              time a build published elsewhere (no publish)
# BAKEN_STARTUP_TRACE=1 baken … prints where one start spends its time (docs/performance.md).
set -euo pipefail
N=${N:-10}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d -t baken-bench-cli.XXXXXX); trap 'rm -rf "$WORK"' EXIT
if [[ -n "${BAKEN_BIN:-}" ]]; then
  BAKEN=$(cd "$(dirname "$BAKEN_BIN")" && pwd)/$(basename "$BAKEN_BIN")
else
  echo "publishing src/Baken.Cli (Release) ${PUBLISH_ARGS:-} ..." >&2
  # shellcheck disable=SC2086
  dotnet publish "$ROOT/src/Baken.Cli" -c Release -o "$WORK/cli" ${PUBLISH_ARGS:-} >"$WORK/publish.log" 2>&1 || { tail -20 "$WORK/publish.log"; exit 1; }
  BAKEN="$WORK/cli/baken"
fi
export HOME="$WORK/home"; mkdir -p "$HOME"; cd "$WORK"
"$BAKEN" scenario list --format csv >/dev/null 2>&1   # the first run creates the database, the catalogue and the administrator
"$BAKEN" scenario list --format csv >/dev/null        # and one more to warm the file cache

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
# One line per run: wall-clock ms and CPU ms (user + sys of the process and its children), from bash's time.
runs() {
  local TIMEFORMAT='%R %U %S'
  for _ in $(seq 1 "$N"); do
    { time "$@" >/dev/null 2>&1; } 2>&1 | awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }'
  done
}
report() {
  local name=$1; shift
  local data; data=$(runs "$@")
  echo "$name: median $(cut -d' ' -f1 <<<"$data" | median) ms wall-clock, $(cut -d' ' -f2 <<<"$data" | median) ms CPU (user+sys) over $N runs"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
report "baken scenario list (empty register)" "$BAKEN" scenario list --format csv
report "baken --help                        " "$BAKEN" --help
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
