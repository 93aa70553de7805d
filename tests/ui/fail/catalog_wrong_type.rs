// A status written as a string.
#[auth_errors::catalog("../catalogs/bad-wrong-type.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
