//! Issue 12: the order of installing a recorder and calling `register`, in a binary of
//! its own (a recorder is installed once per process). Handles registered before the
//! recorder count nothing, as the `metrics` facade's handles do; `register` again after
//! installing it makes handles that count; an entry never registered counts once the
//! recorder is there, whatever came before.
#![allow(clippy::unwrap_used)]

use auth_errors::monitor;
use axum::response::IntoResponse;
use metrics_util::debugging::{DebugValue, DebuggingRecorder, Snapshotter};

#[derive(Debug, auth_errors::AuthError)]
pub enum Early {
    #[auth_error(status = 403, code = "EARLY_FORBIDDEN", message = "No")]
    EarlyForbidden,
}

#[derive(Debug, auth_errors::AuthError)]
pub enum Never {
    #[auth_error(
        status = 502,
        code = "NEVER_UPSTREAM",
        message = "Upstream failed",
        grpc = "UNAVAILABLE"
    )]
    NeverUpstream,
}

/// The value of the series with this code since the last read, if it exists.
fn read(snapshotter: &Snapshotter, code: &str) -> Option<u64> {
    snapshotter
        .snapshot()
        .into_vec()
        .into_iter()
        .find(|(key, _, _, _)| {
            key.key()
                .labels()
                .any(|l| l.key() == "code" && l.value() == code)
        })
        .map(|(_, _, _, value)| match value {
            DebugValue::Counter(n) => n,
            other => panic!("{other:?}"),
        })
}

#[test]
fn register_after_installing_the_recorder() {
    // Before any recorder: registered handles and an unregistered response count nothing.
    monitor::register::<Early>();
    drop(Early::EarlyForbidden.into_response());
    drop(Never::NeverUpstream.into_response());

    let recorder = DebuggingRecorder::new();
    let snapshotter = recorder.snapshotter();
    recorder.install().unwrap();

    // The early handles are the facade's no-ops: the series does not exist.
    drop(Early::EarlyForbidden.into_response());
    assert_eq!(read(&snapshotter, "EARLY_FORBIDDEN"), None);
    // The unregistered entry's handle is checked against the recorder: it counts now.
    drop(Never::NeverUpstream.into_response());
    assert_eq!(read(&snapshotter, "NEVER_UPSTREAM"), Some(1));

    // Registering again, after the recorder: the series exists at 0, then counts.
    monitor::register::<Early>();
    assert_eq!(read(&snapshotter, "EARLY_FORBIDDEN"), Some(0));
    drop(Early::EarlyForbidden.into_response());
    drop(Early::EarlyForbidden.into_response());
    assert_eq!(read(&snapshotter, "EARLY_FORBIDDEN"), Some(2));
}
