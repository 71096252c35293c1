#!/usr/bin/env bash
# Runs every test project and prints a closing line of our own, "N passed, N failed, N skipped",
# counted from vitest's JSON report (CI reads that line, not vitest's summary).
#
# The PostgreSQL store's tests need a server: without WALLET_LEDGER_POSTGRES_URL, and when run as
# root (who can install and start one), a throwaway cluster is started here and stopped at the end,
# so the README's test command runs every test. Otherwise those tests skip with a warning.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ -z "${WALLET_LEDGER_POSTGRES_URL:-}" ] && [ "$(id -u)" = 0 ]; then
  if url=$(bash scripts/postgres.sh up); then
    trap 'bash scripts/postgres.sh down' EXIT
    export WALLET_LEDGER_POSTGRES_URL="$url"
  else
    echo "testAll: could not start PostgreSQL; the store-postgres tests will skip" >&2
  fi
fi

report=.vitest-report.json
rm -f "$report"
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@"
status=$?
node scripts/testSummary.mjs "$report" || status=1
exit $status
