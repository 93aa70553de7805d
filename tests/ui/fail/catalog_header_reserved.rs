// An extra header the library sets itself.
#[auth_errors::catalog("../catalogs/bad-header-reserved.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
