#!/usr/bin/env bash
# The TypeScript client pack's suite, as CI runs it from a clean clone: installs the
# locked packages (npm ci), builds the demo server, renders the pack with the CLI,
# compiles everything with tsc --strict and runs the node tests against real axios and
# the real demo server. Exits non-zero on any failure.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"

echo "== node $(node --version), npm $(npm --version 2>/dev/null)"
echo "== npm ci (tests/ts)"
npm ci --no-audit --no-fund --loglevel=error

echo "== cargo build --example server"
# The binary's path comes from cargo itself, so CARGO_TARGET_DIR is honoured.
DEMO_SERVER_BIN="$(cd "$root" && cargo build -q --example server --message-format=json-render-diagnostics \
  | node -e '
      let text = "";
      process.stdin.on("data", (c) => (text += c)).on("end", () => {
        let exe = "";
        for (const line of text.split("\n")) {
          if (!line.startsWith("{")) continue;
          const m = JSON.parse(line);
          if (m.reason === "compiler-artifact" && m.target.name === "server" && m.target.kind.includes("example") && m.executable) exe = m.executable;
        }
        if (!exe) { console.error("run.sh: cargo reported no executable for example `server`"); process.exit(1); }
        console.log(exe);
      });')"
export DEMO_SERVER_BIN
echo "demo server: $DEMO_SERVER_BIN"

echo "== render the packs: auth-errors docs FILE --format typescript"
rm -rf generated dist
sh scripts/generate.sh

echo "== tsc -p . (strict)"
npx --no-install tsc -p .
echo "== tsc -p tsconfig.pack.json (every rendered pack alone: ES2017, no DOM or Node types, erasable syntax only)"
npx --no-install tsc -p tsconfig.pack.json

echo "== node --test"
shopt -s nullglob
tests=(dist/test/*.test.js)
if [ "${#tests[@]}" -eq 0 ]; then
  echo "run.sh: no compiled tests in dist/test" >&2
  exit 1
fi
node --test --test-reporter=spec "${tests[@]}"
