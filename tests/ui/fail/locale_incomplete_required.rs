// With `require_complete`, an entry a locale file leaves untranslated is an error
// (without it, the same catalog compiles: see pass/locale_incomplete.rs).
#[auth_errors::catalog("../catalogs/locale-incomplete.yaml", require_complete)]
#[derive(Debug)]
pub enum ApiError {}

fn main() {}
