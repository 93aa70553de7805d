//! The compile-time behaviour of the auth-errors macros, through trybuild:
//! `tests/ui.rs` builds every case of `pass/` and `fail/` (the catalogs they name are in
//! `catalogs/`). This crate has no code of its own; it exists so that trybuild builds the
//! cases against only the dependencies they use.
