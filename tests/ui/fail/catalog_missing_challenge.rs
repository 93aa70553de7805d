// A 401 without a challenge (RFC 9110 15.5.2).
#[auth_errors::catalog("../catalogs/bad-missing-challenge.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
