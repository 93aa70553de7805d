// A locale file that leaves an entry untranslated compiles (a warning in `check`), and
// the entry answers in the catalog's own language.
use auth_errors::AuthError;

#[auth_errors::catalog("../catalogs/locale-incomplete.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {
    let t = &ApiError::TRANSLATIONS;
    assert_eq!(t.tags(), ["en", "fr"]);
    let fr = t.locale("fr").unwrap();
    let expired = t.body(&ApiError::TokenExpired, fr);
    assert_eq!(expired.locale.tag(), "fr");
    assert_eq!(
        expired.body,
        r#"{"code":"TOKEN_EXPIRED","message":"Le jeton d'accès a expiré"}"#
    );
    let scope = ApiError::InsufficientScope {
        scope: "orders:write".parse().unwrap(),
    };
    let untranslated = t.body(&scope, fr);
    assert_eq!(untranslated.locale.tag(), "en");
    assert_eq!(untranslated.body, scope.body());
}
