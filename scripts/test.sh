#!/usr/bin/env bash
# The README's test command (`npm test`): installs what the tests need when it is missing, type-checks, builds the
# console, runs every suite in workerd, then the console's end-to-end tests in Chromium. CI runs exactly this from a clean clone (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/vitest ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "› installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi
export PATH="$PWD/node_modules/.bin:$PATH"
# Debian packages the tests need: installed with apt when missing (as root), else the run stops saying what to install.
require_apt() { # <what for> <check command> <packages...>
  local why=$1 check=$2
  shift 2
  if eval "$check" >/dev/null 2>&1; then return; fi
  if [ "$(id -u)" -eq 0 ]; then
    echo "› installing $why (apt: $*)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "The tests need $why: install the Debian package(s) $* (sudo apt-get install -y $*)" >&2
    exit 1
  fi
}
# the Neon store's and the Supabase connector's tests run against a real PostgreSQL (tests/setup/postgres.ts)
require_apt "PostgreSQL" 'ls /usr/lib/postgresql/*/bin/initdb' postgresql
# the MongoDB connector's tests talk to a MongoDB-protocol stand-in (tests/fakes/mongodb/server.py; no mongod here)
require_apt "the MongoDB stand-in's Python packages" '/usr/bin/python3 -c "import mockupdb, mongomock"' python3-mockupdb python3-mongomock
# the console's end-to-end tests drive Debian's Chromium (never a downloaded browser)
require_apt "Chromium" 'test -x /usr/bin/chromium' chromium
npm run postinstall --silent # generated files (Argon2id WASM, docs viewer, DuckDB's engine); idempotent, cheap
node -e 'if (+process.versions.node.split(".")[0] < 22) { console.error("Node >= 22 is required; node@22 from devDependencies did not install (check allowScripts)"); process.exit(1) }'

echo "› type-checking"
tsc -p .
tsc -p tests/e2e
echo "› building the console (app/build, served by the Worker as static assets)"
node scripts/build-console.mjs >/dev/null
echo "› running tests in workerd"
vitest run "$@"
echo "› running the console's end-to-end tests in Chromium"
vitest run -c vitest.e2e.config.ts
