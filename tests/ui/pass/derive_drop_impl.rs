//! A derived enum with a static variant that owns a field is dropped as usual, so it may
//! implement `Drop`.

#[derive(Debug, auth_errors::AuthError)]
pub enum AppError {
    /// Static (a fixed message, no headers), with a field the entry does not use.
    #[auth_error(status = 503, code = "MAINTENANCE", message = "Down for maintenance")]
    Maintenance { ticket: String },
}

impl Drop for AppError {
    fn drop(&mut self) {}
}

fn main() {
    let _ = AppError::Maintenance { ticket: String::new() };
}
