// #[catalog] on an enum that already has variants.
#[auth_errors::catalog("../catalogs/minimal.yaml")]
#[derive(Debug)]
pub enum ApiError {
    Mine,
}

fn main() {}
