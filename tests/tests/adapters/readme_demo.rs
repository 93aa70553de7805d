//! The README's demo transcript is true: `cargo run --example server`'s binary prints
//! the README's curl lines, and running them gives the responses the README shows.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use auth_errors_tests::workspace_root;

struct Step {
    command: String,
    status_line: String,
    headers: Vec<(String, String)>,
    body: String,
}

/// The `$ curl …` steps of the README's ```console blocks.
fn transcript() -> Vec<Step> {
    let readme = std::fs::read_to_string(workspace_root().join("README.md")).unwrap();
    let mut steps = Vec::new();
    let mut in_console = false;
    let mut lines = Vec::new();
    for line in readme.lines() {
        if line.starts_with("```console") {
            in_console = true;
        } else if line.starts_with("```") && in_console {
            in_console = false;
        } else if in_console {
            lines.push(line.to_owned());
        }
    }
    let mut i = 0;
    while i < lines.len() {
        let Some(command) = lines[i].strip_prefix("$ ") else {
            i += 1;
            continue;
        };
        let status_line = lines[i + 1].clone();
        let mut headers = Vec::new();
        let mut j = i + 2;
        while !lines[j].is_empty() {
            let (n, v) = lines[j].split_once(": ").unwrap();
            headers.push((n.to_owned(), v.to_owned()));
            j += 1;
        }
        steps.push(Step {
            command: command.to_owned(),
            status_line,
            headers,
            body: lines[j + 1].clone(),
        });
        i = j + 2;
    }
    steps
}

/// Splits a shell command line with single-quoted words.
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in s.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    out.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            c => {
                cur.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(cur);
    }
    out
}

struct Demo(Child);

impl Drop for Demo {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn example_binary() -> PathBuf {
    let status = Command::new(env!("CARGO"))
        .args([
            "build",
            "--quiet",
            "-p",
            "auth-errors-demo",
            "--example",
            "server",
        ])
        .current_dir(workspace_root())
        .status()
        .unwrap();
    assert!(status.success());
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"));
    target.join("debug/examples/server")
}

#[test]
fn readme_transcript_matches_the_demo() {
    let steps = transcript();
    assert!(steps.len() >= 5, "the README shows the demo transcript");
    let mut child = Command::new(example_binary())
        .env("PORT", "0")
        .env("RUST_LOG", "off")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let _guard = Demo(child);
    // The banner ends with an empty line.
    let mut banner = String::new();
    loop {
        let mut line = String::new();
        assert!(stdout.read_line(&mut line).unwrap() > 0, "the banner ends");
        if line.trim().is_empty() {
            break;
        }
        banner.push_str(&line);
    }
    let base = banner
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap()
        .to_owned();
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let reader: serde_json::Value = serde_json::from_str(
        &client
            .post(format!("{base}/login"))
            .header("content-type", "application/json")
            .body(r#"{"user": "reader"}"#)
            .send()
            .unwrap()
            .text()
            .unwrap(),
    )
    .unwrap();
    let reader_token = reader["access_token"].as_str().unwrap();

    for step in steps {
        let command = step.command.replace("http://127.0.0.1:3000", &base);
        assert!(
            banner.contains(&command),
            "the demo prints `{command}`:\n{banner}"
        );
        let command = command.replace("<reader access_token>", reader_token);
        let args = words(&command);
        let mut method = "GET".to_owned();
        let mut request_headers = Vec::new();
        let mut url = String::new();
        let mut it = args.iter().skip(1);
        while let Some(a) = it.next() {
            match a.as_str() {
                "-i" => {}
                "-X" => method = it.next().unwrap().clone(),
                "-H" => request_headers.push(it.next().unwrap().clone()),
                u if u.starts_with("http") => url = u.to_owned(),
                other => panic!("unknown curl flag {other}"),
            }
        }
        let mut req = client.request(
            reqwest::Method::from_bytes(method.as_bytes()).unwrap(),
            &url,
        );
        for h in &request_headers {
            let (n, v) = h.split_once(':').unwrap();
            req = req.header(n.trim(), v.trim());
        }
        let response = req.send().unwrap();
        let status = response.status();
        let shown = format!(
            "HTTP/1.1 {} {}",
            status.as_u16(),
            status.canonical_reason().unwrap()
        );
        assert_eq!(shown, step.status_line, "{}", step.command);
        // The README's server is on port 3000; its URLs (the resource, the metadata)
        // name the port the demo really has.
        for (name, value) in &step.headers {
            assert_eq!(
                response
                    .headers()
                    .get(name.as_str())
                    .map(|v| v.to_str().unwrap()),
                Some(value.replace("http://127.0.0.1:3000", &base).as_str()),
                "{}: {name}",
                step.command
            );
        }
        assert_eq!(
            response.text().unwrap(),
            step.body.replace("http://127.0.0.1:3000", &base),
            "{}",
            step.command
        );
    }
}
