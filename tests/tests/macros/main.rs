//! The macros in a user's crate: rebuilds after a catalog edit, a 1,000-entry catalog,
//! and composed catalogs.

mod compose;
mod rebuild;
