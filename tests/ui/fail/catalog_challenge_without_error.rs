// A challenge on a 403 without an error.
#[auth_errors::catalog("../catalogs/bad-challenge-without-error.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
