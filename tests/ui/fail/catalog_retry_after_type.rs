// Retry-After from a free-text param: only seconds, http_date or integer fit.
#[auth_errors::catalog("../catalogs/bad-retry-after-type.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
