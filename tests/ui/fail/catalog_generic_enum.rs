// #[catalog] on a generic enum.
#[auth_errors::catalog("../catalogs/minimal.yaml")]
#[derive(Debug)]
pub enum ApiError<T> {}

fn main() {}
