// A typo in a required key: the unknown key and the missing 'message' are both reported.
#[auth_errors::catalog("../catalogs/bad-unknown-key-required.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
