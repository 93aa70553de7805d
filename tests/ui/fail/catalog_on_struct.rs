// #[catalog] on a struct.
#[auth_errors::catalog("../catalogs/minimal.yaml")]
#[derive(Debug)]
pub struct ApiError;

fn main() {}
