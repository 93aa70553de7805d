// A use of the variant of an entry that did not load: the catalog error, and the
// use site cannot find the variant.
#[auth_errors::catalog("../catalogs/bad-missing-message-entry.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {
    let _ = ApiError::TokenMissing;
    let _ = ApiError::TokenExpired;
}
