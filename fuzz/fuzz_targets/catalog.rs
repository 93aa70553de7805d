//! The catalog loader and validator on arbitrary text: no panic, and `load` and
//! `Loader::load_partial` agree (a catalog loads exactly when the partial load finds nothing wrong).
#![no_main]

use auth_errors_core::catalog;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let full = catalog::load(text, "fuzz.yaml");
    let (partial, found) = catalog::Loader::new().load_partial(text, "fuzz.yaml");
    match &full {
        Ok(c) => {
            assert!(
                found.is_empty(),
                "load succeeded but load_partial found {found:?}"
            );
            assert!(
                partial.as_ref().is_some_and(|p| p == c),
                "load_partial's catalog is not load's"
            );
        }
        Err(d) => {
            assert!(!found.is_empty() || partial.is_none());
            let _ = d.to_string();
        }
    }
});
