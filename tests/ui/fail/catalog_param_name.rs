// A param name that is not snake_case.
#[auth_errors::catalog("../catalogs/bad-param-name.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
