#!/usr/bin/env bash
# Installs the pnpm version pinned in package.json's packageManager field, unless it is there.
set -euo pipefail
cd "$(dirname "$0")/.."
wanted=$(node -p "require('./package.json').packageManager.split('@')[1].split('+')[0]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$wanted" ]; then
  npm install --global --no-fund --no-audit "pnpm@$wanted"
fi
pnpm --version
