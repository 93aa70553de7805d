// #[catalog] without the path.
#[auth_errors::catalog]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
