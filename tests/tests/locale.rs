//! `auth_errors_core::locale::negotiate` over random `Accept-Language` values (issue 15):
//! it never panics and always picks a locale of the catalog's; what it picks does not
//! depend on case (RFC 4647 §2: ranges and tags compare without regard to case); and a
//! header naming one available locale with the highest weight gets that locale.
#![allow(clippy::unwrap_used)]

use auth_errors::locale::{LanguageTag, negotiate};
use proptest::prelude::*;

fn locales() -> Vec<LanguageTag> {
    ["en", "fr", "zh", "de-CH", "zh-Hant-TW"]
        .iter()
        .map(|t| LanguageTag::new(t).unwrap())
        .collect()
}

/// Elements like a browser's, and broken ones.
fn element() -> impl Strategy<Value = String> {
    let range = prop_oneof![
        Just("*".to_owned()),
        "[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8}){0,3}",
        Just("fr-CH".to_owned()),
        Just("zh-Hant".to_owned()),
        "[ -~]{0,12}",
    ];
    let weight = prop_oneof![
        Just(String::new()),
        "(0(\\.[0-9]{0,3})?|1(\\.0{0,3})?)".prop_map(|q| format!(";q={q}")),
        "[ -~]{0,8}".prop_map(|w| format!(";{w}")),
    ];
    (range, weight, "[ \t]{0,2}").prop_map(|(r, w, ows)| format!("{ows}{r}{w}{ows}"))
}

fn header() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(element(), 0..12).prop_map(|e| e.join(",")),
        "\\PC{0,64}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn always_a_locale_of_the_catalog(header in header(), default in 0usize..5) {
        let available = locales();
        let picked = negotiate(Some(header.as_bytes()), &available, default);
        prop_assert!(picked < available.len());
        let upper = negotiate(Some(header.to_ascii_uppercase().as_bytes()), &available, default);
        prop_assert_eq!(picked, upper, "case changed the pick for {:?}", header);
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..80)) {
        let available = locales();
        prop_assert!(negotiate(Some(&bytes), &available, 0) < available.len());
    }

    #[test]
    fn the_heaviest_available_locale_is_picked(i in 0usize..5, others in prop::collection::vec("[a-y]{2}", 0..4)) {
        let available = locales();
        // The chosen locale weighs 1; the other ranges (any two letters, an available
        // locale's among them) weigh less.
        let mut header = format!("{}", available[i]);
        for other in &others {
            header.push_str(&format!(", {other};q=0.5"));
        }
        let picked = negotiate(Some(header.as_bytes()), &available, 0);
        prop_assert_eq!(picked, i, "{:?}", header);
    }
}

/// The generated `TRANSLATIONS` of a catalog with a French file (`tests/ui/catalogs/`).
mod generated {
    use auth_errors::AuthError;
    use auth_errors::locale::Shape;

    #[auth_errors::catalog("ui/catalogs/locale-good.yaml")]
    #[derive(Debug)]
    pub enum ApiError {}

    fn scope() -> ApiError {
        ApiError::InsufficientScope {
            scope: "orders:write".parse().unwrap(),
        }
    }

    #[test]
    fn a_static_translation_is_json_escaped_and_chosen_not_rendered() {
        let t = &ApiError::TRANSLATIONS;
        let fr = t.locale("FR").unwrap();
        let body = t.body(&ApiError::TokenExpired, fr);
        assert_eq!(
            body.body,
            r#"{"code":"TOKEN_EXPIRED","message":"Le jeton \"d'accès\" a expiré \\ reconnectez-vous"}"#
        );
        // The body is the compiled text: borrowed, no allocation per request.
        assert!(matches!(body.body, std::borrow::Cow::Borrowed(_)));
        let value: serde_json::Value = serde_json::from_str(&body.body).unwrap();
        assert_eq!(
            value["message"],
            "Le jeton \"d'accès\" a expiré \\ reconnectez-vous"
        );
    }

    #[test]
    fn a_translation_with_params_fills_them() {
        let t = &ApiError::TRANSLATIONS;
        let fr = t.negotiate(Some(b"fr-CA, en;q=0.5"));
        assert_eq!(fr.tag(), "fr");
        let body = t.body(&scope(), fr);
        assert_eq!(
            body.body,
            r#"{"code":"INSUFFICIENT_SCOPE","message":"Cette action nécessite la portée orders:write"}"#
        );
        // Nothing that is not the body changes.
        assert_eq!(
            scope().challenge_value().unwrap(),
            scope().challenge_value().unwrap()
        );
        assert_eq!(t.body(&scope(), t.default_locale()).body, scope().body());
    }

    #[test]
    fn beside_keeps_the_default_message_and_adds_aip_193_localized_message() {
        let t = &ApiError::TRANSLATIONS;
        let fr = t.locale("fr").unwrap();
        let beside = t
            .body_with(ApiError::TokenExpired.spec(), fr, &|_| None, Shape::Beside)
            .unwrap();
        let value: serde_json::Value = serde_json::from_str(&beside.body).unwrap();
        assert_eq!(value["code"], "TOKEN_EXPIRED");
        assert_eq!(value["message"], "Access token expired");
        assert_eq!(value["localized_message"]["locale"], "fr");
        assert_eq!(
            value["localized_message"]["message"],
            "Le jeton \"d'accès\" a expiré \\ reconnectez-vous"
        );
    }

    #[test]
    fn a_locale_of_another_catalog_or_the_default_translates_nothing() {
        let t = &ApiError::TRANSLATIONS;
        assert_eq!(t.tags(), ["en", "fr"]);
        assert!(
            t.text(ApiError::TokenExpired.spec(), t.default_locale())
                .is_none()
        );
        assert_eq!(t.negotiate(Some(b"de, *;q=0.1")).tag(), "en");
        assert_eq!(t.negotiate(Some(b"en;q=0, *")).tag(), "fr");
    }
}
