// A struct variant without a field for its entry's {scope} param.
#[derive(Debug, auth_errors::AuthError)]
#[auth_error(catalog = "../catalogs/full.yaml")]
pub enum AppError {
    #[auth_error(code = "INSUFFICIENT_SCOPE")]
    MissingScope { scop: String },
}

fn main() {}
