// A malformed template: an unclosed brace.
#[auth_errors::catalog("../catalogs/bad-template.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
