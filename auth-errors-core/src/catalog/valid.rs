//! The semantic rules of a catalog (DESIGN.md, "The rules the product enforces").
//!
//! Each check pushes a diagnostic and goes on, so one run reports every mistake.
//! The RFC 6750 / RFC 9110 checks are the challenge module's own functions.

use std::collections::HashMap;

use crate::challenge::{self, error_code, rules};
use crate::spec::{GrpcCode, ParamType};
use crate::template::{self, Piece};

use super::diagnostic::{CatalogRule, Location, Sink};
use super::load::File;
use super::model::{AlertDef, ChallengeDef, Defaults, Entry, Retired, Spanned};

/// Keywords that cannot be field names, not even as raw identifiers.
const RESERVED_PARAM_NAMES: &[&str] = &["self", "super", "crate"];

/// Headers the library sets itself, which `headers:` may not override.
const RESERVED_HEADERS: &[&str] = &["www-authenticate", "content-type", "content-length"];

/// Runs the rules of one file over what it loaded: its defaults, prefix, retired list
/// and entries. The rules across entries run over the composed catalog ([`composed`]).
pub(crate) fn file(file: &File, sink: &mut Sink) {
    let defaults = &file.top.defaults;
    self::defaults(defaults, sink);
    let prefix = file.top.prefix.as_ref().filter(|p| self::prefix(p, sink));
    retired_list(&file.retired, sink);
    for entry in &file.entries {
        if let Some(prefix) = prefix
            && !(entry.code.value.starts_with(&prefix.value) && entry.code.value != prefix.value)
        {
            sink.push(
                entry.code.at,
                Some(&entry.code.value),
                CatalogRule::Prefix,
                format!(
                    "every code this catalog defines must start with its prefix '{}'{} and go on after it",
                    prefix.value,
                    line(" (line {})", prefix.at)
                ),
            );
        }
        self::entry(entry, defaults, sink);
    }
}

/// `pattern` with `{}` replaced by the line of `at`, or nothing for a value with no place.
fn line(pattern: &str, at: Option<Location>) -> String {
    at.map(|at| pattern.replace("{}", &at.line().to_string()))
        .unwrap_or_default()
}

/// Where another value stands, as seen from a diagnostic in `from`: `line 12` in the same
/// file, `std:12:3` in another.
fn place(from: &str, file: &str, at: Option<Location>) -> String {
    match at {
        Some(at) if from == file => format!("line {}", at.line()),
        Some(at) => format!("{file}:{at}"),
        None => file.to_owned(),
    }
}

/// A code defined by two of the composed files: `entry` is the second definition, which
/// the composed catalog leaves out; `first` is the one it keeps.
pub(crate) fn duplicate_code(entry: &Entry, first: &Entry, sink: &mut Sink) {
    let first = place(&entry.origin, &first.origin, first.code.at);
    sink.push_in(
        &entry.origin,
        entry.code.at,
        Some(&entry.code.value),
        CatalogRule::DuplicateCode,
        format!(
            "already defined at {first}; a code may be defined by only one of the composed catalog files"
        ),
    );
}

/// The rules across the entries of a composed catalog, which holds each code once: a
/// `conceal_as` target, two codes that become one variant name, a retired code defined
/// again.
pub(crate) fn composed(entries: &[Entry], retired: &[Retired], sink: &mut Sink) {
    conceal_targets(entries, sink);
    let mut variants: HashMap<String, &Entry> = HashMap::new();
    for entry in entries.iter() {
        let variant = entry.variant_name();
        if let Some(first) = variants.get(&variant) {
            sink.push_in(
                &entry.origin,
                entry.code.at,
                Some(&entry.code.value),
                CatalogRule::VariantClash,
                format!(
                    "{} ({}) and {} both become the variant name {variant}",
                    first.code.value,
                    place(&entry.origin, &first.origin, first.code.at),
                    entry.code.value
                ),
            );
        } else {
            variants.insert(variant, entry);
        }
        if let Some(r) = retired.iter().find(|r| r.code.value == entry.code.value) {
            sink.push_in(
                &entry.origin,
                entry.code.at,
                Some(&entry.code.value),
                CatalogRule::Retired,
                format!(
                    "the code is retired ({} lists it under 'retired:'); a retired code may never be defined again, so clients that knew it are not misled: choose a new code",
                    place(&entry.origin, &r.origin, r.code.at)
                ),
            );
        }
    }
}

