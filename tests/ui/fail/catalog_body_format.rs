// An unknown body format.
#[auth_errors::catalog("../catalogs/bad-body-format.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
