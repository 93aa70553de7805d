// A '"' in error_description, outside the RFC 6750 character set.
#[auth_errors::catalog("../catalogs/bad-description-charset.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
