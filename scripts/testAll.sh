#!/usr/bin/env bash
# Runs every test project and prints a closing line of our own, "N passed, N failed, N skipped",
# counted from vitest's JSON report (CI reads that line, not vitest's summary).
set -uo pipefail
cd "$(dirname "$0")/.."

report=.vitest-report.json
rm -f "$report"
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@"
status=$?
node scripts/testSummary.mjs "$report" || status=1
exit $status
