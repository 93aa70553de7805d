//! Allocation counts of the response path, with a counting global allocator (this test
//! binary only). A static entry's response allocates no more than the best hand-written
//! code for the same response, on axum, actix-web and plain `http`; a dynamic entry's no
//! more than hand-written code with one `format!` for the header and one for the body.
//!
//! With the `extension` feature on (`--all-features`), every response also carries an
//! `ErrorInfo`: the hand-written code is then allowed the same insertion, counted here
//! on the framework's own extension map, and nothing more.
//!
//! Counts are deterministic, so they are asserted; `--nocapture` prints them. Each count
//! is taken after a first call, so one-time set-up (tracing callsites, actix-web's
//! response-head pool) is not counted, as it is not per response.
#![allow(unsafe_code, clippy::unwrap_used)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use actix_web::ResponseError;
use axum::response::IntoResponse;

use auth_errors::localize::Answered;
use auth_errors::monitor::ErrorInfo;
use auth_errors_tests::contenders;

struct Counting;

thread_local! {
    /// Allocations (`alloc`, `alloc_zeroed`, `realloc`) by this thread while counting.
    static COUNT: Cell<Option<usize>> = const { Cell::new(None) };
}

fn bump() {
    // `try_with`: the allocator may run while the thread-local is being torn down.
    let _ = COUNT.try_with(|c| {
        if let Some(n) = c.get() {
            c.set(Some(n + 1));
        }
    });
}

// SAFETY: every call goes straight to the system allocator; counting touches a
// const-initialised thread-local `Cell`, which never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        bump();
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        bump();
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        bump();
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Allocations made by `f` on its second call (the first warms up).
fn count<R>(mut f: impl FnMut() -> R) -> usize {
    drop(f());
    COUNT.with(|c| c.set(Some(0)));
    let r = f();
    drop(std::hint::black_box(r));
    COUNT.with(|c| c.replace(None)).unwrap_or_default()
}

/// Whether this build's responses carry the `ErrorInfo` extension.
fn extension_on() -> bool {
    auth_errors::http::to_http(&contenders::auth_errors::static_error())
        .extensions()
        .get::<ErrorInfo>()
        .is_some()
}

/// Whether this build's responses carry the `Answered` extension (feature `locale`).
fn locale_on() -> bool {
    auth_errors::http::to_http(&contenders::auth_errors::static_error())
        .extensions()
        .get::<Answered>()
        .is_some()
}

/// What building the extensions the adapters add to a response costs, on `http`'s
/// map or actix-web's: `ErrorInfo` (feature `extension`) and `Answered` (feature
/// `locale`; it copies a dynamic variant's param values, a static one keeps none).
fn extension_cost(dynamic: bool, actix: bool) -> usize {
    let scope = contenders::runtime_scope();
    let err = if dynamic {
        contenders::auth_errors::dynamic_error(scope)
    } else {
        contenders::auth_errors::static_error()
    };
    let (info, answered) = (extension_on(), locale_on());
    if !info && !answered {
        return 0;
    }
    let info = info.then(|| ErrorInfo::of(&err));
    count(|| {
        let answered = answered.then(|| Answered::of(&err));
        if actix {
            let mut map = actix_web::dev::Extensions::new();
            info.map(|i| map.insert(i));
            answered.map(|a| map.insert(a));
            (None, Some(map))
        } else {
            let mut map = http::Extensions::new();
            info.map(|i| map.insert(i));
            answered.map(|a| map.insert(a));
            (Some(map), None)
        }
    })
}

/// [`extension_cost`] on `http`'s map, for the static variant.
fn http_extension() -> usize {
    extension_cost(false, false)
}

/// Counts auth-errors and the hand-written code on one framework, prints both, and
/// checks auth-errors is not above (the hand-written code with the same extension,
/// `extension` more allocations, when the feature is on).
fn compare(
    framework: &str,
    extension: impl Fn(bool) -> usize,
    ours: impl FnMut(bool) -> usize,
    theirs: impl FnMut(bool) -> usize,
) {
    let (mut ours, mut theirs) = (ours, theirs);
    for (case, dynamic) in [("static", false), ("dynamic", true)] {
        let extension = extension(dynamic);
        let (a, h) = (ours(dynamic), theirs(dynamic) + extension);
        println!(
            "{framework} {case}: auth_errors {a} allocations, handwritten {h} (extension {extension})"
        );
        assert!(
            a <= h,
            "{framework} {case}: auth_errors allocates {a} times, hand-written code {h}"
        );
    }
}

#[test]
fn axum_response() {
    let scope = contenders::runtime_scope();
    compare(
        "axum",
        |dynamic| extension_cost(dynamic, false),
        |dynamic| {
            let err = if dynamic {
                contenders::auth_errors::dynamic_error(scope)
            } else {
                contenders::auth_errors::static_error()
            };
            count(|| err.clone().into_response())
        },
        |dynamic| {
            let err = if dynamic {
                contenders::handwritten::dynamic_error(scope)
            } else {
                contenders::handwritten::static_error()
            };
            count(|| err.into_response())
        },
    );
}

#[test]
fn http_response() {
    let scope = contenders::runtime_scope();
    compare(
        "http",
        |dynamic| extension_cost(dynamic, false),
        |dynamic| {
            let err = if dynamic {
                contenders::auth_errors::dynamic_error(scope)
            } else {
                contenders::auth_errors::static_error()
            };
            count(|| auth_errors::http::to_http(&err))
        },
        |dynamic| {
            let err = if dynamic {
                contenders::handwritten::dynamic_error(scope)
            } else {
                contenders::handwritten::static_error()
            };
            count(|| contenders::handwritten::to_http(err))
        },
    );
}

#[test]
fn actix_response() {
    let scope = contenders::runtime_scope();
    compare(
        "actix",
        |dynamic| extension_cost(dynamic, true),
        |dynamic| {
            let err = if dynamic {
                contenders::auth_errors::dynamic_error(scope)
            } else {
                contenders::auth_errors::static_error()
            };
            count(|| err.error_response())
        },
        |dynamic| {
            let err = if dynamic {
                contenders::handwritten::dynamic_error(scope)
            } else {
                contenders::handwritten::static_error()
            };
            count(|| err.error_response())
        },
    );
}

#[test]
fn static_response_allocates_only_what_the_framework_needs() {
    // The header map's two tables and the boxed body: nothing of auth-errors' own (but
    // the extension, when its feature is on).
    let n = count(|| contenders::auth_errors::static_error().into_response());
    let extension = http_extension();
    println!("axum static: {n} allocations (extension {extension})");
    assert!(n <= 3 + extension, "{n}");
}