/// Checks a `prefix:`; `true` when entries can be checked against it.
fn prefix(prefix: &Spanned<String>, sink: &mut Sink) -> bool {
    let stem = prefix.value.strip_suffix('_').unwrap_or(&prefix.value);
    if is_screaming_snake(stem) {
        return true;
    }
    sink.push(
        prefix.at,
        None,
        CatalogRule::Prefix,
        format!(
            "prefix '{}' must be the start of a SCREAMING_SNAKE_CASE code, such as 'ORDERS_'",
            prefix.value
        ),
    );
    false
}

fn retired_list(retired: &[Retired], sink: &mut Sink) {
    for (i, r) in retired.iter().enumerate() {
        let code = Some(r.code.value.as_str());
        if !is_screaming_snake(&r.code.value) {
            sink.push(
                r.code.at,
                code,
                CatalogRule::CodeCase,
                "a retired code must be SCREAMING_SNAKE_CASE, as every code is",
            );
        } else if let Some(first) = retired[..i].iter().find(|q| q.code.value == r.code.value) {
            sink.push(
                r.code.at,
                code,
                CatalogRule::Retired,
                format!(
                    "listed twice under 'retired:'{}",
                    line(" (first at line {})", first.code.at)
                ),
            );
        }
    }
}

fn defaults(defaults: &Defaults, sink: &mut Sink) {
    if let Some(domain) = &defaults.domain {
        self::domain(domain, sink);
    }
    let scheme = &defaults.scheme;
    if let Err(v) = rules::check_scheme(&scheme.value) {
        push_violation(sink, scheme, None, "scheme", v);
    }
    if let Some(realm) = &defaults.realm
        && let Err(e) = challenge::check_param("realm", &realm.value)
    {
        sink.push(
            realm.at,
            None,
            CatalogRule::Challenge(e.rule()),
            e.to_string(),
        );
    }
    if let Some(url) = &defaults.docs_url {
        let at = url.at;
        match template::pieces(&url.value) {
            Ok(pieces) => {
                if let Some(name) = pieces.iter().find_map(|p| match p {
                    Piece::Param(n) if *n != "code" => Some(*n),
                    _ => None,
                }) {
                    sink.push(
                        at,
                        None,
                        CatalogRule::DocsUrl,
                        format!("docs_url may only use the {{code}} placeholder, not {{{name}}}"),
                    );
                } else if let Err(v) = rules::check_error_uri(&url.value.replace("{code}", "CODE"))
                {
                    sink.push(
                        at,
                        None,
                        CatalogRule::DocsUrl,
                        format!("docs_url {} (RFC 3986 §4.1)", v.reason),
                    );
                }
            }
            Err(e) => sink.push(
                at,
                None,
                CatalogRule::Template,
                format!("docs_url: {}", e.reason),
            ),
        }
    }
}

/// The gRPC error domain is never empty (AIP-193: `ErrorInfo.domain`, "the logical
/// grouping to which the reason belongs", such as `pubsub.googleapis.com`), and is
/// printable ASCII without spaces, so it can stand in metadata and a `.proto` comment.
fn domain(domain: &Spanned<String>, sink: &mut Sink) {
    let value = &domain.value;
    let reason = if value.is_empty() {
        "may not be empty"
    } else if !value.bytes().all(|b| b.is_ascii_graphic()) {
        "must be printable ASCII without spaces"
    } else {
        return;
    };
    sink.push(
        domain.at,
        None,
        CatalogRule::Domain,
        format!(
            "domain {reason}: it names the service the codes belong to, such as 'orders.example.com' (AIP-193 ErrorInfo.domain)"
        ),
    );
}

