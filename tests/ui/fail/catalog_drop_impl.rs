// A catalog enum whose static variants are all unit variants may not implement `Drop`:
// the axum response of a static variant does not drop the value (it owns nothing), so
// the impl's body would not run.
#[auth_errors::catalog(std)]
#[derive(Debug)]
pub enum ApiError {}

impl Drop for ApiError {
    fn drop(&mut self) {}
}

fn main() {}
