#!/usr/bin/env bash
# Benchmark: the whole `tracker analyze` process against lme4's whole Rscript process on the same CSV,
# side by side in one run (R only when it is installed), then tracker alone at growing sizes to show
# that cost grows linearly with rows and peak memory stays small.
#
# Usage: bench/analyze.sh [participants=50000] [waves=8] [--no-scaling]
# Needs: .NET 10 SDK, /usr/bin/time, jq, awk; optional: Rscript with r-cran-lme4 r-cran-jsonlite r-cran-survival.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/artifacts/bench"
PARTICIPANTS="${1:-50000}"
WAVES="${2:-8}"
SCALING=1; [[ "${3:-}" == "--no-scaling" ]] && SCALING=0
FORMULA="willingness ~ days * cc + (days | participant_id)"
mkdir -p "$OUT"
calc() { awk "BEGIN { print $* }"; }
HAVE_R=0
if command -v Rscript >/dev/null && Rscript -e 'suppressMessages({library(lme4); library(jsonlite); library(survival)})' >/dev/null 2>&1; then HAVE_R=1; fi

publish() { # project extra-args... ; retried: other builds in the same tree can hold obj/ files for a moment
  local project="$1"; shift
  for attempt in 1 2 3; do
    if dotnet publish "$ROOT/functions/$project" -c Release "$@" --nologo -v q >"$OUT/publish.log" 2>&1; then return 0; fi
    [[ $attempt == 3 ]] && { tail -20 "$OUT/publish.log" >&2; return 1; }
    sleep 10
  done
}
# Native AOT (functions/Tracker.Analyze: `tracker analyze` as its own executable, see docs/performance.md) needs clang
# to link. Without it, the ReadyToRun build of the whole CLI (start-up and the first pass over the CSV still run
# precompiled code); TRACKER_BENCH_BUILD=readytorun picks that build even where clang is installed.
BUILD="${TRACKER_BENCH_BUILD:-aot}"
if [[ $BUILD == aot ]] && ! command -v clang >/dev/null; then
  echo "clang is not installed: Native AOT cannot link here, so this run measures the ReadyToRun build instead" >&2
  echo "  (install it with: apt-get install -y clang zlib1g-dev)" >&2
  BUILD=readytorun
fi
if [[ $BUILD == aot ]]; then
  echo "building tracker-analyze (Release, Native AOT)..." >&2
  if publish Tracker.Analyze -p:TrackerAot=true -o "$OUT/tracker-aot"; then
    TRACKER="$OUT/tracker-aot/tracker-analyze"; TRACKER_ARGS=()
  else
    echo "the Native AOT publish failed (log above): falling back to ReadyToRun" >&2; BUILD=readytorun
  fi
fi
if [[ $BUILD != aot ]]; then
  echo "building tracker (Release, ReadyToRun)..." >&2
  # Precompiled (see functions/Tracker.Cli/Tracker.Cli.csproj): start-up and the first pass over the CSV run native code.
  publish Tracker.Cli -p:TrackerReadyToRun=true -o "$OUT/tracker" || exit 1
  TRACKER="$OUT/tracker/tracker"; TRACKER_ARGS=(analyze)
fi

generate() { # participants waves -> csv path
  local csv="$OUT/panel_${1}x${2}.csv"
  if [[ ! -s "$csv" ]]; then
    echo "generating $1 participants x $2 waves..." >&2
    if [[ $HAVE_R == 1 ]]; then Rscript "$ROOT/tests/Tracker.Analysis.Tests/Reference/make_example_panel.R" "$csv" "$1" "$2" 42
    else dotnet run "$ROOT/bench/generate_panel.cs" -- "$csv" "$1" "$2" 42 >/dev/null; fi
  fi
  echo "$csv"
}

measure() { # label json cmd... ; prints: label wall cpu rss_mb
  local label="$1" json="$2"; shift 2
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/time.txt" "$@" >"$OUT/$label.stdout" 2>"$OUT/$label.stderr" || { echo "$label failed:" >&2; tail -3 "$OUT/$label.stderr" >&2; return 1; }
  read -r wall user sys rss <"$OUT/time.txt"
  printf '%s %s %.2f %.0f\n' "$label" "$wall" "$(calc "$user + $sys")" "$(calc "$rss / 1024")"
}

