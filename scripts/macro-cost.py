#!/usr/bin/env python3
"""Times how long #[auth_errors::catalog] adds to a build, against the same enum by hand.

For N in (50, 1000) it writes two fixture crates under target/macro-cost/:
  - `generated`: the catalog macro over an N-entry catalog;
  - `handwritten`: the same N variants with thiserror's Display and a hand-written axum
    `IntoResponse` (static header values, pre-serialised bodies), no auth-errors at all.
Both crates depend on axum and answer one variant's response in `main`, so the
`IntoResponse` code is compiled in both.
Dependencies are built once; then each crate's own compilation is timed (touch the
source, `cargo build`: the fixture crate is compiled from scratch, macro expansion
included, its dependencies are not), the two crates alternately, median of RUNS runs.
Prints a Markdown table of seconds and ratios against the targets of issue 10 (at most
1.5x at 50 entries, 3x at 1,000), with the load average at the start and the end.
The fixtures build in $CARGO_TARGET_DIR/macro-cost when that is set (a target dir shared
with other builds), else in target/macro-cost/target.

Usage: python3 scripts/macro-cost.py [--runs 5] [--sizes 50,1000]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "target" / "macro-cost"
TARGET = (
    Path(os.environ["CARGO_TARGET_DIR"]) / "macro-cost"
    if os.environ.get("CARGO_TARGET_DIR")
    else OUT / "target"
)
# Issue 10's targets: generated / handwritten at most this at N entries.
TARGETS = {50: 1.5, 1000: 3.0}


def entries(n):
    for i in range(n):
        kind = i % 3
        if kind == 0:
            yield f"TOKEN_EXPIRED_{i}", 401, f"Token {i} expired", "invalid_token", False
        elif kind == 1:
            yield f"SCOPE_{i}", 403, f"Needs scope ({i})", "insufficient_scope", False
        else:
            yield f"BAD_REQUEST_{i}", 400, f"Bad request {i}", None, False


def camel(code):
    return "".join(p.capitalize() for p in code.split("_"))


def catalog(n):
    lines = ["version: 1", "defaults:", "  realm: api", "errors:"]
    for code, status, message, error, _ in entries(n):
        lines += [f"  {code}:", f"    status: {status}", f"    message: {message}"]
        if error:
            lines += ["    challenge:", f"      error: {error}"]
    return "\n".join(lines) + "\n"


def generated_main():
    return '''use axum::response::IntoResponse;

#[auth_errors::catalog("errors.yaml")]
#[derive(Debug)]
pub enum Big {}

fn main() {
    let response = Big::TokenExpired0.into_response();
    println!("{} {}", Big::SPECS.len(), response.status());
}
'''


def handwritten_main(n):
    """The same enum as an expert writes it without auth-errors: thiserror for Display
    and a manual axum IntoResponse with static headers and pre-serialised bodies."""
    variants, code_arms, response_arms = [], [], []
    for code, status, message, error, _ in entries(n):
        v = camel(code)
        variants.append(f'    #[error("{message}")]\n    {v},')
        code_arms.append(f'            Self::{v} => "{code}",')
        header = f'Some("Bearer realm=\\"api\\", error=\\"{error}\\"")' if error else "None"
        body = '{\\"code\\":\\"%s\\",\\"message\\":\\"%s\\"}' % (code, message)
        response_arms.append(f'            Self::{v} => ({status}, {header}, "{body}"),')
    return f'''use axum::body::Body;
use axum::http::{{HeaderValue, StatusCode, header}};
use axum::response::{{IntoResponse, Response}};

#[derive(Debug, thiserror::Error)]
pub enum Big {{
{chr(10).join(variants)}
}}

impl Big {{
    pub const fn code(&self) -> &'static str {{
        match self {{
{chr(10).join(code_arms)}
        }}
    }}
}}

impl IntoResponse for Big {{
    fn into_response(self) -> Response {{
        let (status, challenge, body): (u16, Option<&'static str>, &'static str) = match self {{
{chr(10).join(response_arms)}
        }};
        let mut response = Response::new(Body::from(body));
        *response.status_mut() =
            StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        if let Some(challenge) = challenge {{
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static(challenge));
        }}
        response
    }}
}}

fn main() {{
    let response = Big::TokenExpired0.into_response();
    println!("{{}} {{}}", Big::TokenExpired0.code(), response.status());
}}
'''


def write_crate(name, main_rs, yaml=None):
    d = OUT / name
    (d / "src").mkdir(parents=True, exist_ok=True)
    axum = 'axum = { version = "0.8", default-features = false }\n'
    if yaml is None:
        deps = axum + 'thiserror = "2"\n'
    else:
        deps = axum + f'auth-errors = {{ path = "{ROOT / "auth-errors"}", features = ["axum"] }}\n'
    (d / "Cargo.toml").write_text(
        f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n[dependencies]\n{deps}\n[workspace]\n'
    )
    (d / "src" / "main.rs").write_text(main_rs)
    if yaml is not None:
        (d / "errors.yaml").write_text(yaml)
    return d


def build(d):
    """Seconds for `cargo build` of the fixture crate after touching its source: the
    crate itself is compiled (macro expansion included), its dependencies are not."""
    # Not incremental: touching the source recompiles the whole crate, as a clean build.
    env = dict(os.environ, CARGO_TARGET_DIR=str(TARGET), CARGO_INCREMENTAL="0")
    (d / "src" / "main.rs").touch()
    start = time.perf_counter()
    subprocess.run(["cargo", "build", "--quiet"], cwd=d, env=env, check=True)
    return time.perf_counter() - start


def build_times(g, h, runs):
    """Median times of the two crates, built alternately so that a change in the
    machine's load falls on both."""
    build(g), build(h)  # dependencies, and a first build of each
    tg, th = [], []
    for _ in range(runs):
        tg.append(build(g))
        th.append(build(h))
    return statistics.median(tg), statistics.median(th)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="50,1000")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"nproc {os.cpu_count()}, load average {os.getloadavg()[0]:.2f} at start")
    print("| entries | generated (s) | handwritten (s) | ratio | target |")
    print("|---:|---:|---:|---:|---:|")
    for n in [int(s) for s in args.sizes.split(",")]:
        g = write_crate(f"generated-{n}", generated_main(), catalog(n))
        h = write_crate(f"handwritten-{n}", handwritten_main(n))
        tg, th = build_times(g, h, args.runs)
        target = f"≤ {TARGETS[n]}x" if n in TARGETS else ""
        print(f"| {n} | {tg:.2f} | {th:.2f} | {tg / th:.2f}x | {target} |", flush=True)
    print(f"load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
