// #[from] on a variant with two fields.
#[derive(Debug, auth_errors::AuthError)]
pub enum AppError {
    #[auth_error(status = 500, message = "I/O error on {path}")]
    Io {
        path: String,
        #[from]
        source: std::io::Error,
    },
}

fn main() {}
