// An argument of #[catalog] other than `crate`.
#[auth_errors::catalog("../catalogs/minimal.yaml", krate = "auth_errors")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
