#!/usr/bin/env bash
# The npm package form, as a frontend team would adopt it: renders it with
# `auth-errors docs --format typescript-package`, builds ESM + .d.ts with tsc, packs it
# with `npm pack`, installs the tarball into a fresh project outside this folder (offline:
# the package has no dependency, axios is an optional peer and is not installed), and
# type-checks that project with tsc --strict, bundles it with esbuild and runs the
# bundle; then links this folder's axios in and type-checks the ./axios entry, and its
# openapi-fetch, to type-check createAuthMiddleware as an openapi-fetch Middleware.
# Run by run.sh after `npm ci`.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/../.." && pwd)"
tsc="$here/node_modules/.bin/tsc"
esbuild="$here/node_modules/.bin/esbuild"
pkg="$here/generated/package"

rm -rf "$pkg"
(cd "$root" && cargo run -q -p auth-errors --features cli -- docs auth-errors-core/std/auth-errors.yaml --format typescript-package --out "$pkg")
"$tsc" -p "$pkg/tsconfig.json"
for f in index.js index.d.ts axios.js axios.d.ts; do
  [ -f "$pkg/dist/$f" ] || { echo "package.sh: tsc wrote no dist/$f" >&2; exit 1; }
done
if grep -q 'from "axios"' "$pkg/dist/index.js" "$pkg/dist/index.d.ts"; then
  echo "package.sh: the main entry point names axios" >&2
  exit 1
fi
tarball="$(cd "$pkg" && npm pack --ignore-scripts --silent --pack-destination "$here/generated")"
echo "package.sh: packed $tarball"

app="$(mktemp -d "${TMPDIR:-/tmp}/auth-errors-app.XXXXXX")"
trap 'rm -rf "$app"' EXIT
cp "$here/package-check/main.ts" "$app/"
cat > "$app/package.json" <<'JSON'
{ "name": "fresh-app", "private": true, "type": "module" }
JSON
cat > "$app/tsconfig.json" <<'JSON'
{
  "compilerOptions": {
    "strict": true,
    "target": "es2022",
    "lib": ["es2022", "dom"],
    "module": "esnext",
    "moduleResolution": "bundler",
    "types": [],
    "noEmit": true
  },
  "files": ["main.ts"]
}
JSON
(cd "$app" && npm install --offline --no-audit --no-fund --loglevel=error "$here/generated/$tarball")
[ ! -e "$app/node_modules/axios" ] || { echo "package.sh: axios was installed: it must stay an optional peer" >&2; exit 1; }
(cd "$app" && "$tsc" -p tsconfig.json)
echo "package.sh: tsc --strict: the fresh project type-checks"
(cd "$app" && "$esbuild" main.ts --bundle --format=esm --platform=neutral --target=es2020 --log-level=warning --outfile=out.js)
out="$(cd "$app" && node out.js)"
echo "package.sh: esbuild bundle runs: $out"
# The standard catalog's 12 codes (10 before issue 11's AUTH_UNAVAILABLE and AUTH_SERVER_ERROR).
expected='{"codes":12,"action":"refresh","error":"invalid_token","fetch":"function"}'
[ "$out" = "$expected" ] || { echo "package.sh: expected $expected" >&2; exit 1; }

axios_version="$(node -p 'require(process.argv[1]).version' "$here/node_modules/axios/package.json")"
cp "$here/package-check/with-axios.ts" "$app/"
# The locked axios of this folder, linked in (its types are all the check needs).
ln -s "$here/node_modules/axios" "$app/node_modules/axios"
cat > "$app/tsconfig.axios.json" <<'JSON'
{ "extends": "./tsconfig.json", "files": ["with-axios.ts"] }
JSON
(cd "$app" && "$tsc" -p tsconfig.axios.json)
echo "package.sh: with axios $axios_version installed, the ./axios entry type-checks"

openapi_fetch_version="$(node -p 'require(process.argv[1]).version' "$here/node_modules/openapi-fetch/package.json")"
cp "$here/package-check/with-openapi-fetch.ts" "$app/"
# The locked openapi-fetch (and the helpers its types import), linked in.
ln -s "$here/node_modules/openapi-fetch" "$app/node_modules/openapi-fetch"
ln -s "$here/node_modules/openapi-typescript-helpers" "$app/node_modules/openapi-typescript-helpers"
cat > "$app/tsconfig.openapi-fetch.json" <<'JSON'
{ "extends": "./tsconfig.json", "files": ["with-openapi-fetch.ts"] }
JSON
(cd "$app" && "$tsc" -p tsconfig.openapi-fetch.json)
echo "package.sh: with openapi-fetch $openapi_fetch_version installed, createAuthMiddleware type-checks as its Middleware"
