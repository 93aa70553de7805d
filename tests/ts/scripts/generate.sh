#!/bin/sh
# Writes generated/auth-errors.ts: the TypeScript pack of the standard catalog, rendered by
# the auth-errors CLI (the generated prelude followed by auth-errors-core/src/docs/runtime.ts).
set -eu
cd "$(dirname "$0")/.."
mkdir -p generated
cargo run -q -p auth-errors --features cli -- docs ../../schema/auth-errors.yaml --format typescript --out generated/auth-errors.ts
echo "generate.sh: wrote tests/ts/generated/auth-errors.ts"
