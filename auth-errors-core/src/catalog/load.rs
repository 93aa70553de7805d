//! From a YAML node tree to the catalog model: keys, types and names.
//!
//! Every structural mistake becomes a diagnostic and loading goes on, so one run
//! reports all of them. An entry missing a required key is left out of the model
//! (its diagnostic stays); the semantic rules then run on what loaded.

use std::fmt;

use crate::body::BodyFormat;
use crate::spec::{ClientAction, GrpcCode, ParamType};

use super::diagnostic::{CatalogRule, Location, Sink};
use super::hint::nearest;
use super::model::{
    AlertDef, ChallengeDef, Defaults, Entry, Param, Retired, Spanned, Top, Translation,
};
use super::yaml::{Node, Value};

/// The format versions this library reads.
const SUPPORTED_VERSIONS: &[u32] = &[1];

pub(crate) const TOP_KEYS: &[&str] = &[
    "version", "defaults", "errors", "include", "prefix", "retired", "locales",
];
pub(crate) const DEFAULTS_KEYS: &[&str] =
    &["scheme", "realm", "body", "docs_url", "domain", "locale"];
/// The top-level keys of a locale file, and of one of its translations.
pub(crate) const LOCALE_KEYS: &[&str] = &["version", "locale", "messages"];
pub(crate) const TRANSLATION_KEYS: &[&str] = &["message", "title", "docs"];
pub(crate) const ENTRY_KEYS: &[&str] = &[
    "status",
    "message",
    "title",
    "docs",
    "deprecated",
    "since",
    "headers",
    "client",
    "grpc",
    "expose",
    "params",
    "challenge",
    "challenges",
    "conceal_as",
    "alert",
];
pub(crate) const ALERT_KEYS: &[&str] = &["above", "window", "for", "severity"];
pub(crate) const CHALLENGE_KEYS: &[&str] = &[
    "scheme",
    "realm",
    "error",
    "error_description",
    "error_uri",
    "scope",
    "params",
];

/// One file's catalog as loaded, before it is composed with the files it includes.
#[derive(Debug)]
pub(crate) struct File {
    pub(crate) top: Top,
    pub(crate) entries: Vec<Entry>,
    pub(crate) retired: Vec<Retired>,
}

/// Builds one file's model from its parsed document; `None` when the document is not a
/// catalog at all (its diagnostics are in `sink`).
pub(crate) fn file(root: &Node, sink: &mut Sink) -> Option<File> {
    let start = Some(Location::START);
    let Value::Map(top) = &root.value else {
        wrong_type(
            sink,
            root.at,
            None,
            format_args!("a catalog must be a mapping with 'version' and 'errors'"),
            &root.value,
        );
        return None;
    };
    let mut version = None;
    let mut defaults = Defaults::default();
    let mut errors_node = None;
    let mut errors_key_at = start;
    let mut includes = Vec::new();
    let mut prefix = None;
    let mut retired = Vec::new();
    let mut locales = Vec::new();
    for (key, key_node, value) in known_keys(top, TOP_KEYS, "the catalog", None, sink) {
        match key {
            "version" => version = load_version(value, sink),
            "defaults" => defaults = load_defaults(value, sink),
            "errors" => {
                errors_node = Some(value);
                errors_key_at = key_node.at;
            }
            "include" => includes = load_includes(value, sink),
            "prefix" => prefix = string(value, key, None, sink),
            "retired" => retired = load_retired(value, sink),
            "locales" => locales = relative_paths(value, "locales", "locale file", sink),
            _ => {}
        }
    }
    if version.is_none() && !top.iter().any(|(k, _)| is_key(k, "version")) {
        sink.push(
            start,
            None,
            CatalogRule::MissingKey,
            "missing required key 'version' (write 'version: 1')",
        );
    }
    let mut entries = Vec::new();
    match errors_node.map(|n| &n.value) {
        Some(Value::Map(items)) if !items.is_empty() => {
            for (code_node, entry_node) in items {
                let Some(code) = string_key(code_node, "an error code", None, sink) else {
                    continue;
                };
                if let Some(entry) = load_entry(code, code_node.at, entry_node, sink) {
                    entries.push(entry);
                }
            }
        }
        Some(Value::Map(_)) | Some(Value::Null) => sink.push(
            errors_key_at,
            None,
            CatalogRule::EmptyCatalog,
            "the catalog has no entries: 'errors' must hold at least one",
        ),
        Some(other) => {
            let at = errors_node.map_or(start, |n| n.at);
            wrong_type(
                sink,
                at,
                None,
                format_args!("'errors' must be a mapping from codes to entries"),
                other,
            );
        }
        // A catalog made only of included ones needs no entries of its own.
        None if !includes.is_empty() => {}
        None => sink.push(
            start,
            None,
            CatalogRule::EmptyCatalog,
            "the catalog has no entries: add an 'errors' mapping",
        ),
    }
    let top = Top {
        version: version.unwrap_or(1),
        defaults,
        includes,
        prefix,
        locales,
    };
    Some(File {
        top,
        entries,
        retired,
    })
}

