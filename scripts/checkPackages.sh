#!/usr/bin/env bash
# Catches a broken export map before users do: publint and attw (ESM-only profile: the packages
# are ESM, and Node 20.19+ lets CommonJS services require() them) on every published package,
# packed from a fresh build. Run after `pnpm build`.
set -euo pipefail
cd "$(dirname "$0")/.."
for package in packages/*/; do
  if [ "$(node -p "require('./${package}package.json').private === true")" = "true" ]; then continue; fi
  echo "== ${package}"
  (cd "$package" && pnpm exec publint --strict && pnpm exec attw --pack . --profile esm-only --format ascii)
done
