// Two codes that become the same variant name.
#[auth_errors::catalog("../catalogs/bad-variant-clash.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
