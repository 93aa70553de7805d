// A translation that misspells its entry's placeholder (`{scop}`).
#[auth_errors::catalog("../catalogs/locale-placeholder.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
