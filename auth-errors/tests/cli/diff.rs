//! `auth-errors diff`, run as a user runs it: exit codes, the three formats against the
//! snapshots of `tests/snapshots/diff/`, and `git:REV:PATH` against a temporary repository.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use auth_errors_tests::snapshot;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn diff_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_auth-errors"))
        .arg("diff")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run auth-errors")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The old/new pair whose changes the snapshots hold (every kind of change).
fn fixtures() -> PathBuf {
    workspace().join("tests/fixtures/diff")
}

#[test]
fn breaking_changes_exit_1_with_one_line_each() {
    let out = diff_in(&fixtures(), &["old.yaml", "new.yaml"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!(
            "{}11 breaking, 11 non-breaking\n",
            snapshot::read("diff/changes.txt")
        )
    );
    assert_eq!(
        text(&out.stderr),
        "error: 11 breaking changes: clients of the old catalog can misread the new one; release them as a breaking release and pass --allow-breaking\n"
    );
}

#[test]
fn allow_breaking_exits_0_with_the_same_report() {
    let out = diff_in(&fixtures(), &["--allow-breaking", "old.yaml", "new.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!(
            "{}11 breaking, 11 non-breaking\n",
            snapshot::read("diff/changes.txt")
        )
    );
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn markdown_is_the_changelog_snapshot() {
    let out = diff_in(
        &fixtures(),
        &["--format", "markdown", "old.yaml", "new.yaml"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), snapshot::read("diff/changes.md"));
    let out = diff_in(
        &fixtures(),
        &[
            "--format",
            "markdown",
            "--allow-breaking",
            "old.yaml",
            "new.yaml",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), snapshot::read("diff/changes.md"));
}

#[test]
fn json_is_the_tools_snapshot() {
    let out = diff_in(&fixtures(), &["--format", "json", "old.yaml", "new.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), snapshot::read("diff/changes.json"));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["breaking"], true);
    let kinds: Vec<&str> = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    // Every kind of change the fixture pair makes, breaking or not.
    for kind in [
        "body-format",
        "removed",
        "status",
        "param-renamed",
        "param-type",
        "param-removed",
        "challenge-error",
        "scheme",
        "unretired",
        "docs",
        "message",
        "headers",
        "challenge",
        "param-added",
        "deprecated",
        "added",
        "retired",
    ] {
        assert!(kinds.contains(&kind), "no {kind} change in {kinds:?}");
    }
}

#[test]
fn no_change_and_non_breaking_changes_exit_0() {
    let out = diff_in(&fixtures(), &["old.yaml", "old.yaml"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "no changes\n");

    let dir = temp_dir("non-breaking");
    write(&dir, "a.yaml", &catalog("Gone", ""));
    write(&dir, "b.yaml", &catalog("Gone for good", ""));
    let out = diff_in(&dir, &["a.yaml", "b.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "b.yaml:5:14: non-breaking: GONE: message changed from 'Gone' to 'Gone for good'\n0 breaking, 1 non-breaking\n"
    );
}

#[test]
fn unreadable_or_invalid_catalogs_exit_2() {
    let out = diff_in(&fixtures(), &["old.yaml", "no-such.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("no-such.yaml: error[io]: cannot read the catalog: "),
        "{stderr}"
    );
    assert!(stderr.ends_with(
        "error: NEW 'no-such.yaml' is not a valid catalog; `auth-errors check` reports the same\n"
    ));
    assert_eq!(text(&out.stdout), "");

    let dir = temp_dir("invalid");
    write(
        &dir,
        "bad.yaml",
        "version: 1\nerrors:\n  GONE:\n    status: 200\n    message: x\n",
    );
    let out = diff_in(&dir, &["bad.yaml", "bad.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with(
            "bad.yaml:4:13: error[status-range]: GONE: status 200 is not an HTTP error status (400–599)\n"
        ),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn usage_mistakes_exit_2() {
    for (args, says) in [
        (vec!["git:HEAD", "new.yaml"], "must be git:REV:PATH"),
        (vec!["git::errors.yaml", "new.yaml"], "must be git:REV:PATH"),
        (
            vec!["git:--output=x:e.yaml", "new.yaml"],
            "may not start with '-'",
        ),
        (vec!["old.yaml"], "required"),
        (
            vec!["--format", "html", "old.yaml", "new.yaml"],
            "invalid value",
        ),
    ] {
        let out = diff_in(&fixtures(), &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            text(&out.stderr).contains(says),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn help_documents_the_exit_status() {
    let out = diff_in(&fixtures(), &["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    assert!(
        help.contains("Exit status: 0 when no change is breaking"),
        "{help}"
    );
    assert!(help.contains("git:REV:PATH"), "{help}");
}

// --- git:REV:PATH -----------------------------------------------------------------

fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-diff-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn catalog(message: &str, top: &str) -> String {
    format!("version: 1\n{top}errors:\n  GONE:\n    status: 410\n    message: {message}\n")
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run git");
    assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
}

/// A repository whose first commit has `api/errors.yaml` (including std and
/// `shared/base.yaml`), and whose working tree then changes the shared file.
fn repo(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    git(&dir, &["init", "-q"]);
    let shared = "version: 1\nerrors:\n  SHARED_LIMIT:\n    status: 429\n    message: Slow down\n";
    write(
        &dir,
        "api/errors.yaml",
        &catalog("Gone", "include: [std, ../shared/base.yaml]\n"),
    );
    write(&dir, "shared/base.yaml", shared);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "v1"]);
    // The working tree: the shared file's code changes status; the team's message changes.
    write(&dir, "shared/base.yaml", &shared.replace("429", "503"));
    write(
        &dir,
        "api/errors.yaml",
        &catalog("Gone for good", "include: [std, ../shared/base.yaml]\n"),
    );
    dir
}

#[test]
fn git_rev_path_reads_the_catalog_and_its_includes_at_the_revision() {
    let dir = repo("git-rev");
    let out = diff_in(&dir, &["git:HEAD:api/errors.yaml", "api/errors.yaml"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "shared/base.yaml:4:13: breaking: SHARED_LIMIT: status changed from 429 to 503\n\
         api/errors.yaml:6:14: non-breaking: GONE: message changed from 'Gone' to 'Gone for good'\n\
         1 breaking, 1 non-breaking\n"
    );
    let out = diff_in(
        &dir,
        &[
            "--format",
            "json",
            "git:HEAD:api/errors.yaml",
            "api/errors.yaml",
        ],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["old"], "HEAD:api/errors.yaml");
    assert_eq!(
        json["changes"][0]["old"],
        serde_json::json!({"file": "HEAD:shared/base.yaml", "line": 4, "column": 13})
    );
    // Both sides at revisions: nothing changed between HEAD and itself.
    let out = diff_in(
        &dir,
        &["git:HEAD:api/errors.yaml", "git:HEAD:api/errors.yaml"],
    );
    assert_eq!(
        (out.status.code(), text(&out.stdout).as_str()),
        (Some(0), "no changes\n")
    );
}

#[test]
fn git_dot_paths_are_relative_to_the_current_folder() {
    let dir = repo("git-dot");
    let out = diff_in(&dir.join("api"), &["git:HEAD:./errors.yaml", "errors.yaml"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.ends_with("1 breaking, 1 non-breaking\n"), "{stdout}");
    let out = diff_in(
        &dir.join("shared"),
        &["git:HEAD:../api/errors.yaml", "../api/errors.yaml"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
}

#[test]
fn a_bad_revision_or_path_exits_2_with_gits_words() {
    let dir = repo("git-bad");
    let out = diff_in(
        &dir,
        &["git:no-such-rev:api/errors.yaml", "api/errors.yaml"],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(
            "error: cannot read OLD 'git:no-such-rev:api/errors.yaml': git show no-such-rev:api/errors.yaml failed: fatal: "
        ),
        "{stderr}"
    );
    let out = diff_in(&dir, &["git:HEAD:api/missing.yaml", "api/errors.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("git show HEAD:api/missing.yaml failed"));

    // An include missing at the revision is a diagnostic of the catalog there.
    write(
        &dir,
        "api/errors.yaml",
        &catalog("Gone", "include: [extra.yaml]\n"),
    );
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "v2"]);
    let out = diff_in(&dir, &["git:HEAD:api/errors.yaml", "api/errors.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(
            "HEAD:api/errors.yaml:2:11: error[include]: cannot read the included catalog 'api/extra.yaml': git show HEAD:api/extra.yaml failed: fatal: "
        ),
        "{stderr}"
    );
}

#[test]
fn git_missing_exits_2() {
    let dir = repo("git-missing");
    let out = Command::new(env!("CARGO_BIN_EXE_auth-errors"))
        .args(["diff", "git:HEAD:api/errors.yaml", "api/errors.yaml"])
        .current_dir(&dir)
        .env("PATH", dir.join("no-bin"))
        .output()
        .expect("run auth-errors");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr)
            .starts_with("error: cannot read OLD 'git:HEAD:api/errors.yaml': cannot run git: "),
        "{}",
        text(&out.stderr)
    );
}
