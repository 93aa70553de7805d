#!/usr/bin/env bash
# Issue 12: the alerting rules written from the standard catalog, the demo's catalog and
# the alerts fixture load in Prometheus (`promtool check rules`), and behave on synthetic
# series (`promtool test rules`, the *.test.yaml files beside this script).
#
#   bash tests/alerts/check.sh         (from anywhere; needs promtool and cargo)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/alerts
mkdir -p "$out"
cargo build -q -p auth-errors --features cli
cli=target/debug/auth-errors
docs=https://docs.example.com/api-errors.html
"$cli" alerts auth-errors-core/std/auth-errors.yaml --format prometheus --docs-url "$docs" --out "$out/std.rules.yaml"
"$cli" alerts demo/errors.yaml --format prometheus --docs-url "$docs" --out "$out/demo.rules.yaml"
"$cli" alerts tests/fixtures/valid/alerts.yaml --format prometheus --docs-url "$docs" --out "$out/fixture.rules.yaml"
promtool check rules "$out/std.rules.yaml" "$out/demo.rules.yaml" "$out/fixture.rules.yaml"
promtool test rules tests/alerts/*.test.yaml
