// A translation that leaves out a placeholder its entry's message uses.
#[auth_errors::catalog("../catalogs/locale-param-missing.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
