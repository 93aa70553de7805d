// The scope attribute filled by a string param.
#[auth_errors::catalog("../catalogs/bad-param-type-scope.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
