#!/bin/sh
# Writes generated/auth-errors.ts: the TypeScript pack of the standard catalog, rendered
# by the auth-errors CLI (the generated prelude followed by the static runtime).
set -eu
cd "$(dirname "$0")/.."
mkdir -p generated
if cargo run -q -p auth-errors --features cli -- docs --help >/dev/null 2>&1; then
  cargo run -q -p auth-errors --features cli -- docs ../../schema/auth-errors.yaml --format typescript --out generated/auth-errors.ts
else
  # Until the CLI renders TypeScript: the hand-written prelude of the standard catalog
  # followed by the runtime, as the renderer concatenates them.
  echo "generate.sh: 'auth-errors docs' is not available yet; using scripts/prelude.standard.ts" >&2
  cat scripts/prelude.standard.ts ../../auth-errors-core/src/docs/runtime.ts > generated/auth-errors.ts
fi
echo "generate.sh: wrote tests/ts/generated/auth-errors.ts"
