// Two challenges of one scheme in one entry (RFC 9110 §11.6.1).
#[auth_errors::catalog("../catalogs/bad-two-bearer-challenges.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
