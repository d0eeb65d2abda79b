#!/usr/bin/env bash
# Regenerates Tracker.Analysis's own peer references with R (Debian: r-cran-lme4 r-cran-jsonlite r-cran-survival).
# The three shared references (sleepstudy, example_panel, example_panel.plain) come from ../shared/reference
# and are only re-checked here, not rewritten. Run from anywhere: bash tests/Tracker.Analysis.Tests/Reference/regenerate.sh
set -euo pipefail
cd "$(dirname "$0")"
Rscript make_cases.R
while IFS=$'\t' read -r name data formula outcome time subject wave kind; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  case "$name" in sleepstudy|example_panel|example_panel.plain) continue ;; esac
  echo "== $name: $formula"
  Rscript reference_cases.R "$data" "$name.ref.json" "$formula" "$outcome" "$time" "$subject" "$wave"
done < cases.tsv
Rscript descriptives_reference.R items_panel.csv items_panel.descriptives.json
