#!/bin/sh
# Renders the TypeScript packs with the auth-errors CLI (each is the generated prelude
# followed by auth-errors-core/src/docs/runtime.ts):
# - generated/auth-errors.ts: the standard catalog, which the tests import;
# - generated/demo-api.ts: the demo's catalog with its French and Chinese files, whose
#   message tables the tests compare with what the demo servers send;
# - generated/catalogs/*.ts: other catalogs (problem bodies, edge cases, a minimal one),
#   compiled only, to show the runtime fits every prelude.
set -eu
cd "$(dirname "$0")/.."
root=../..
mkdir -p generated/catalogs
render() {
  cargo run -q -p auth-errors --features cli -- docs "$1" --format typescript --out "$2"
  echo "generate.sh: $2 <- ${1#"$root/"}"
}
render "$root/auth-errors-core/std/auth-errors.yaml" generated/auth-errors.ts
render "$root/demo/api.yaml" generated/demo-api.ts
for catalog in "$root/tests/fixtures/valid/problem-bodies.yaml" "$root/tests/fixtures/valid/edge-cases.yaml" \
  "$root/tests/fixtures/valid/minimal.yaml" "$root/tests/fixtures/docs/edge.yaml" \
  "$root/tests/fixtures/docs/localized.yaml"; do
  name=$(basename "$(dirname "$catalog")")-$(basename "$catalog" .yaml)
  render "$catalog" "generated/catalogs/$name.ts"
done
