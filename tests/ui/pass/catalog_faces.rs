//! Issue 17's formats through the catalog macro: several challenges in one value,
//! a concealed entry, and typed Retry-After params.

use auth_errors::{AuthError, HttpDate};

#[auth_errors::catalog("../catalogs/faces.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {
    // Two challenges, one value (RFC 9110 §11.6.1, RFC 9449 §7.2).
    let e = ApiError::TokenMissing;
    assert_eq!(
        e.challenge_value().unwrap().as_deref(),
        Some(r#"Bearer realm="api", DPoP realm="api", algs="ES256 PS256""#),
    );
    assert_eq!(e.challenges().unwrap().len(), 2);

    // Concealed: the true code, the public response.
    let hidden = ApiError::RepoForbidden { repo: "acme/secret".into() };
    let real = ApiError::NotFound;
    assert_eq!(hidden.code(), "REPO_FORBIDDEN");
    assert_eq!(hidden.spec().status(), 403);
    assert_eq!(hidden.status(), 404);
    assert_eq!(hidden.spec().concealed_as().map(|s| s.code()), Some("NOT_FOUND"));
    assert_eq!(hidden.body(), real.body());
    assert_eq!(auth_errors::response::plan(&hidden), auth_errors::response::plan(&real));
    assert_eq!(hidden.to_string(), "You may not read acme/secret");
    const _: () = assert!(ApiError::SPECS[2].is_concealed());

    // Typed Retry-After params: delay-seconds and an IMF-fixdate.
    let e = ApiError::RateLimited { wait: 120 };
    assert_eq!(e.headers()[0].1, "120");
    let until = HttpDate::from_unix_seconds(784_111_777).unwrap();
    let e = ApiError::Maintenance { until };
    assert_eq!(e.headers()[0].1, "Sun, 06 Nov 1994 08:49:37 GMT");
    let e = ApiError::SlowDownFixed;
    assert_eq!(e.headers(), [("Retry-After", "120".into())]);
}
