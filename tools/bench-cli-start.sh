#!/usr/bin/env bash
# Start-up time of the published `baken` command (issue 17): `baken scenario list` on an empty register, and
# `baken --help` for comparison. Publishes Release to a temporary folder, lets a first run create the database in a
# temporary HOME, then times N runs (hyperfine when installed, else a bash loop with date +%s%N) and prints the median.
#   tools/bench-cli-start.sh            N=10 runs
#   N=20 tools/bench-cli-start.sh       more runs
#   PUBLISH_ARGS="-p:PublishReadyToRun=false" tools/bench-cli-start.sh   compare a publish setting
set -euo pipefail
N=${N:-10}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d -t baken-bench-cli.XXXXXX); trap 'rm -rf "$WORK"' EXIT
echo "publishing src/Baken.Cli (Release) ${PUBLISH_ARGS:-} ..." >&2
# shellcheck disable=SC2086
dotnet publish "$ROOT/src/Baken.Cli" -c Release -o "$WORK/cli" ${PUBLISH_ARGS:-} >"$WORK/publish.log" 2>&1 || { tail -20 "$WORK/publish.log"; exit 1; }
BAKEN="$WORK/cli/baken"
export HOME="$WORK/home"; mkdir -p "$HOME"; cd "$WORK"
"$BAKEN" scenario list --format csv >/dev/null 2>&1   # the first run creates the database, the catalogue and the administrator
"$BAKEN" scenario list --format csv >/dev/null        # and one more to warm the file cache

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
time_ms() {
  for _ in $(seq 1 "$N"); do
    local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000000 ))
  done
}
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine -N --warmup 1 --runs "$N" "$BAKEN scenario list --format csv" "$BAKEN --help"
else
  list=$(time_ms "$BAKEN" scenario list --format csv | median)
  help=$(time_ms "$BAKEN" --help | median)
  echo "baken scenario list (empty register): median ${list} ms over $N runs"
  echo "baken --help:                         median ${help} ms over $N runs"
fi
