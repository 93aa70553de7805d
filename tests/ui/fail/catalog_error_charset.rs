// A backslash in error, outside the RFC 6750 character set.
#[auth_errors::catalog("../catalogs/bad-error-charset.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
