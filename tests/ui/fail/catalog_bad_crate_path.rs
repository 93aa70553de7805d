// `crate = "…"` that is not a path.
#[auth_errors::catalog("../catalogs/minimal.yaml", crate = "not a path")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
