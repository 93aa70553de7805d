// An entry without a message: the others are still generated.
#[auth_errors::catalog("../catalogs/bad-missing-message-entry.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
