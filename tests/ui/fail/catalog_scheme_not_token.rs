// A challenge scheme that is not a token.
#[auth_errors::catalog("../catalogs/bad-scheme-token.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
