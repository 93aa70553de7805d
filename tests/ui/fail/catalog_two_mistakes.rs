// Two mistakes in one catalog: both are reported, in file order.
#[auth_errors::catalog("../catalogs/bad-two-mistakes.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
