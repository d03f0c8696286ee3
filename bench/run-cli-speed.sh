#!/usr/bin/env bash
# Speed targets of issue 20 (item 7) that run through the published `baken` command:
#   * `baken analyse --bench` (200 scenarios × 10 criteria × 5 analysts × 100,000 iterations) in at most 1.3 s wall;
#   * `baken iim` on a dynamic case of 1,000 sectors (10 dependencies each) and 1,000 time steps in at most 1 s
#     (and the same case with 100 steps, which shows the set-up cost).
# It publishes src/Baken.Cli (Release, as shipped) into a temporary folder, generates the IIM cases with
# bench/iim/generate-dynamic-case.py (deterministic), and runs every command REPEAT times, printing per run the wall
# time, the CPU time (user + sys, from /usr/bin/time or bash's `times`) and the load average before the run, then the
# medians. With BEFORE_DIR=<folder of an older published baken> the old and new builds run interleaved, so both see the
# same load and their ratio is the figure that survives a busy machine.
#
# Usage: bench/run-cli-speed.sh [REPEAT=5]
# Environment: CLI_DIR (reuse a published CLI instead of publishing), BEFORE_DIR (compare with an older one),
#              WORK_DIR (default ${TMPDIR:-/tmp}/baken-cli-speed).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPEAT="${1:-5}"
WORK_DIR="${WORK_DIR:-${TMPDIR:-/tmp}/baken-cli-speed}"
mkdir -p "$WORK_DIR"
export HOME="$WORK_DIR/home"   # `baken analyse --bench` and `baken iim` need no database; keep any the CLI makes out of the user's home
mkdir -p "$HOME"

if [[ -z "${CLI_DIR:-}" ]]; then
  CLI_DIR="$WORK_DIR/cli"
  echo "== publishing src/Baken.Cli (Release) to $CLI_DIR"
  timeout 900 dotnet publish "$REPO/src/Baken.Cli" -c Release -o "$CLI_DIR" --nologo -v quiet
fi

for steps in 1000 100; do
  if [[ ! -s "$WORK_DIR/iim1000x$steps/case.json" ]]; then
    python3 "$REPO/bench/iim/generate-dynamic-case.py" "$WORK_DIR/iim1000x$steps" --sectors 1000 --dependencies 10 --steps "$steps" --seed 1
  fi
done

builds=("new:$CLI_DIR")
[[ -n "${BEFORE_DIR:-}" ]] && builds=("old:$BEFORE_DIR" "${builds[@]}")

declare -A results
run() { # label, command...
  local label="$1"; shift
  local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  local out; out="$( { /usr/bin/time -f '%e %U %S' "$@" > "$WORK_DIR/last.out"; } 2>&1 | tail -1)"
  read -r wall user sys <<< "$out"
  local cpu; cpu="$(echo "$user + $sys" | bc)"
  printf '  %-28s wall %6.2f s  CPU %6.2f s  (load %s)%s\n' "$label" "$wall" "$cpu" "$load" \
    "$( [[ "$label" == *analyse* ]] && echo "  · $(grep -oE '[0-9.]+ s wall(, [0-9.]+ s CPU)?' "$WORK_DIR/last.out" | head -1) inside" )"
  results["$label"]+="$wall:$cpu "
}

echo "== $(nproc) cores · $(date -u '+%Y-%m-%d %H:%M') UTC · load $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$REPEAT"); do
  echo "run $r"
  for b in "${builds[@]}"; do
    name="${b%%:*}"; dir="${b#*:}"
    run "$name analyse --bench" "$dir/baken" analyse --bench
    run "$name iim 1000×1000" "$dir/baken" iim --case "$WORK_DIR/iim1000x1000/case.json"
    cp "$WORK_DIR/last.out" "$WORK_DIR/$name-iim1000x1000.csv"
    run "$name iim 1000×100" "$dir/baken" iim --case "$WORK_DIR/iim1000x100/case.json"
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo
echo "| command | wall s (median of $REPEAT) | CPU s (median) |"
echo "|---|---|---|"
for label in "${!results[@]}"; do
  w="$(echo "${results[$label]}" | tr ' ' '\n' | cut -d: -f1 | tr '\n' ' ' | median)"
  c="$(echo "${results[$label]}" | tr ' ' '\n' | cut -d: -f2 | tr '\n' ' ' | median)"
  echo "| $label | $w | $c |"
done | sort
if [[ -n "${BEFORE_DIR:-}" ]]; then
  if cmp -s "$WORK_DIR/old-iim1000x1000.csv" "$WORK_DIR/new-iim1000x1000.csv"; then echo "iim 1000×1000: old and new output identical."
  else echo "iim 1000×1000: old and new output DIFFER."; exit 1; fi
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
