// 'expose: false' on a 4xx.
#[auth_errors::catalog("../catalogs/bad-expose.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
