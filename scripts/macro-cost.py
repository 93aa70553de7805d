#!/usr/bin/env python3
"""Times how long #[auth_errors::catalog] adds to a build, against the same enum by hand.

For N in (10, 100, 1000) it writes two fixture crates under target/macro-cost/:
  - `generated`: the catalog macro over an N-entry catalog;
  - `handwritten`: the same N variants with thiserror's Display and a hand-written
    `impl AuthError` (a static ErrorSpec table and the same matches the macro emits).
Dependencies are built once; then each crate's own compilation is timed (touch the
source, `cargo build`), median of RUNS runs. Prints a Markdown table of seconds and ratios.

Usage: python3 scripts/macro-cost.py [--runs 5] [--sizes 10,100,1000]
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
    return '''#[auth_errors::catalog("errors.yaml")]
#[derive(Debug)]
pub enum Big {}

fn main() {
    println!("{}", Big::SPECS.len());
}
'''


def handwritten_main(n):
    variants, specs, spec_arms, code_arms, ch_arms, body_arms = [], [], [], [], [], []
    for i, (code, status, message, error, _) in enumerate(entries(n)):
        v = camel(code)
        variants.append(f'    #[error("{message}")]\n    {v},')
        ch = f'Some(ChallengeSpec {{ scheme: "Bearer", params: &[("realm", "api"), ("error", "{error}")] }})' if error else "None"
        specs.append(f'    ErrorSpec {{ code: "{code}", status: {status}, message: "{message}", challenge: {ch}, ..ErrorSpec::EMPTY }},')
        spec_arms.append(f"            Self::{v} => &SPECS[{i}],")
        code_arms.append(f'            Self::{v} => "{code}",')
        header = f'Some(Cow::Borrowed("Bearer realm=\\"api\\", error=\\"{error}\\""))' if error else "None"
        ch_arms.append(f"            Self::{v} => Ok({header}),")
        body = '{\\"code\\":\\"%s\\",\\"message\\":\\"%s\\"}' % (code, message)
        body_arms.append(f'            Self::{v} => Cow::Borrowed("{body}"),')
    return f'''use std::borrow::Cow;
use auth_errors::error::ChallengeSpec;
use auth_errors::{{AuthError, ChallengeError, ErrorSpec}};

#[derive(Debug, thiserror::Error)]
pub enum Big {{
{chr(10).join(variants)}
}}

static SPECS: &[ErrorSpec] = &[
{chr(10).join(specs)}
];

impl Big {{
    pub const fn code(&self) -> &'static str {{
        match self {{
{chr(10).join(code_arms)}
        }}
    }}
}}

impl AuthError for Big {{
    fn spec(&self) -> &'static ErrorSpec {{
        match self {{
{chr(10).join(spec_arms)}
        }}
    }}
    fn challenge_value(&self) -> Result<Option<Cow<'static, str>>, ChallengeError> {{
        match self {{
{chr(10).join(ch_arms)}
        }}
    }}
    fn body(&self) -> Cow<'static, str> {{
        match self {{
{chr(10).join(body_arms)}
        }}
    }}
}}

fn main() {{
    println!("{{}}", SPECS.len());
}}
'''


def write_crate(name, main_rs, yaml=None, thiserror=False):
    d = OUT / name
    (d / "src").mkdir(parents=True, exist_ok=True)
    deps = f'auth-errors = {{ path = "{ROOT / "auth-errors"}" }}\n'
    if thiserror:
        deps += 'thiserror = "2"\n'
    (d / "Cargo.toml").write_text(
        f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n[dependencies]\n{deps}\n[workspace]\n'
    )
    (d / "src" / "main.rs").write_text(main_rs)
    if yaml is not None:
        (d / "errors.yaml").write_text(yaml)
    return d


def build_time(d, runs):
    env = dict(os.environ, CARGO_TARGET_DIR=str(OUT / "target"))
    subprocess.run(["cargo", "build", "--quiet"], cwd=d, env=env, check=True)
    times = []
    for _ in range(runs):
        (d / "src" / "main.rs").touch()
        start = time.perf_counter()
        subprocess.run(["cargo", "build", "--quiet"], cwd=d, env=env, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="10,100,1000")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    print("| entries | generated (s) | handwritten (s) | ratio |")
    print("|---:|---:|---:|---:|")
    for n in [int(s) for s in args.sizes.split(",")]:
        g = write_crate(f"generated-{n}", generated_main(), catalog(n))
        h = write_crate(f"handwritten-{n}", handwritten_main(n), thiserror=True)
        tg, th = build_time(g, args.runs), build_time(h, args.runs)
        print(f"| {n} | {tg:.2f} | {th:.2f} | {tg / th:.2f}x |", flush=True)


if __name__ == "__main__":
    main()
