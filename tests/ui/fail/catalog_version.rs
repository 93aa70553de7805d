// An unknown format version.
#[auth_errors::catalog("../catalogs/bad-version.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
