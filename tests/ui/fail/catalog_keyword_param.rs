// A param named `self`, which cannot be a field name even as a raw identifier.
#[auth_errors::catalog("../catalogs/bad-self-param.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
