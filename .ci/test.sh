#!/usr/bin/env bash
# Runs every test project of Tracker.sln and ends with the totals as one plain line: "N passed, N failed[, N skipped]".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# Browser tests drive Debian's Chromium; install it when missing (root, as on CI), never a downloaded browser.
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "warning: could not install chromium; browser tests will fail" >&2
fi

log="$(mktemp)"
dotnet build Tracker.sln -c Release --nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
# One project at a time: each starts its own Azurite/smtp4dev, and two cores shared by several stacks make timing flaky.
status=0
for project in tests/*/*.Tests.csproj; do
  dotnet test "$project" -c Release --no-build --nologo "$@" 2>&1 | tee -a "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done

read -r passed failed skipped < <(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
projects=$(grep -cE '^(Passed|Failed)!' "$log")
expected=$(find tests -name '*.Tests.csproj' | wc -l)
rm -f "$log"
if [ "$projects" -lt "$expected" ]; then
  echo "only $projects of $expected test projects reported results" >&2
  failed=$((failed + expected - projects))
  status=1
fi
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
