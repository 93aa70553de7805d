// A placeholder that names no declared param.
#[auth_errors::catalog("../catalogs/bad-unknown-placeholder.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
