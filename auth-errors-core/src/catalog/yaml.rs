//! A YAML document as a tree of nodes, each with its line and column.
//!
//! serde-saphyr reads the text (rejecting duplicate keys, expanding anchors and
//! merge keys); this tree keeps every node's position so the loader can point at
//! the exact value a rule is about.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::diagnostic::{CatalogRule, Diagnostic, Location};

/// A YAML value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

/// A YAML value and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    pub(crate) value: Value,
    /// Where the value starts, when the parser knows.
    pub(crate) at: Option<Location>,
}

impl Value {
    /// The YAML type, for "expected a string, found a mapping".
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a number",
            Value::Str(_) => "a string",
            Value::Seq(_) => "a sequence",
            Value::Map(_) => "a mapping",
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = serde_saphyr::Spanned::<Value>::deserialize(d)?;
        Ok(Node {
            value: spanned.value,
            at: Location::new(spanned.referenced.line(), spanned.referenced.column()),
        })
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Int(v.into()))
    }

    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(Value::Int(v))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        i128::try_from(v)
            .map(Value::Int)
            .map_err(|_| E::custom("integer too large"))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Node>()? {
            let value = map.next_value::<Node>()?;
            entries.push((key, value));
        }
        Ok(Value::Map(entries))
    }
}

/// The deepest nesting a catalog may use.
pub(crate) const MAX_DEPTH: usize = 24;

/// Parses YAML text into a node tree, or one diagnostic naming where the YAML breaks.
pub(crate) fn parse(text: &str, file: &str) -> Result<Node, Diagnostic> {
    // YAML 1.2 core booleans only: `message: No` is text, not `false`.
    // A catalog nests about six levels; a low depth limit keeps hostile input from
    // exhausting the stack of a debug-built proc macro.
    let options = serde_saphyr::options! {
        strict_booleans: true,
        budget: serde_saphyr::budget! { max_depth: MAX_DEPTH },
    };
    match serde_saphyr::from_str_with_options::<Node>(text, options) {
        Ok(node) => Ok(node),
        // An empty document (or one holding only comments) is null.
        Err(_)
            if text.lines().all(|l| {
                let l = l.trim();
                l.is_empty() || l.starts_with('#') || l == "---" || l == "..."
            }) =>
        {
            Ok(Node {
                value: Value::Null,
                at: Some(Location::START),
            })
        }
        Err(err) => Err(syntax_diagnostic(&err, file)),
    }
}

fn syntax_diagnostic(err: &serde_saphyr::Error, file: &str) -> Diagnostic {
    let location = err
        .location()
        .and_then(|l| Location::new(l.line(), l.column()));
    let rendered = err
        .without_snippet()
        .render_with_options(serde_saphyr::render_options! {
            snippets: serde_saphyr::SnippetMode::Off,
        });
    let message = clean_message(&rendered);
    let rule = if message.contains("duplicate mapping key") {
        CatalogRule::DuplicateKey
    } else {
        CatalogRule::YamlSyntax
    };
    let message = match rule {
        CatalogRule::DuplicateKey => {
            let key = message
                .split("duplicate mapping key:")
                .nth(1)
                .and_then(|rest| rest.split(',').next())
                .map(str::trim)
                .unwrap_or("");
            format!("duplicate key '{key}': each key may appear only once in a mapping")
        }
        _ if message.contains("budget breached") && message.contains("Depth") => {
            format!("the YAML nests deeper than {MAX_DEPTH} levels; a catalog needs about six")
        }
        _ if message.contains("from_str_multiple") || message.contains("multiple documents") => {
            "a catalog is one YAML document; remove the extra '---' document".to_owned()
        }
        _ => format!("invalid YAML: {message}"),
    };
    // Without a place from the parser, the mistake is the document's: its start.
    let at = location.unwrap_or(Location::START);
    Diagnostic::new(file, Some(at), None, rule, message)
}

/// Strips serde-saphyr's `error: line N column M: ` prefix: the diagnostic carries the
/// location itself.
fn clean_message(rendered: &str) -> String {
    let first = rendered.lines().next().unwrap_or(rendered).trim();
    let first = first.strip_prefix("error:").unwrap_or(first).trim();
    let without_location = match first.strip_prefix("line ") {
        Some(rest) => rest
            .split_once(": ")
            .filter(|(loc, _)| loc.contains("column"))
            .map_or(first, |(_, msg)| msg),
        None => first,
    };
    // The diagnostic carries the location; drop serde-saphyr's own copy of it.
    let trimmed = without_location.trim();
    match trimmed.rfind(" at line ") {
        Some(i) if trimmed[i..].contains("column") => trimmed[..i].trim_end_matches(',').to_owned(),
        _ => trimmed.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_and_merge_keys() {
        let text = "base: &b\n  status: 401\nerrors:\n  A:\n    <<: *b\n    message: x\n";
        let Ok(node) = parse(text, "t.yaml") else {
            panic!("parse failed")
        };
        let Value::Map(top) = node.value else {
            panic!("not a map")
        };
        assert_eq!(top[1].0.at, Location::new(3, 1));
        let Value::Map(errors) = &top[1].1.value else {
            panic!("errors")
        };
        let Value::Map(a) = &errors[0].1.value else {
            panic!("A")
        };
        let keys: Vec<_> = a
            .iter()
            .filter_map(|(k, _)| match &k.value {
                Value::Str(s) => Some(s.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(keys, ["message", "status"]);
    }

    #[test]
    fn duplicate_key_is_located() {
        let err = parse("a: 1\na: 2\n", "t.yaml").err();
        assert_eq!(
            err.map(|d| (d.rule(), d.location())),
            Some((CatalogRule::DuplicateKey, Location::new(2, 1)))
        );
    }
}
