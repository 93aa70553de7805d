// The catalog path written without quotes.
#[auth_errors::catalog(errors.yaml)]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
