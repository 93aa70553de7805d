// A catalog without entries.
#[auth_errors::catalog("../catalogs/bad-empty-catalog.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