CSV="$(generate "$PARTICIPANTS" "$WAVES")"
ROWS=$(($(wc -l <"$CSV") - 1))
echo
echo "== side by side: $ROWS rows ($PARTICIPANTS participants x $WAVES waves), formula: $FORMULA"
echo "   build: $BUILD; command: $TRACKER ${TRACKER_ARGS[*]} --input $CSV --formula \"$FORMULA\" --json tracker.json"
RESULTS=()
# TRACKER_TIMINGS=1: the phase times (start-up, read, models, report) on stderr, printed below.
RESULTS+=("$(TRACKER_TIMINGS=1 measure tracker "$OUT/tracker.json" "$TRACKER" "${TRACKER_ARGS[@]}" --input "$CSV" --formula "$FORMULA" --json "$OUT/tracker.json")")
if [[ $HAVE_R == 1 ]]; then
  RESULTS+=("$(measure lme4-default "$OUT/lme4-default.json" Rscript "$ROOT/bench/lme4_analyze.R" "$CSV" "$OUT/lme4-default.json" "$FORMULA" default)")
  RESULTS+=("$(measure lme4-bobyqa "$OUT/lme4-bobyqa.json" Rscript "$ROOT/bench/lme4_analyze.R" "$CSV" "$OUT/lme4-bobyqa.json" "$FORMULA" bobyqa)")
else
  echo "   (Rscript with lme4 not installed: tracker alone)"
fi
TRACKER_WALL=$(echo "${RESULTS[0]}" | cut -d' ' -f2)
TRACKER_CPU=$(echo "${RESULTS[0]}" | cut -d' ' -f3)
printf '\n%-14s %9s %9s %9s %16s %12s %12s %9s %9s %9s\n' "run" "wall s" "cpu s" "RSS MB" "REML criterion" "(Intercept)" "days" "singular" "x wall" "x cpu"
for line in "${RESULTS[@]}"; do
  read -r label wall cpu rss <<<"$line"
  json="$OUT/$label.json"
  crit=$(jq -r '.growth.reml_criterion' "$json"); b0=$(jq -r '.growth.fixed["(Intercept)"].estimate' "$json"); b1=$(jq -r '.growth.fixed.days.estimate' "$json")
  sing=$(jq -r '.growth.singular' "$json")
  printf '%-14s %9s %9s %9s %16.4f %12.6f %12.8f %9s %9.1f %9.1f\n' "$label" "$wall" "$cpu" "$rss" "$crit" "$b0" "$b1" "$sing" "$(calc "$wall / $TRACKER_WALL")" "$(calc "$cpu / $TRACKER_CPU")"
done
if [[ $HAVE_R == 1 ]]; then
  # Same estimates: REML criterion to 1e-3 and each fixed effect to 1e-6 relative, against each lme4 run.
  echo
  for label in lme4-default lme4-bobyqa; do
    same=$(jq -n --slurpfile t "$OUT/tracker.json" --slurpfile r "$OUT/$label.json" '
      def close(a; b; tol): ((a - b) | fabs) <= tol * ([1, (b | fabs)] | max);
      ($t[0].growth) as $tg | ($r[0].growth) as $rg
      | close($tg.reml_criterion; $rg.reml_criterion; 1e-9)
        and ([$tg.fixed | keys[] as $k | close($tg.fixed[$k].estimate; $rg.fixed[$k].estimate; 1e-6)] | all)')
    if [[ $same == true ]]; then echo "same estimates as $label: yes"
    else echo "same estimates as $label: NO (REML criterion or a fixed effect differs; see the table)"; fi
  done
fi
echo; echo "tracker phases:"; grep -h '^timing' "$OUT/tracker.stderr" | sed 's/^/  /'
[[ $HAVE_R == 1 ]] && { echo; echo "lme4 phases (s):"; grep -h timing "$OUT"/lme4-*.stderr | sed 's/^/  /'; }

if [[ $SCALING == 1 ]]; then
  echo
  echo "== tracker alone, growing panels (waves = $WAVES): cost per row should stay flat"
  printf '%-13s %9s %9s %9s %9s %14s\n' "participants" "rows" "wall s" "cpu s" "RSS MB" "us cpu / row"
  for p in 25000 50000 100000 180000; do
    csv="$(generate "$p" "$WAVES")"; rows=$(($(wc -l <"$csv") - 1))
    read -r _ wall cpu rss <<<"$(measure "tracker-$p" /dev/null "$TRACKER" "${TRACKER_ARGS[@]}" --input "$csv" --formula "$FORMULA" --json "$OUT/tracker-$p.json")"
    printf '%-13s %9s %9s %9s %9s %14.2f\n' "$p" "$rows" "$wall" "$cpu" "$rss" "$(calc "$cpu * 1000000 / $rows")"
  done
fi