/// An entry's gRPC code fits its status by `google/rpc/code.proto`'s HTTP mappings: a
/// `grpc:` code maps to the entry's status (or, for a status code.proto does not map, is
/// any code but `OK`), and a status that derives no single code (409, unmapped ones)
/// needs a `grpc:` choice: a warning, since only a service that answers over gRPC needs
/// one (the `tonic` feature makes it a compile error).
fn grpc(entry: &Entry, sink: &mut Sink) {
    let code = Some(entry.code.value.as_str());
    let status = entry.status.value;
    // A status outside 400–599 is a mistake of its own (`status-range`).
    if !(400..=599).contains(&status) {
        return;
    }
    match &entry.grpc {
        Some(grpc) if !grpc.value.fits(status) => {
            let maps = grpc.value.http_status();
            let fix = if GrpcCode::is_mapped(status) {
                let codes: Vec<String> = GrpcCode::for_status(status)
                    .map(|c| c.name().to_owned())
                    .collect();
                format!("status {status} is {}", either(&codes))
            } else {
                "choose another code".to_owned()
            };
            sink.push(
                grpc.at,
                code,
                CatalogRule::GrpcStatus,
                format!(
                    "grpc {} belongs on status {maps}, not {status} (google/rpc/code.proto HTTP Mapping); {fix}",
                    grpc.value
                ),
            );
        }
        Some(_) => {}
        // A concealed entry answers with its target's code.
        None if GrpcCode::derive(status).is_some() || entry.conceal_as.is_some() => {}
        None => sink.push(
            entry.status.at,
            code,
            CatalogRule::GrpcChoice,
            crate::grpc::missing_code(status),
        ),
    }
}

/// Whether a code is `SCREAMING_SNAKE_CASE`: `[A-Z][A-Z0-9]*(_[A-Z0-9]+)*`.
fn is_screaming_snake(code: &str) -> bool {
    code.split('_').enumerate().all(|(i, part)| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            && (i > 0 || part.as_bytes()[0].is_ascii_uppercase())
    })
}

pub(crate) fn entry(entry: &Entry, defaults: &Defaults, sink: &mut Sink) {
    let code = Some(entry.code.value.as_str());
    if !is_screaming_snake(&entry.code.value) {
        sink.push(
            entry.code.at,
            code,
            CatalogRule::CodeCase,
            "a code must be SCREAMING_SNAKE_CASE (upper-case letters, digits and single underscores, starting with a letter)",
        );
    } else if entry.variant_name() == "Self" {
        sink.push(
            entry.code.at,
            code,
            CatalogRule::CodeCase,
            "this code becomes the variant name `Self`, a Rust keyword; choose another code",
        );
    }
    let status = entry.status.value;
    if !(400..=599).contains(&status) {
        sink.push(
            entry.status.at,
            code,
            CatalogRule::StatusRange,
            format!("status {status} is not an HTTP error status (400–599)"),
        );
    }
    if !entry.expose.value && status < 500 {
        sink.push(
            entry.expose.at,
            code,
            CatalogRule::Expose,
            format!("'expose: false' hides the message of a server error (5xx); status {status} is a client error, whose message the client needs"),
        );
    }
    grpc(entry, sink);
    params(entry, sink);
    template_uses(entry, "message", &entry.message, sink);
    if let Some(title) = &entry.title {
        template_uses(entry, "title", title, sink);
    }
    headers(entry, sink);
    retry_after_missing(entry, sink);
    if let Some(def) = &entry.alert {
        alert(def, code, sink);
    }
    conceal_response(entry, sink);
    for def in &entry.challenges {
        self::challenge(entry, def, defaults, sink);
    }
    one_challenge_per_scheme(entry, defaults, sink);
    match entry.challenges.first() {
        Some(_) => {}
        // A concealed entry answers with its target's response, whose rules hold.
        None if entry.conceal_as.is_some() => {}
        // `challenge: {}` is a Bearer challenge with the default realm: advice that works
        // only when the catalog has one (RFC 6750 §3 wants at least one auth-param).
        None if status == 401 => sink.push(
            entry.code.at,
            code,
            CatalogRule::MissingChallenge,
            if entry.origin == super::inline::INLINE {
                "a 401 response must carry a WWW-Authenticate challenge (RFC 9110 §15.5.2); add 'challenge(realm = \"api\")' to its #[auth_error(...)]"
            } else if defaults.realm.is_some() {
                "a 401 response must carry a WWW-Authenticate challenge (RFC 9110 §15.5.2); add 'challenge: {}'"
            } else {
                "a 401 response must carry a WWW-Authenticate challenge (RFC 9110 §15.5.2); add 'challenge: { realm: api }' (or set 'realm' under 'defaults:' and add 'challenge: {}')"
            },
        ),
        None => {}
    }
}

