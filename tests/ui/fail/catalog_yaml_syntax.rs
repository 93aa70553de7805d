// YAML syntax: an unclosed quoted string.
#[auth_errors::catalog("../catalogs/bad-yaml-syntax.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
