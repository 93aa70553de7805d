// An unknown client action.
#[auth_errors::catalog("../catalogs/bad-client-action.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
