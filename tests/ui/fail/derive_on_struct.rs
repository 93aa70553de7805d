// The derive on a struct.
#[derive(Debug, auth_errors::AuthError)]
#[auth_error(catalog = "../catalogs/minimal.yaml")]
pub struct TokenMissing;

fn main() {}
