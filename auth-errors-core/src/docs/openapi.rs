//! OpenAPI 3.1 components: the body schema, the `WWW-Authenticate` header, one
//! response per code and one per status.

use serde_json::{Map, Value, json};

use crate::ErrorSpec;
use crate::body::{self, BodyFormat};

use super::{by_status, example};

/// The component name of a status group: its reason phrase in UpperCamelCase
/// (`401` → `Unauthorized`), so paths can use `#/components/responses/Unauthorized`.
pub(crate) fn status_name(status: u16) -> String {
    match body::reason_phrase(status) {
        Some(reason) => reason
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| {
                let mut cs = w.chars();
                cs.next()
                    .map(|f| f.to_ascii_uppercase().to_string() + cs.as_str())
                    .unwrap_or_default()
            })
            .collect(),
        None => format!("Status{status}"),
    }
}

fn schema_name(specs: &[ErrorSpec]) -> &'static str {
    match super::body_format(specs) {
        BodyFormat::Problem => "Problem",
        BodyFormat::Json => "Error",
    }
}

fn body_schema(specs: &[ErrorSpec]) -> Value {
    let codes: Vec<&str> = specs.iter().map(|s| s.code()).collect();
    let code = json!({"type": "string", "enum": codes, "description": "The business code clients switch on."});
    match super::body_format(specs) {
        BodyFormat::Problem => json!({
            "type": "object",
            "description": "RFC 9457 problem details with the business code as an extension member.",
            "required": ["title", "status", "detail", "code"],
            "properties": {
                "type": {"type": "string", "format": "uri-reference"},
                "title": {"type": "string"},
                "status": {"type": "integer", "minimum": 400, "maximum": 599},
                "detail": {"type": "string"},
                "code": code,
            },
        }),
        BodyFormat::Json => json!({
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": code,
                "message": {"type": "string"},
            },
        }),
    }
}

/// The response of a code as a client receives it: a concealed entry's is its target's
/// (and says so in `x-concealed-as`).
fn response(own: &ErrorSpec, schema: &str) -> Value {
    let spec = own.public();
    let ex = example(spec);
    let example_body: Value = serde_json::from_str(&ex.body).unwrap_or(Value::Null);
    let mut r = Map::new();
    r.insert("description".into(), Value::from(spec.public_message()));
    if let Some(public) = own.concealed_as() {
        r.insert("x-concealed-as".into(), Value::from(public.code()));
    }
    // The gRPC status code of the same answer (google/rpc/code.proto), for gateways and
    // clients of both transports.
    if let Some(code) = spec.grpc() {
        r.insert("x-grpc-code".into(), Value::from(code.name()));
    }
    let mut headers = Map::new();
    if spec.challenge().is_some() {
        headers.insert(
            "WWW-Authenticate".into(),
            json!({"$ref": "#/components/headers/WWW-Authenticate"}),
        );
    }
    for h in spec.headers() {
        headers.insert(h.name().into(), json!({"schema": {"type": "string"}}));
    }
    if !headers.is_empty() {
        r.insert("headers".into(), Value::Object(headers));
    }
    r.insert(
        "content".into(),
        json!({ spec.body_format().content_type(): {
            "schema": {"$ref": format!("#/components/schemas/{schema}")},
            "example": example_body,
        }}),
    );
    Value::Object(r)
}

/// Where a response's schema and header come from: `$ref`s into the document's
/// components, or inline (for a host document that lacks them, as utoipa's).
#[derive(Clone, Copy)]
enum Refs<'a> {
    Components(&'a str),
    Inline(&'a [ErrorSpec]),
}

impl Refs<'_> {
    fn schema(self) -> Value {
        match self {
            Refs::Components(name) => json!({"$ref": format!("#/components/schemas/{name}")}),
            Refs::Inline(specs) => body_schema(specs),
        }
    }

    fn header(self) -> Value {
        match self {
            Refs::Components(_) => json!({"$ref": "#/components/headers/WWW-Authenticate"}),
            Refs::Inline(_) => www_authenticate_header(None),
        }
    }
}

fn www_authenticate_header(example: Option<String>) -> Value {
    let mut h = json!({
        "description": "The authentication challenge (RFC 9110 §11.6.1, RFC 6750 §3).",
        "schema": {"type": "string"},
    });
    if let (Some(e), Some(map)) = (example, h.as_object_mut()) {
        map.insert("example".into(), Value::from(e));
    }
    h
}

/// One response object per status, each listing its codes with `oneOf` and an example
/// per code; schemas and headers inline, so any OpenAPI document can hold them.
pub fn status_responses(specs: &[ErrorSpec]) -> Vec<(u16, Value)> {
    by_status(specs)
        .into_iter()
        .map(|(status, list)| (status, group(status, &list, Refs::Inline(specs))))
        .collect()
}

fn group(status: u16, specs: &[&ErrorSpec], refs: Refs<'_>) -> Value {
    let codes: Vec<&str> = specs.iter().map(|s| s.code()).collect();
    let one_of: Vec<Value> = specs
        .iter()
        .map(|s| {
            json!({
                "title": s.code(),
                "allOf": [
                    refs.schema(),
                    {"type": "object", "properties": {"code": {"type": "string", "enum": [s.code()]}}},
                ],
            })
        })
        .collect();
    let mut examples = Map::new();
    for s in specs {
        let ex = example(s);
        examples.insert(
            s.code().into(),
            json!({
                "summary": s.public_message(),
                "value": serde_json::from_str::<Value>(&ex.body).unwrap_or(Value::Null),
            }),
        );
    }
    let mut r = Map::new();
    r.insert(
        "description".into(),
        Value::from(format!(
            "{} {}: one of {}",
            status,
            body::reason_phrase(status).unwrap_or(""),
            codes.join(", ")
        )),
    );
    if specs.iter().any(|s| s.challenge().is_some()) {
        r.insert("headers".into(), json!({"WWW-Authenticate": refs.header()}));
    }
    let content_type = specs
        .first()
        .map_or("application/json", |s| s.body_format().content_type());
    r.insert(
        "content".into(),
        json!({ content_type: {"schema": {"oneOf": one_of}, "examples": examples}}),
    );
    Value::Object(r)
}

/// The OpenAPI 3.1 document holding the catalog's components (and no paths), ready to
/// merge into an API's own document or to reference.
pub fn openapi(specs: &[ErrorSpec], title: &str) -> Value {
    let schema = schema_name(specs);
    let mut responses = Map::new();
    for s in specs {
        responses.insert(s.code().into(), response(s, schema));
    }
    for (status, list) in by_status(specs) {
        responses.insert(
            status_name(status),
            group(status, &list, Refs::Components(schema)),
        );
    }
    json!({
        "openapi": "3.1.0",
        "info": {"title": title, "version": "1"},
        "paths": {},
        "components": {
            "schemas": { schema: body_schema(specs) },
            "headers": {
                "WWW-Authenticate": www_authenticate_header(
                    specs.iter().find_map(|s| example(s).www_authenticate),
                ),
            },
            "responses": responses,
        },
    })
}

/// [`openapi`] as pretty-printed JSON.
pub fn openapi_json(specs: &[ErrorSpec], title: &str) -> String {
    let mut s = serde_json::to_string_pretty(&openapi(specs, title)).unwrap_or_default();
    s.push('\n');
    s
}

/// [`openapi`] as YAML.
pub fn openapi_yaml(specs: &[ErrorSpec], title: &str) -> String {
    serde_saphyr::to_string(&openapi(specs, title)).unwrap_or_default()
}
