// A status outside 400-599.
#[auth_errors::catalog("../catalogs/bad-status-range.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
