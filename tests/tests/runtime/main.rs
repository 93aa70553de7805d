//! What an error answers at run time: the renderers of the response path against the
//! ones they replace, the standard catalog's enum, and the `tracing` event.

mod drop;
mod oauth;
mod render_equivalence;
mod tracing_source;
