#!/usr/bin/env bash
# The TypeScript client pack's suites, as CI runs them from a clean clone: installs the
# locked packages (npm ci), builds both demo servers, renders the pack with the CLI,
# compiles everything with tsc --strict, runs the node tests (Node's fetch, openapi-fetch,
# ky, ofetch and axios against the real demo), checks the npm package form in a fresh
# project, and runs the browser suite in Debian's Chromium against both servers.
# Exits non-zero on any failure. Chromium: /usr/bin/chromium (or $CHROMIUM);
# `.ci/run` installs Debian's `chromium` package when it is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"

echo "== node $(node --version), npm $(npm --version 2>/dev/null)"
echo "== npm ci (tests/ts)"
npm ci --no-audit --no-fund --loglevel=error

echo "== cargo build --example server --example server-actix"
# The binaries' paths come from cargo itself, so CARGO_TARGET_DIR is honoured; they are
# copied out at once, so another build into a shared target dir cannot swap them.
bins="$(mktemp -d "${TMPDIR:-/tmp}/auth-errors-demo.XXXXXX")"
trap 'rm -rf "$bins"' EXIT
(cd "$root" && cargo build -q -p auth-errors-demo --example server --example server-actix --message-format=json-render-diagnostics) \
  | node -e '
      let text = "";
      process.stdin.on("data", (c) => (text += c)).on("end", () => {
        const exe = {};
        for (const line of text.split("\n")) {
          if (!line.startsWith("{")) continue;
          const m = JSON.parse(line);
          if (m.reason === "compiler-artifact" && m.target.kind.includes("example") && m.executable) exe[m.target.name] = m.executable;
        }
        for (const name of ["server", "server-actix"]) {
          if (!exe[name]) { console.error(`run.sh: cargo reported no executable for example ${name}`); process.exit(1); }
          console.log(exe[name]);
        }
      });' \
  | while read -r exe; do cp "$exe" "$bins/"; done
export DEMO_SERVER_BIN="$bins/server" DEMO_ACTIX_BIN="$bins/server-actix"
[ -x "$DEMO_SERVER_BIN" ] && [ -x "$DEMO_ACTIX_BIN" ] || { echo "run.sh: the demo binaries were not built" >&2; exit 1; }
echo "demo servers: $DEMO_SERVER_BIN, $DEMO_ACTIX_BIN"

echo "== render the packs: auth-errors docs FILE --format typescript"
rm -rf generated dist
sh scripts/generate.sh

echo "== tsc -p . (strict)"
npx --no-install tsc -p .
echo "== tsc -p tsconfig.pack.json (every rendered pack alone: ES2017, no DOM or Node types, erasable syntax only)"
npx --no-install tsc -p tsconfig.pack.json
echo "== tsc -p tsconfig.browser.json (the browser suite's page and driver)"
npx --no-install tsc -p tsconfig.browser.json

echo "== node --test"
shopt -s nullglob
tests=(dist/test/*.test.js)
if [ "${#tests[@]}" -eq 0 ]; then
  echo "run.sh: no compiled tests in dist/test" >&2
  exit 1
fi
# --expose-gc: abort.test.ts forces collections (Node lets a Request's signal go after one).
node --expose-gc --test --test-reporter=spec "${tests[@]}"

echo "== the npm package form: docs --format typescript-package, tsc, npm pack, a fresh project (tsc --strict, esbuild)"
bash scripts/package.sh

chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "run.sh: no Chromium at $chromium: apt-get install -y chromium (or set CHROMIUM)" >&2
  exit 1
fi
echo "== browser suite: $("$chromium" --version 2>/dev/null | head -1), page and API on two 127.0.0.1 ports"
for server in axum actix; do
  CHROMIUM="$chromium" node dist/browser/run.js "$server"
done
