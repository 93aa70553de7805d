#!/usr/bin/env python3
"""Prints the last criterion run of the benches in tests/benches as ratios (issue 7).

Run the benches first, in one go so that the figures share a machine state:

    cargo bench -p auth-errors-tests --bench response --bench actix --bench parse -- --measurement-time 3
    python3 scripts/bench-ratios.py

Reads target/criterion/<group>/<bench>/new/estimates.json (criterion's headline
estimate: the slope of the linear regression, else the mean) and prints, per group, each contender's time and its ratio to
the reference: `handwritten` of the same case for `response` and `actix`,
`http_auth/common` for `parse`.
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "target" / "criterion"


def estimate(group, bench):
    path = ROOT / group / bench / "new" / "estimates.json"
    if not path.is_file():
        return None
    estimates = json.loads(path.read_text())
    e = estimates.get("slope") or estimates["mean"]
    return e["point_estimate"], e["confidence_interval"]["lower_bound"], e["confidence_interval"]["upper_bound"]


def fmt_ns(ns):
    return f"{ns / 1000:.2f} µs" if ns >= 1000 else f"{ns:.1f} ns"


def responses(group):
    contenders = ["auth_errors", "handwritten", "typical", "http_api_problem", "axum_thiserror"]
    print(f"### {group}\n")
    print("| contender | static | ratio | dynamic | ratio |")
    print("|---|---:|---:|---:|---:|")
    ref = {case: estimate(group, f"handwritten_{case}") for case in ("static", "dynamic")}
    for c in contenders:
        cells = []
        for case in ("static", "dynamic"):
            e = estimate(group, f"{c}_{case}")
            if e is None or ref[case] is None:
                cells += ["n/a", "n/a"]
            else:
                cells += [fmt_ns(e[0]), f"{e[0] / ref[case][0]:.2f}x"]
        if cells != ["n/a"] * 4:
            print(f"| {c} | " + " | ".join(cells) + " |")
    print()


def parse():
    print("### parse\n")
    print("| parser | time per pass | ratio to http-auth |")
    print("|---|---:|---:|")
    ref = estimate("parse", "http_auth_common")
    for bench in ("auth_errors_common", "http_auth_common", "auth_errors_all"):
        e = estimate("parse", bench)
        if e and ref:
            ratio = f"{e[0] / ref[0]:.2f}x" if bench.endswith("common") else "(all cases)"
            print(f"| {bench.replace('_common', '/common').replace('_all', '/all')} | {fmt_ns(e[0])} | {ratio} |")
    print()


def metrics():
    """Group `metrics` (issue 12): the static response without and with a recorder."""
    hand = estimate("metrics", "handwritten_static")
    off = estimate("metrics", "auth_errors_static_no_recorder")
    on = estimate("metrics", "auth_errors_static_recorder")
    if not (hand and off and on):
        return
    print("### metrics\n")
    print("| case | time | ratio to handwritten | CI |")
    print("|---|---:|---:|---|")
    for name, e in (("handwritten/static", hand), ("auth_errors/static_no_recorder", off), ("auth_errors/static_recorder", on)):
        print(f"| {name} | {fmt_ns(e[0])} | {e[0] / hand[0]:.3f}x | {fmt_ns(e[1])} to {fmt_ns(e[2])} |")
    print(f"\nrecorder installed minus none: {on[0] - off[0]:+.1f} ns per response (target: at most 10 ns)\n")


def main():
    if not ROOT.is_dir():
        sys.exit("no criterion results: run the benches first")
    for group in ("response", "actix"):
        responses(group)
    metrics()
    parse()


if __name__ == "__main__":
    main()
