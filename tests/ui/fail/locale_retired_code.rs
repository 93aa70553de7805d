// A locale file that translates a retired code.
#[auth_errors::catalog("../catalogs/locale-retired-code.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