/// One value lists a scheme's challenge once (RFC 9110 §11.6.1: a client picks the
/// challenge of a scheme it supports; two of one scheme leave it guessing).
fn one_challenge_per_scheme(entry: &Entry, defaults: &Defaults, sink: &mut Sink) {
    for (i, def) in entry.challenges.iter().enumerate() {
        let scheme = &def.scheme(defaults).value;
        if let Some(first) = entry.challenges[..i]
            .iter()
            .find(|c| c.scheme(defaults).value.eq_ignore_ascii_case(scheme))
        {
            sink.push(
                def.at,
                Some(&entry.code.value),
                CatalogRule::Challenges,
                format!(
                    "a second {scheme} challenge{}; list each scheme once (RFC 9110 §11.6.1), with 'scheme:' set on the others",
                    line(" (the first is at line {})", first.at)
                ),
            );
        }
    }
}

/// A concealed entry answers with its target's response: a challenge or headers of its
/// own would never be sent, so stating them is a mistake.
fn conceal_response(entry: &Entry, sink: &mut Sink) {
    let Some(target) = &entry.conceal_as else {
        return;
    };
    let own = entry
        .challenges
        .first()
        .map(|c| (c.at, "a challenge"))
        .or_else(|| entry.headers.first().map(|(n, _)| (n.at, "headers")));
    if let Some((at, what)) = own {
        sink.push(
            at,
            Some(&entry.code.value),
            CatalogRule::ConcealResponse,
            format!(
                "the entry answers with {}'s response (conceal_as), so {what} of its own would never be sent; remove it",
                target.value
            ),
        );
    }
}

/// `conceal_as` across the composed catalog: the target is another entry, not concealed
/// itself (one public face, not a chain), and declares no param (a value filled in
/// would be the entry's to choose, and could tell the concealed answer from a real one).
fn conceal_targets(entries: &[Entry], sink: &mut Sink) {
    for entry in entries {
        let Some(name) = &entry.conceal_as else {
            continue;
        };
        let code = Some(entry.code.value.as_str());
        let target = entries.iter().find(|e| e.code.value == name.value);
        let problem = match target {
            None => {
                // `nearest` compares against lower-case names.
                let lower: Vec<String> = entries
                    .iter()
                    .map(|e| e.code.value.to_ascii_lowercase())
                    .collect();
                let codes: Vec<&str> = lower.iter().map(String::as_str).collect();
                let hint = super::hint::nearest(&name.value, &codes)
                    .map(|n| format!(" (did you mean {}?)", n.to_ascii_uppercase()))
                    .unwrap_or_default();
                Some((
                    CatalogRule::ConcealTarget,
                    format!("conceal_as names {}, which is no entry of the catalog{hint}", name.value),
                ))
            }
            Some(t) if t.code.value == entry.code.value => Some((
                CatalogRule::ConcealTarget,
                "conceal_as names the entry itself; name the entry whose response it gives (such as NOT_FOUND)".to_owned(),
            )),
            Some(t) if t.conceal_as.is_some() => Some((
                CatalogRule::ConcealTarget,
                format!(
                    "conceal_as names {}, which is concealed itself (as {}); name the public entry",
                    t.code.value,
                    t.conceal_as.as_ref().map_or("", |c| c.value.as_str())
                ),
            )),
            Some(t) if !t.params.is_empty() => {
                let names: Vec<&str> = t.params.iter().map(|p| p.name.as_str()).collect();
                Some((
                    CatalogRule::ConcealParams,
                    format!(
                        "conceal_as names {}, whose response uses params ({}); a concealed answer must be the target's, byte for byte, so the target may use none",
                        t.code.value,
                        names.join(", ")
                    ),
                ))
            }
            Some(_) => None,
        };
        if let Some((rule, message)) = problem {
            sink.push_in(&entry.origin, name.at, code, rule, message);
        }
    }
}