/// A list of strings, each located (`include:`, `retired:`); `what` names the list and
/// `item` one of its values in messages.
fn string_list(node: &Node, what: &str, item: &str, sink: &mut Sink) -> Vec<Spanned<String>> {
    let Value::Seq(items) = &node.value else {
        wrong_type(
            sink,
            node.at,
            None,
            format_args!("'{what}' must be a list of {item}s"),
            &node.value,
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for node in items {
        match &node.value {
            Value::Str(s) => out.push(Spanned::new(s.clone(), node.at)),
            other => {
                wrong_type(
                    sink,
                    node.at,
                    None,
                    format_args!("each item of '{what}' must be a {item} (a string)"),
                    other,
                );
            }
        }
    }
    out
}

/// `include:`: `std`, or paths relative to the including file.
fn load_includes(node: &Node, sink: &mut Sink) -> Vec<Spanned<String>> {
    relative_paths(node, "include", "catalog file", sink)
}

/// A list of paths relative to the file (`include:`, `locales:`): none empty or
/// absolute, so the catalog builds anywhere and diffs against git revisions.
fn relative_paths(node: &Node, what: &str, item: &str, sink: &mut Sink) -> Vec<Spanned<String>> {
    let mut out = string_list(node, what, item, sink);
    out.retain(|path| {
        let p = path.as_str();
        let absolute = p.starts_with(['/', '\\'])
            || (p.len() > 1 && p.as_bytes()[1] == b':' && p.as_bytes()[0].is_ascii_alphabetic());
        let reason = if p.trim().is_empty() {
            let std = if what == "include" { "'std' or " } else { "" };
            format!("an item of '{what}' may not be empty: write {std}a path relative to this file")
        } else if absolute {
            format!("an item of '{what}' is a path relative to this file, not an absolute path (so the catalog builds anywhere, and diffs against git revisions)")
        } else {
            return true;
        };
        sink.push(path.at, None, CatalogRule::Include, reason);
        false
    });
    out
}

/// `retired:`: codes removed for good.
fn load_retired(node: &Node, sink: &mut Sink) -> Vec<Retired> {
    string_list(node, "retired", "code", sink)
        .into_iter()
        .map(|code| Retired {
            code,
            origin: sink.file().to_owned(),
        })
        .collect()
}

fn is_key(node: &Node, name: &str) -> bool {
    matches!(&node.value, Value::Str(s) if s == name)
}

/// The keys of a mapping that the format knows, in order. Unknown keys are reported with
/// the nearest known one; `x-` keys are extensions and skipped (a home for YAML anchors).
fn known_keys<'n>(
    map: &'n [(Node, Node)],
    known: &[&str],
    what: &str,
    code: Option<&str>,
    sink: &mut Sink,
) -> Vec<(&'n str, &'n Node, &'n Node)> {
    let mut out = Vec::new();
    for (key_node, value) in map {
        let Some(key) = string_key(key_node, "a key", code, sink) else {
            continue;
        };
        if key.starts_with("x-") {
            continue;
        }
        if known.contains(&key) {
            out.push((key, key_node, value));
            continue;
        }
        let hint = match nearest(key, known) {
            Some(near) => format!(" (did you mean '{near}'?)"),
            None => format!(" (expected one of: {})", known.join(", ")),
        };
        sink.push(
            key_node.at,
            code,
            CatalogRule::UnknownKey,
            format!("unknown key '{key}' in {what}{hint}"),
        );
    }
    out
}

fn string_key<'n>(
    node: &'n Node,
    what: &str,
    code: Option<&str>,
    sink: &mut Sink,
) -> Option<&'n str> {
    match &node.value {
        Value::Str(s) => Some(s),
        other => {
            wrong_type(
                sink,
                node.at,
                code,
                format_args!("{what} must be a string"),
                other,
            );
            None
        }
    }
}

