// Two locale files for one language (`fr` and `FR`).
#[auth_errors::catalog("../catalogs/locale-duplicate.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