fn params(entry: &Entry, sink: &mut Sink) {
    let code = Some(entry.code.value.as_str());
    for (i, p) in entry.params.iter().enumerate() {
        if !template::is_param_name(&p.name.value) {
            sink.push(
                p.name.at,
                code,
                CatalogRule::ParamName,
                format!(
                    "param name '{}' must be snake_case (a lower-case letter, then lower-case letters, digits or '_')",
                    p.name.value
                ),
            );
        } else if RESERVED_PARAM_NAMES.contains(&p.name.value.as_str()) {
            sink.push(
                p.name.at,
                code,
                CatalogRule::ParamName,
                format!(
                    "param name '{}' is a Rust keyword that cannot name a field; choose another name",
                    p.name.value
                ),
            );
        }
        if entry.params[..i]
            .iter()
            .any(|q| q.name.value == p.name.value)
        {
            sink.push(
                p.name.at,
                code,
                CatalogRule::ParamName,
                format!("param '{}' is declared twice", p.name.value),
            );
        }
    }
}

/// Checks a template's syntax and that every placeholder names a declared param; returns
/// the placeholders, or `None` when the template is malformed.
fn template_uses<'t>(
    entry: &Entry,
    field: &str,
    value: &'t Spanned<String>,
    sink: &mut Sink,
) -> Option<Vec<&'t str>> {
    let code = Some(entry.code.value.as_str());
    let names = placeholders(value, field, code, sink)?;
    for name in &names {
        if entry.param(name).is_none() {
            let declared: Vec<&str> = entry.params.iter().map(|p| p.name.as_str()).collect();
            let hint = if declared.is_empty() {
                format!("declare it under 'params:' (for example '{name}: string')")
            } else {
                format!("declared params: {}", declared.join(", "))
            };
            sink.push(
                value.at,
                code,
                CatalogRule::UnknownPlaceholder,
                format!("{field} uses {{{name}}}, which is not a declared param ({hint})"),
            );
        }
    }
    Some(names)
}

/// `template`: a template's syntax is sound; its placeholders in order, or `None` (the
/// mistake reported, naming `field`) when it is malformed. The catalog's templates and
/// the locale files' translations are read by this one step.
pub(super) fn placeholders<'t>(
    value: &'t Spanned<String>,
    field: &str,
    code: Option<&str>,
    sink: &mut Sink,
) -> Option<Vec<&'t str>> {
    match template::pieces(&value.value) {
        Ok(pieces) => Some(
            pieces
                .into_iter()
                .filter_map(|p| match p {
                    Piece::Param(n) => Some(n),
                    Piece::Text(_) => None,
                })
                .collect(),
        ),
        Err(e) => {
            sink.push(
                value.at,
                code,
                CatalogRule::Template,
                format!("{field}: {}", e.reason),
            );
            None
        }
    }
}

/// The template with each placeholder replaced by a value of its type that passes every
/// charset, so the literal parts can be checked by the same functions as a runtime value.
fn sample(value: &str) -> String {
    template::render(value, |_| Some("x")).into_owned()
}

/// [`sample`] for the value of `attribute`: where only an integer param fits
/// (`max_age`), each placeholder stands for an integer, so only the literal parts of
/// the template can break the integer rule.
fn sample_for(attribute: &str, value: &str) -> String {
    match required_types(attribute) {
        Some(types) if types.contains(&ParamType::Integer) => {
            template::render(value, |_| Some("0")).into_owned()
        }
        _ => sample(value),
    }
}

