// A tuple variant with one field for an entry with two params.
#[derive(Debug, auth_errors::AuthError)]
#[auth_error(catalog = "../catalogs/full.yaml")]
pub enum AppError {
    #[auth_error(code = "STEP_UP_REQUIRED")]
    StepUp(String),
}

fn main() {}
