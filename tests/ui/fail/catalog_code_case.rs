// A code that is not SCREAMING_SNAKE_CASE.
#[auth_errors::catalog("../catalogs/bad-code-case.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