/// Where only params of some types fit: `scope` attributes need `scope` params,
/// `max_age` an `integer` or `seconds` one, and `Retry-After` a `seconds` or
/// `http_date` one (or an `integer`, which renders as delay-seconds too).
fn required_types(attribute: &str) -> Option<&'static [ParamType]> {
    if attribute.eq_ignore_ascii_case("scope") {
        Some(&[ParamType::Scope])
    } else if attribute.eq_ignore_ascii_case("max_age") {
        Some(&[ParamType::Integer, ParamType::Seconds])
    } else if attribute.eq_ignore_ascii_case("retry-after") {
        Some(&[ParamType::Seconds, ParamType::HttpDate, ParamType::Integer])
    } else {
        None
    }
}

fn check_param_types(
    entry: &Entry,
    attribute: &str,
    names: &[&str],
    value: &Spanned<String>,
    sink: &mut Sink,
) {
    let Some(required) = required_types(attribute) else {
        return;
    };
    for name in names {
        if let Some(p) = entry.param(name)
            && !required.contains(&p.ty.value)
        {
            let fits: Vec<String> = required.iter().map(|t| article(*t)).collect();
            sink.push(
                value.at,
                Some(&entry.code.value),
                CatalogRule::ParamType,
                format!(
                    "{attribute} uses {{{name}}}, {} param, where only {} param fits (declare '{name}: {}')",
                    article(p.ty.value),
                    either(&fits),
                    required[0]
                ),
            );
        }
    }
}

fn article(ty: ParamType) -> String {
    match ty {
        ParamType::Integer | ParamType::HttpDate => format!("an {ty}"),
        _ => format!("a {ty}"),
    }
}

/// `a, b or c`.
fn either(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// `Retry-After` (RFC 9110 §10.2.3) is `HTTP-date / delay-seconds`: its template is one
/// placeholder alone (whose type [`check_param_types`] checks), or a literal of that
/// grammar. Returns whether the value passed.
fn retry_after(entry: &Entry, value: &Spanned<String>, sink: &mut Sink) -> bool {
    let one_placeholder = matches!(
        template::pieces(&value.value).as_deref(),
        Ok([Piece::Param(_)])
    );
    if one_placeholder || template::placeholders(&value.value).next().is_none() {
        let literal = template::render(&value.value, |_| Some("0"));
        match rules::check_retry_after(&literal) {
            Ok(()) => return true,
            Err(v) => push_violation(sink, value, Some(&entry.code.value), "Retry-After", v),
        }
        return false;
    }
    sink.push(
        value.at,
        Some(&entry.code.value),
        CatalogRule::Challenge(challenge::Rule::RetryAfter),
        "Retry-After is one placeholder alone ('{wait}', a seconds or http_date param) or a literal; text around a placeholder cannot meet its grammar (RFC 9110 §10.2.3)",
    );
    false
}

/// An `alert:` block: `above` is a share of all requests in (0, 1], `window` and `for`
/// are Prometheus durations (`30s`, `5m`, `1h30m`), and `severity` a lower-case word, so
/// the rules written from it load in Prometheus.
fn alert(def: &AlertDef, code: Option<&str>, sink: &mut Sink) {
    if let Some(above) = &def.above
        && !above
            .value
            .parse::<f64>()
            .is_ok_and(|v| v > 0.0 && v <= 1.0)
    {
        sink.push(
            above.at,
            code,
            CatalogRule::Alert,
            format!(
                "'above' is the share of all requests that fires the alert: a number greater than 0 and at most 1 (0.05 is 5 %), not {}",
                above.value
            ),
        );
    }
    for (key, value) in [("window", &def.window), ("for", &def.for_)] {
        if let Some(value) = value
            && !is_prometheus_duration(&value.value)
        {
            sink.push(
                value.at,
                code,
                CatalogRule::Alert,
                format!(
                    "'{key}' must be a Prometheus duration such as 30s, 5m or 1h30m (units ms, s, m, h, d, w, y), not '{}'",
                    value.value
                ),
            );
        }
    }
    if let Some(severity) = &def.severity
        && !is_label_word(&severity.value)
    {
        sink.push(
            severity.at,
            code,
            CatalogRule::Alert,
            format!(
                "'severity' must be a lower-case word (warning, critical, page), not '{}'",
                severity.value
            ),
        );
    }
}

/// A Prometheus duration: one or more `NUMBER UNIT` groups, not all zero.
fn is_prometheus_duration(s: &str) -> bool {
    const UNITS: &[&str] = &["ms", "s", "m", "h", "d", "w", "y"];
    let mut rest = s;
    let mut nonzero = false;
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return false;
        }
        nonzero |= rest[..digits].bytes().any(|b| b != b'0');
        rest = &rest[digits..];
        let Some(unit) = UNITS
            .iter()
            .filter(|u| rest.starts_with(**u))
            .max_by_key(|u| u.len())
        else {
            return false;
        };
        rest = &rest[unit.len()..];
    }
    nonzero
}

