// A mapping with the same key twice.
#[auth_errors::catalog("../catalogs/bad-duplicate-key.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