fn load_version(node: &Node, sink: &mut Sink) -> Option<u32> {
    match &node.value {
        Value::Int(v) if u32::try_from(*v).is_ok_and(|v| SUPPORTED_VERSIONS.contains(&v)) => {
            u32::try_from(*v).ok()
        }
        Value::Int(v) => {
            sink.push(
                node.at,
                None,
                CatalogRule::Version,
                format!("unknown catalog version {v} (this library reads version 1)"),
            );
            None
        }
        other => {
            let found = other.kind();
            sink.push(
                node.at,
                None,
                CatalogRule::Version,
                format!("'version' must be the integer 1, found {found}"),
            );
            None
        }
    }
}

fn load_defaults(node: &Node, sink: &mut Sink) -> Defaults {
    let mut defaults = Defaults::default();
    let Some(map) = mapping(node, "'defaults'", None, sink) else {
        return defaults;
    };
    for (key, _, value) in known_keys(map, DEFAULTS_KEYS, "'defaults'", None, sink) {
        match key {
            "scheme" => {
                if let Some(s) = string(value, key, None, sink) {
                    defaults.scheme = s;
                }
            }
            "realm" => defaults.realm = string(value, key, None, sink),
            "body" => {
                if let Some(s) = string(value, key, None, sink) {
                    match s.value.parse::<BodyFormat>() {
                        Ok(format) => defaults.body = format,
                        Err(e) => sink.push(s.at, None, CatalogRule::BodyFormat, e.to_string()),
                    }
                }
            }
            "docs_url" => defaults.docs_url = string(value, key, None, sink),
            "domain" => defaults.domain = string(value, key, None, sink),
            "locale" => defaults.locale = string(value, key, None, sink),
            _ => {}
        }
    }
    defaults
}

fn mapping<'n>(
    node: &'n Node,
    what: &str,
    code: Option<&str>,
    sink: &mut Sink,
) -> Option<&'n [(Node, Node)]> {
    match &node.value {
        Value::Map(map) => Some(map),
        other => {
            wrong_type(
                sink,
                node.at,
                code,
                format_args!("{what} must be a mapping"),
                other,
            );
            None
        }
    }
}

fn string(node: &Node, key: &str, code: Option<&str>, sink: &mut Sink) -> Option<Spanned<String>> {
    match &node.value {
        Value::Str(s) => Some(Spanned::new(s.clone(), node.at)),
        other => {
            let found = other.kind();
            let hint = if matches!(other, Value::Int(_) | Value::Float(_) | Value::Bool(_)) {
                " (quote it to make it a string)"
            } else {
                ""
            };
            sink.push(
                node.at,
                code,
                CatalogRule::WrongType,
                format!("'{key}' must be a string, found {found}{hint}"),
            );
            None
        }
    }
}