/// `[a-z][a-z0-9_]*`: a label value every alert router matches without quoting.
fn is_label_word(s: &str) -> bool {
    s.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// A 429 or 503 answer without `Retry-After` makes clients retry at once: a warning (an
/// error for a strict loader). A concealed entry answers with its target's headers.
fn retry_after_missing(entry: &Entry, sink: &mut Sink) {
    let status = entry.status.value;
    if !matches!(status, 429 | 503)
        || entry.conceal_as.is_some()
        || entry
            .headers
            .iter()
            .any(|(n, _)| n.value.eq_ignore_ascii_case("retry-after"))
    {
        return;
    }
    sink.push(
        entry.code.at,
        Some(&entry.code.value),
        CatalogRule::RetryAfterMissing,
        format!(
            "a {status} response should say when to retry: add 'headers: {{Retry-After: \"{{wait}}\"}}' with 'params: {{wait: seconds}}' (RFC 9110 §10.2.3, RFC 6585 §4)"
        ),
    );
}

fn headers(entry: &Entry, sink: &mut Sink) {
    let code = Some(entry.code.value.as_str());
    for (i, (name, value)) in entry.headers.iter().enumerate() {
        if let Err(v) = rules::check_token(&name.value, challenge::Rule::ParamNameToken) {
            sink.push(
                name.at,
                code,
                CatalogRule::Header,
                format!("header name '{}' {} (RFC 9110 §5.1)", name.value, v.reason),
            );
        } else if RESERVED_HEADERS.contains(&name.value.to_ascii_lowercase().as_str()) {
            sink.push(
                name.at,
                code,
                CatalogRule::Header,
                format!(
                    "header '{}' is set by the library from the entry; it may not be set under 'headers'",
                    name.value
                ),
            );
        }
        if entry.headers[..i]
            .iter()
            .any(|(n, _)| n.value.eq_ignore_ascii_case(&name.value))
        {
            sink.push(
                name.at,
                code,
                CatalogRule::Header,
                format!("header '{}' is listed twice", name.value),
            );
        }
        let field = format!("header '{}'", name.value);
        if let Some(names) = template_uses(entry, &field, value, sink) {
            check_param_types(entry, &name.value, &names, value, sink);
            if name.value.eq_ignore_ascii_case("retry-after") {
                retry_after(entry, value, sink);
            } else if let Err(v) = rules::check_quotable(&sample(&value.value)) {
                sink.push(
                    value.at,
                    code,
                    CatalogRule::Header,
                    format!("{field} value {} (RFC 9110 §5.5)", v.reason),
                );
            }
        }
    }
}

fn push_violation(
    sink: &mut Sink,
    at: &Spanned<String>,
    code: Option<&str>,
    attribute: &str,
    v: rules::Violation,
) {
    sink.push(
        at.at,
        code,
        CatalogRule::Challenge(v.rule),
        format!("{attribute} {} ({})", v.reason, v.rule.citation()),
    );
}

fn challenge(entry: &Entry, def: &ChallengeDef, defaults: &Defaults, sink: &mut Sink) {
    let code = Some(entry.code.value.as_str());
    let status = entry.status.value;
    if let Some(scheme) = &def.scheme
        && let Err(v) = rules::check_scheme(&scheme.value)
    {
        push_violation(sink, scheme, code, "scheme", v);
    }
    let scheme = def.scheme(defaults).value.as_str();
    match &def.error {
        Some(error) => {
            if template::placeholders(&error.value).next().is_some() {
                sink.push(
                    error.at,
                    code,
                    CatalogRule::Template,
                    "error must be a fixed code, not a template: clients and the status rules depend on it",
                );
            } else if let Some(standard) = error_code::lookup(&error.value)
                && standard.status() != status
            {
                let (expected, cite) = (standard.status(), standard.citation());
                sink.push(
                    error.at,
                    code,
                    CatalogRule::ErrorStatus,
                    format!(
                        "error=\"{}\" belongs on status {expected}, not {status} ({cite})",
                        error.value
                    ),
                );
            }
        }
        None if status != 401 => sink.push(
            def.at,
            code,
            CatalogRule::ChallengeWithoutError,
            format!(
                "a challenge on a {status} response must say why with an 'error' (RFC 6750 §3); only a 401 may carry a challenge without one"
            ),
        ),
        None => {}
    }
    let attributes = def.attributes(defaults);
    for (i, (name, value)) in attributes.iter().enumerate() {
        // The default realm is checked once, with the defaults.
        if defaults
            .realm
            .as_ref()
            .is_some_and(|r| std::ptr::eq(r, *value))
        {
            continue;
        }
        // Extension params are named by a key of their own; point at it.
        let name_at = def
            .params
            .iter()
            .find(|(n, v)| std::ptr::eq(v, *value) && n.value == *name)
            .map_or(value.at, |(n, _)| n.at);
        if let Err(v) = rules::check_param_name(name) {
            sink.push(
                name_at,
                code,
                CatalogRule::Challenge(v.rule),
                format!(
                    "challenge param '{name}' {} ({})",
                    v.reason,
                    v.rule.citation()
                ),
            );
            continue;
        }
        if attributes[..i]
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case(name))
        {
            sink.push(
                name_at,
                code,
                CatalogRule::Challenge(challenge::Rule::DuplicateParam),
                format!(
                    "challenge attribute '{name}' appears twice; each may appear only once (RFC 6750 §3)"
                ),
            );
            continue;
        }
        let Some(names) = template_uses(entry, name, value, sink) else {
            continue;
        };
        check_param_types(entry, name, &names, value, sink);
        if let Err(e) = challenge::check_param_for(scheme, name, &sample_for(name, &value.value)) {
            sink.push(
                value.at,
                code,
                CatalogRule::Challenge(e.rule()),
                e.to_string(),
            );
        }
    }
    // The rules about the challenge as a whole, as the response path checks them.
    if let Err(e) = challenge::check_complete(scheme, attributes.iter().map(|&(n, _)| n)) {
        let fix = match e.rule() {
            challenge::Rule::BasicRealm => "set 'realm' in the challenge or under 'defaults:'",
            _ => "set 'realm' under 'defaults:' or an attribute in the challenge",
        };
        sink.push(
            def.at,
            code,
            CatalogRule::Challenge(e.rule()),
            format!("{e}: {fix}"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::is_screaming_snake;

    #[test]
    fn screaming_snake() {
        for ok in ["TOKEN_EXPIRED", "A", "E404", "V2_TOKEN"] {
            assert!(is_screaming_snake(ok), "{ok}");
        }
        for bad in [
            "token_expired",
            "Token",
            "_A",
            "A_",
            "A__B",
            "1A",
            "A-B",
            "",
        ] {
            assert!(!is_screaming_snake(bad), "{bad}");
        }
    }
}
