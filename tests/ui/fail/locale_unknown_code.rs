// A locale file that translates a code the catalog does not define.
#[auth_errors::catalog("../catalogs/locale-unknown-code.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