fn load_entry(
    code: &str,
    code_at: Option<Location>,
    node: &Node,
    sink: &mut Sink,
) -> Option<Entry> {
    let c = Some(code);
    let map = mapping(node, "an entry", c, sink)?;
    let mut status = None;
    let mut message = None;
    let mut complete = true;
    let mut entry = Entry {
        origin: sink.file().to_owned(),
        code: Spanned::new(code.to_owned(), code_at),
        status: Spanned::new(0, code_at),
        message: Spanned::new(String::new(), code_at),
        title: None,
        docs: None,
        deprecated: None,
        since: None,
        headers: Vec::new(),
        client: None,
        grpc: None,
        expose: Spanned::new(true, code_at),
        params: Vec::new(),
        challenges: Vec::new(),
        conceal_as: None,
        alert: None,
    };
    let mut one_challenge_at = None;
    for (key, key_node, value) in known_keys(map, ENTRY_KEYS, "an entry", c, sink) {
        match key {
            "status" => status = load_status(value, c, sink),
            "message" => message = string(value, key, c, sink),
            "title" => entry.title = string(value, key, c, sink),
            "docs" => entry.docs = string(value, key, c, sink),
            "since" => entry.since = string(value, key, c, sink),
            "deprecated" => entry.deprecated = load_deprecated(value, c, sink),
            "expose" => match &value.value {
                Value::Bool(b) => entry.expose = Spanned::new(*b, value.at),
                other => {
                    wrong_type(
                        sink,
                        value.at,
                        c,
                        format_args!("'expose' must be true or false"),
                        other,
                    );
                }
            },
            "client" => {
                if let Some(s) = string(value, key, c, sink) {
                    match s.value.parse::<ClientAction>() {
                        Ok(action) => entry.client = Some(Spanned::new(action, s.at)),
                        Err(e) => sink.push(s.at, c, CatalogRule::ClientAction, e.to_string()),
                    }
                }
            }
            "grpc" => {
                if let Some(s) = string(value, key, c, sink) {
                    match s.value.parse::<GrpcCode>() {
                        Ok(grpc) => entry.grpc = Some(Spanned::new(grpc, s.at)),
                        Err(e) => sink.push(s.at, c, CatalogRule::GrpcCode, e.to_string()),
                    }
                }
            }
            "headers" => entry.headers = load_pairs(value, "'headers'", true, c, sink),
            "params" => entry.params = load_params(value, c, sink),
            "challenge" => {
                let challenge = load_challenge(key_node.at, value, c, sink);
                // A challenge of the wrong type leaves the entry incomplete: checking it
                // further would only repeat the mistake as "missing challenge".
                complete &= challenge.is_some();
                one_challenge_at = Some(key_node.at);
                entry.challenges.extend(challenge);
            }
            "challenges" => match load_challenges(key_node.at, value, c, sink) {
                Some(list) => entry.challenges.extend(list),
                None => complete = false,
            },
            "conceal_as" => entry.conceal_as = string(value, key, c, sink),
            "alert" => entry.alert = load_alert(key_node.at, value, c, sink),
            _ => {}
        }
    }
    if let Some(at) = one_challenge_at
        && map.iter().any(|(k, _)| is_key(k, "challenges"))
    {
        sink.push(
            at,
            c,
            CatalogRule::Challenges,
            "an entry has 'challenge' (one) or 'challenges' (a list), not both",
        );
        complete = false;
    }
    for (name, found) in [("status", status.is_some()), ("message", message.is_some())] {
        let present = map.iter().any(|(k, _)| is_key(k, name));
        if !found && !present {
            sink.push(
                code_at,
                c,
                CatalogRule::MissingKey,
                format!("missing required key '{name}'"),
            );
        }
        complete &= found;
    }
    if !complete {
        return None;
    }
    if let (Some(s), Some(m)) = (status, message) {
        entry.status = s;
        entry.message = m;
    }
    Some(entry)
}

fn load_status(node: &Node, code: Option<&str>, sink: &mut Sink) -> Option<Spanned<u16>> {
    match &node.value {
        Value::Int(v) => match u16::try_from(*v) {
            Ok(v) => Some(Spanned::new(v, node.at)),
            Err(_) => {
                sink.push(
                    node.at,
                    code,
                    CatalogRule::StatusRange,
                    format!("status {v} is not an HTTP error status (400–599)"),
                );
                None
            }
        },
        other => {
            wrong_type(
                sink,
                node.at,
                code,
                format_args!("'status' must be an integer HTTP status"),
                other,
            );
            None
        }
    }
}

fn load_deprecated(node: &Node, code: Option<&str>, sink: &mut Sink) -> Option<Spanned<String>> {
    match &node.value {
        Value::Str(s) => Some(Spanned::new(s.clone(), node.at)),
        Value::Bool(true) => Some(Spanned::new(String::new(), node.at)),
        Value::Bool(false) => None,
        other => {
            wrong_type(
                sink,
                node.at,
                code,
                format_args!("'deprecated' must be a reason (a string) or true"),
                other,
            );
            None
        }
    }
}

