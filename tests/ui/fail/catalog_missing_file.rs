// A catalog file that does not exist.
#[auth_errors::catalog("../catalogs/does-not-exist.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
