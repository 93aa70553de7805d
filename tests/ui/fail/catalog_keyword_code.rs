// A code whose variant name is a keyword (`SELF` becomes `Self`).
#[auth_errors::catalog("../catalogs/bad-self-code.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
