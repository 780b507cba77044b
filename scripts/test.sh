#!/usr/bin/env bash
# The README's test command (`npm test`): installs what the tests need when it is missing, then type-checks
# and runs every suite in workerd. CI runs exactly this from a clean clone (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/vitest ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "› installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi
export PATH="$PWD/node_modules/.bin:$PATH"
# The Neon store's tests run against a real PostgreSQL (tests/setup/postgres.ts starts a throwaway cluster).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "› installing PostgreSQL (apt: postgresql)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "PostgreSQL is required by the tests: install the Debian package \`postgresql\` (sudo apt-get install -y postgresql)" >&2
    exit 1
  fi
fi
# The MongoDB connector's tests talk to a MongoDB-protocol stand-in on Debian's mockupdb + mongomock
# (tests/fakes/mongodb/server.py; no mongod can be installed here).
if ! /usr/bin/python3 -c "import mockupdb, mongomock" >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "› installing the MongoDB stand-in's packages (apt: python3-mockupdb python3-mongomock)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-mockupdb python3-mongomock >/dev/null
  else
    echo "The MongoDB stand-in needs the Debian packages python3-mockupdb and python3-mongomock (sudo apt-get install -y python3-mockupdb python3-mongomock)" >&2
    exit 1
  fi
fi
# The console's end-to-end tests drive Debian's Chromium (never a downloaded browser).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "› installing Chromium for the console's end-to-end tests (apt: chromium)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The console's end-to-end tests need Chromium: install the Debian package \`chromium\` (sudo apt-get install -y chromium)" >&2
    exit 1
  fi
fi
npm run postinstall --silent # generated files (Argon2id WASM, docs viewer); idempotent, cheap
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
