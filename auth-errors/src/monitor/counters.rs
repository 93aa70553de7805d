//! The counter handles of `auth_errors_responses_total`: one per catalog entry, made by
//! [`register`], found per response by the spec's address without a lock.
//!
//! A response looks its spec up in a fixed table of slots keyed by the spec's address
//! (lock-free reads; slots are written under a lock). A slot names a handle in an
//! append-only arena, so registering again (after installing a recorder, say) points the
//! slot at a new handle. A spec whose address is not there (an entry never registered,
//! or a copy of a `const` table at another address) takes the slow path once: the
//! registered handle with its labels, found under the lock, is put in the table for that
//! address. An entry never registered gets a handle from the current recorder, put in
//! the table with that recorder's identity: a response checks the identity (one
//! thread-local and one atomic read) and makes a new handle when the recorder changed,
//! so a handle made before the recorder was installed does not count nothing forever.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};

use metrics::Counter;

use super::{Class, METRIC, Specs};
use crate::ErrorSpec;

/// Slots of the address table: a power of two, well above any catalog's size.
const SLOTS: usize = 4096;

/// Handles the arena holds: every registration of every series, up to this many.
const ARENA: usize = 4096;

/// One table slot: a spec's address (0 when free), its handle's place in the arena plus
/// one (0 for none yet), and the recorder an unregistered entry's handle came from (0
/// for a registered handle, which is not checked).
struct Slot {
    key: AtomicUsize,
    handle: AtomicUsize,
    made_by: AtomicUsize,
}

static TABLE: [Slot; SLOTS] = [const {
    Slot {
        key: AtomicUsize::new(0),
        handle: AtomicUsize::new(0),
        made_by: AtomicUsize::new(0),
    }
}; SLOTS];

/// Every handle made, each set once; slots name them by place.
static HANDLES: [OnceLock<Counter>; ARENA] = [const { OnceLock::new() }; ARENA];

/// The labels of a series: code, status sent, `error` sent (class follows the status).
type Labels = (&'static str, u16, &'static str);

/// What the lock guards: the registered handles' places by labels, and the next free
/// place of the arena. Every table write holds it.
#[derive(Default)]
struct Registered {
    by_labels: HashMap<Labels, usize>,
    next: usize,
}

impl Registered {
    /// Keeps a handle in the arena; `None` when the arena is full.
    fn store(&mut self, counter: Counter) -> Option<usize> {
        let place = self.next;
        HANDLES.get(place)?.set(counter).ok()?;
        self.next += 1;
        Some(place)
    }
}

static REGISTERED: Mutex<Option<Registered>> = Mutex::new(None);

fn registered() -> MutexGuard<'static, Option<Registered>> {
    // The map is only ever inserted into: a panic while holding it leaves it usable.
    REGISTERED.lock().unwrap_or_else(|e| e.into_inner())
}

/// The labels of an entry's series: its own code, and what its response sends.
fn labels(spec: &ErrorSpec) -> Labels {
    let public = spec.public();
    (
        spec.code(),
        public.status(),
        public.error_attribute().unwrap_or(""),
    )
}

fn address(spec: &'static ErrorSpec) -> usize {
    std::ptr::from_ref(spec) as usize
}

