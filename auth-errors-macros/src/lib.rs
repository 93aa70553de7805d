//! Procedural macros of [auth-errors](https://docs.rs/auth-errors).
//!
//! Use them through the `auth-errors` crate, which re-exports them. Everything
//! they know about a catalog comes from `auth-errors-core`'s one catalog model
//! and validator; this crate only reads Rust syntax and expands.