/// A mapping of names to string values (`headers`, challenge `params`). With
/// `integers`, integer values are taken as their decimal text (`Retry-After: 30`).
fn load_pairs(
    node: &Node,
    what: &str,
    integers: bool,
    code: Option<&str>,
    sink: &mut Sink,
) -> Vec<(Spanned<String>, Spanned<String>)> {
    let Some(map) = mapping(node, what, code, sink) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (key_node, value) in map {
        let Some(name) = string_key(key_node, "a name", code, sink) else {
            continue;
        };
        let value = match &value.value {
            Value::Int(i) if integers => Some(Spanned::new(i.to_string(), value.at)),
            Value::Str(_) => string(value, name, code, sink),
            other if integers => {
                wrong_type(
                    sink,
                    value.at,
                    code,
                    format_args!("'{name}' must be a string or an integer"),
                    other,
                );
                None
            }
            _ => string(value, name, code, sink),
        };
        if let Some(value) = value {
            out.push((Spanned::new(name.to_owned(), key_node.at), value));
        }
    }
    out
}

fn load_params(node: &Node, code: Option<&str>, sink: &mut Sink) -> Vec<Param> {
    let Some(map) = mapping(node, "'params'", code, sink) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (key_node, value) in map {
        let Some(name) = string_key(key_node, "a param name", code, sink) else {
            continue;
        };
        let Some(ty) = string(value, name, code, sink) else {
            continue;
        };
        let parsed = ParamType::ALL
            .iter()
            .copied()
            .find(|t| t.name() == ty.value);
        match parsed {
            Some(t) => out.push(Param {
                name: Spanned::new(name.to_owned(), key_node.at),
                ty: Spanned::new(t, ty.at),
            }),
            None => {
                let names: Vec<&str> = ParamType::ALL.iter().map(|t| t.name()).collect();
                let hint = nearest(&ty.value, &names)
                    .map(|n| format!("; did you mean '{n}'?"))
                    .unwrap_or_default();
                sink.push(
                    ty.at,
                    code,
                    CatalogRule::ParamType,
                    format!(
                        "unknown type '{}' for param '{name}' (expected {}{hint})",
                        ty.value,
                        names.join(", ")
                    ),
                );
            }
        }
    }
    out
}

/// `alert:`: `true`, `false`, or a mapping of `above` (a number), `window`, `for` and
/// `severity` (strings); what the values mean is checked by the validator.
fn load_alert(
    key_at: Option<Location>,
    node: &Node,
    code: Option<&str>,
    sink: &mut Sink,
) -> Option<AlertDef> {
    let mut def = AlertDef {
        at: key_at,
        enabled: Spanned::new(true, node.at),
        above: None,
        window: None,
        for_: None,
        severity: None,
    };
    let map = match &node.value {
        Value::Bool(b) => {
            def.enabled = Spanned::new(*b, node.at);
            return Some(def);
        }
        Value::Map(map) => map,
        other => {
            wrong_type(
                sink,
                node.at,
                code,
                format_args!(
                    "'alert' must be true, false or a mapping of above, window, for and severity"
                ),
                other,
            );
            return None;
        }
    };
    for (key, _, value) in known_keys(map, ALERT_KEYS, "'alert'", code, sink) {
        match key {
            "above" => match &value.value {
                Value::Float(v) => def.above = Some(Spanned::new(v.to_string(), value.at)),
                Value::Int(v) => def.above = Some(Spanned::new(v.to_string(), value.at)),
                other => wrong_type(
                    sink,
                    value.at,
                    code,
                    format_args!("'above' must be a number, the share of all requests (0.05)"),
                    other,
                ),
            },
            "window" => def.window = string(value, key, code, sink),
            "for" => def.for_ = string(value, key, code, sink),
            _ => def.severity = string(value, key, code, sink),
        }
    }
    Some(def)
}