/// The first slot to probe for an address.
fn start(key: usize) -> usize {
    (((key >> 3) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as usize % SLOTS
}

/// Describes [`METRIC`] and makes the counter handle of every entry of `E` from the
/// current recorder, creating each series at zero. Call it after installing the
/// recorder, once per error enum; calling it again makes new handles from the recorder
/// installed by then. See the [module](super) documentation.
///
/// ```
/// use auth_errors::oauth::OAuthError;
/// use metrics_util::debugging::DebuggingRecorder;
///
/// let recorder = DebuggingRecorder::new();
/// let snapshotter = recorder.snapshotter();
/// metrics::with_local_recorder(&recorder, || auth_errors::monitor::register::<OAuthError>());
/// // One series per entry, each at zero.
/// assert_eq!(snapshotter.snapshot().into_vec().len(), OAuthError::SPECS.len());
/// ```
pub fn register<E: Specs>() {
    register_specs(E::SPECS);
}

/// [`register`] for a table of specs: a hand-written one, or a loaded catalog's
/// [`Catalog::to_specs`](crate::catalog::Catalog::to_specs) (leaked to `'static`).
pub fn register_specs(specs: &'static [ErrorSpec]) {
    metrics::describe_counter!(
        METRIC,
        metrics::Unit::Count,
        "Error responses, by catalog code, status sent, RFC 6750 error value and class (auth-errors)"
    );
    let mut guard = registered();
    let state = guard.get_or_insert_with(Registered::default);
    // One new handle per series in this call, shared by the specs that have its labels.
    let mut made: HashMap<Labels, usize> = HashMap::new();
    for spec in specs {
        let labels = labels(spec);
        let place = match made.get(&labels) {
            Some(&place) => Some(place),
            None => {
                let counter = make(labels);
                // Registering the handle creates the series; this makes it 0 in any recorder.
                counter.increment(0);
                match state.store(counter) {
                    Some(place) => {
                        made.insert(labels, place);
                        if let Some(old) = state.by_labels.insert(labels, place) {
                            repoint(old, place);
                        }
                        Some(place)
                    }
                    // The arena is full: the series keeps the handle it had, if any.
                    None => state.by_labels.get(&labels).copied(),
                }
            }
        };
        if let Some(place) = place {
            cache(address(spec), place, 0);
        }
    }
}

/// Points the table's slot for an address at a handle (holding the lock), with the
/// recorder it came from (0 for a registered one); a full table leaves the address to
/// the slow path.
fn cache(key: usize, place: usize, made_by: usize) {
    let first = start(key);
    for i in 0..SLOTS {
        let slot = &TABLE[(first + i) % SLOTS];
        let k = slot.key.load(Ordering::Acquire);
        if k == 0 || k == key {
            // The identity first: a reader that sees the new handle sees it too.
            slot.made_by.store(made_by, Ordering::Release);
            slot.handle.store(place + 1, Ordering::Release);
            slot.key.store(key, Ordering::Release);
            return;
        }
    }
}

/// Points every slot that names the handle at `old` at the one at `new` (holding the
/// lock): a series registered again reaches the addresses its specs were found at
/// before (a `const` table can stand at more than one address).
fn repoint(old: usize, new: usize) {
    for slot in &TABLE {
        if slot.handle.load(Ordering::Acquire) == old + 1 {
            slot.handle.store(new + 1, Ordering::Release);
        }
    }
}

/// The handle a slot names, if it still counts into the current recorder.
#[inline]
fn handle(slot: &Slot) -> Option<&'static Counter> {
    let place = slot.handle.load(Ordering::Acquire).checked_sub(1)?;
    let made_by = slot.made_by.load(Ordering::Acquire);
    if made_by != 0 && made_by != recorder() {
        return None;
    }
    HANDLES.get(place)?.get()
}

/// A handle from the current recorder.
fn make((code, status, error): Labels) -> Counter {
    metrics::counter!(
        METRIC,
        "code" => code,
        "status" => status.to_string(),
        "error" => error,
        "class" => Class::of(status).name(),
    )
}

/// Counts one response of `spec`.
#[cfg_attr(not(any(feature = "http", feature = "actix")), allow(dead_code))]
#[inline]
pub(crate) fn increment(spec: &'static ErrorSpec) {
    let key = address(spec);
    let first = start(key);
    let slot = &TABLE[first];
    if slot.key.load(Ordering::Acquire) == key
        && let Some(counter) = handle(slot)
    {
        counter.increment(1);
        return;
    }
    increment_probing(spec, key, first);
}

/// The rest of the probe, then the slow path.
#[inline(never)]
fn increment_probing(spec: &'static ErrorSpec, key: usize, first: usize) {
    for i in 1..SLOTS {
        let slot = &TABLE[(first + i) % SLOTS];
        match slot.key.load(Ordering::Acquire) {
            0 => break,
            k if k == key => {
                if let Some(counter) = handle(slot) {
                    counter.increment(1);
                    return;
                }
                break;
            }
            _ => {}
        }
    }
    let labels = labels(spec);
    let mut guard = registered();
    let state = guard.get_or_insert_with(Registered::default);
    let registered = state
        .by_labels
        .get(&labels)
        .and_then(|&p| Some((p, HANDLES.get(p)?.get()?)));
    if let Some((place, counter)) = registered {
        counter.increment(1);
        cache(key, place, 0);
        return;
    }
    // Never registered, or its handle came from another recorder: one from this one.
    let counter = make(labels);
    counter.increment(1);
    let current = recorder();
    if let Some(place) = state.store(counter) {
        cache(key, place, current);
    }
}

/// Which recorder `metrics` would use now (a local one, the global one, or none): the
/// address of its data, never 0.
#[inline]
fn recorder() -> usize {
    metrics::with_recorder(|r| std::ptr::from_ref(r).cast::<()>() as usize)
}
