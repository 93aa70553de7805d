// A locale file whose `locale:` is not a BCP 47 tag (`fr_FR`).
#[auth_errors::catalog("../catalogs/locale-tag.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
