// An unknown key in an entry, reported with the nearest known key.
#[auth_errors::catalog("../catalogs/bad-unknown-key.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
