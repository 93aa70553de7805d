// A locale file with a code twice.
#[auth_errors::catalog("../catalogs/locale-duplicate-key.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
