//! Catalogs: the fixtures, composition, `catalog::diff`, the JSON Schema and the
//! standard catalog.

mod alerts;
mod compose;
mod diff;
mod fixtures;
mod formats;
mod schema;
mod standard;
