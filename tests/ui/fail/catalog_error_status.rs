// An RFC 6750 error code on the wrong status.
#[auth_errors::catalog("../catalogs/bad-error-status.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
