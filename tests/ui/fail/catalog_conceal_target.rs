// conceal_as names no entry of the catalog.
#[auth_errors::catalog("../catalogs/bad-conceal-target.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