/// `challenges:`: a non-empty list of challenge mappings, each located at its item.
fn load_challenges(
    key_at: Option<Location>,
    node: &Node,
    code: Option<&str>,
    sink: &mut Sink,
) -> Option<Vec<ChallengeDef>> {
    let items = match &node.value {
        Value::Seq(items) if !items.is_empty() => items,
        Value::Seq(_) => {
            sink.push(
                key_at,
                code,
                CatalogRule::Challenges,
                "'challenges' must list at least one challenge (or leave it out)",
            );
            return None;
        }
        other => {
            wrong_type(
                sink,
                node.at,
                code,
                format_args!("'challenges' must be a list of challenge mappings"),
                other,
            );
            return None;
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(load_challenge(item.at, item, code, sink)?);
    }
    Some(out)
}

fn load_challenge(
    key_at: Option<Location>,
    node: &Node,
    code: Option<&str>,
    sink: &mut Sink,
) -> Option<ChallengeDef> {
    let map = match &node.value {
        Value::Map(map) => map,
        other => {
            let found = other.kind();
            sink.push(
                node.at,
                code,
                CatalogRule::WrongType,
                format!(
                    "'challenge' must be a mapping, found {found} (write 'challenge: {{}}' for a challenge with no attributes)"
                ),
            );
            return None;
        }
    };
    let mut def = ChallengeDef {
        at: key_at,
        scheme: None,
        realm: None,
        error: None,
        error_description: None,
        error_uri: None,
        scope: None,
        params: Vec::new(),
    };
    for (key, _, value) in known_keys(map, CHALLENGE_KEYS, "'challenge'", code, sink) {
        let slot = match key {
            "scheme" => &mut def.scheme,
            "realm" => &mut def.realm,
            "error" => &mut def.error,
            "error_description" => &mut def.error_description,
            "error_uri" => &mut def.error_uri,
            "scope" => &mut def.scope,
            _ => {
                def.params = load_pairs(value, "challenge 'params'", true, code, sink);
                continue;
            }
        };
        *slot = string(value, key, code, sink);
    }
    Some(def)
}

/// A `wrong-type` diagnostic, "{what}, found {kind}": the one shape of the message.
fn wrong_type(
    sink: &mut Sink,
    at: Option<Location>,
    code: Option<&str>,
    what: fmt::Arguments<'_>,
    found: &Value,
) {
    let kind = found.kind();
    sink.push(
        at,
        code,
        CatalogRule::WrongType,
        format!("{what}, found {kind}"),
    );
}

/// One locale file as loaded: its tag and its translations, before they are checked
/// against the catalog.
#[derive(Debug)]
pub(crate) struct LocaleDoc {
    pub(crate) tag: Option<Spanned<String>>,
    pub(crate) messages: Vec<Translation>,
}

/// Builds a locale file's model from its parsed document; `None` when the document is
/// not a locale file at all (its diagnostics are in `sink`).
pub(crate) fn locale_file(root: &Node, sink: &mut Sink) -> Option<LocaleDoc> {
    let start = Some(Location::START);
    let Value::Map(top) = &root.value else {
        wrong_type(
            sink,
            root.at,
            None,
            format_args!("a locale file must be a mapping with 'version', 'locale' and 'messages'"),
            &root.value,
        );
        return None;
    };
    let mut doc = LocaleDoc {
        tag: None,
        messages: Vec::new(),
    };
    let mut seen = [false; 3];
    for (key, _, value) in known_keys(top, LOCALE_KEYS, "a locale file", None, sink) {
        match key {
            "version" => {
                seen[0] = true;
                load_version(value, sink);
            }
            "locale" => {
                seen[1] = true;
                doc.tag = string(value, key, None, sink);
            }
            "messages" => {
                seen[2] = true;
                doc.messages = load_translations(value, sink);
            }
            _ => {}
        }
    }
    for (present, key) in seen.into_iter().zip(LOCALE_KEYS) {
        if !present {
            sink.push(
                start,
                None,
                CatalogRule::MissingKey,
                format!("missing required key '{key}' in a locale file"),
            );
        }
    }
    Some(doc)
}

/// `messages:`: a mapping from codes to their text in the file's language.
fn load_translations(node: &Node, sink: &mut Sink) -> Vec<Translation> {
    let Some(map) = mapping(node, "'messages'", None, sink) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (code_node, value) in map {
        let Some(code) = string_key(code_node, "an error code", None, sink) else {
            continue;
        };
        let Some(fields) = mapping(value, "a translation", Some(code), sink) else {
            continue;
        };
        let (mut message, mut title, mut docs) = (None, None, None);
        for (key, _, value) in
            known_keys(fields, TRANSLATION_KEYS, "a translation", Some(code), sink)
        {
            let slot = match key {
                "message" => &mut message,
                "title" => &mut title,
                _ => &mut docs,
            };
            *slot = string(value, key, Some(code), sink);
        }
        let Some(message) = message else {
            sink.push(
                code_node.at,
                Some(code),
                CatalogRule::MissingKey,
                "missing required key 'message' in a translation",
            );
            continue;
        };
        out.push(Translation {
            code: Spanned::new(code.to_owned(), code_node.at),
            message,
            title,
            docs,
        });
    }
    out
}
