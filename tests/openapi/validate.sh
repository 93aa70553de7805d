#!/usr/bin/env bash
# Validates the OpenAPI 3.1 output with a real validator (openapi-spec-validator, from
# PyPI): the committed snapshots and a fresh render of every catalog the repo ships.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=target/venv-openapi
if [ ! -x "$venv/bin/openapi-spec-validator" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet openapi-spec-validator==0.9.0
fi
out=target/openapi-render
mkdir -p "$out"
files=(tests/snapshots/docs/*.openapi.json tests/snapshots/docs/*.openapi.yaml)
for catalog in auth-errors-core/std/auth-errors.yaml auth-errors/examples/errors.yaml tests/fixtures/valid/*.yaml tests/fixtures/docs/*.yaml; do
  name=$(echo "$catalog" | tr '/' '_')
  cargo run -q -p auth-errors --features cli -- docs "$catalog" --format openapi --out "$out/$name.json"
  cargo run -q -p auth-errors --features cli -- docs "$catalog" --format openapi-yaml --out "$out/$name.yaml"
  files+=("$out/$name.json" "$out/$name.yaml")
done
failed=0
for f in "${files[@]}"; do
  if ! "$venv/bin/openapi-spec-validator" "$f"; then
    failed=$((failed + 1))
  fi
done
echo "openapi: $((${#files[@]} - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
