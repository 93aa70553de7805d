//! The TypeScript client pack: the catalog's types and metadata followed by the static
//! runtime (a `WWW-Authenticate` parser, a `fetch` core and an axios adapter), with no
//! runtime dependency. Two forms: one `.ts` file ([`typescript`]), or an npm package
//! ([`typescript_package`]) whose axios adapter is a separate entry point, so a project
//! without axios type-checks.

use std::fmt::Write;

use crate::ErrorSpec;
use crate::body::BodyFormat;
use crate::spec::{ClientAction, ParamType, Vocabulary};
use crate::template::{self, Piece};

use super::Locales;
use super::locales::shown;

/// The static part of the pack, the same for every catalog.
pub const RUNTIME: &str = include_str!("runtime.ts");

/// A JSON string literal, which is also a TypeScript string literal.
fn lit(s: &str) -> String {
    let mut out = String::new();
    crate::render::json::string(&mut out, s);
    // U+2028 and U+2029 end a line in older JavaScript engines.
    out.replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// The pack for a table of entries, its message table in one language tagged `en`.
pub fn typescript(specs: &[ErrorSpec]) -> String {
    typescript_in(specs, Locales::default())
}

/// The pack for a table of entries with a message table per language of `locales`
/// (`MESSAGES`, keyed by locale, then by code, each message a function of the code's
/// typed params), so a frontend can show errors in its user's language on its side.
///
/// ```
/// use auth_errors_core::{catalog, docs};
///
/// let text = "version: 1\nlocales: [fr.yaml]\nerrors:\n  SCOPE_NEEDED:\n    status: 403\n    message: Needs {scope}\n    params: {scope: scope}\n";
/// let fr = "version: 1\nlocale: fr\nmessages:\n  SCOPE_NEEDED:\n    message: Il faut {scope}\n";
/// let cat = catalog::Loader::new().read(|_| Ok(fr.to_owned())).load(text, "api.yaml")?;
/// let ts = docs::typescript_in(&cat.to_specs(), docs::Locales::of(&cat));
/// assert!(ts.contains(r#"export const LOCALES = ["en", "fr"] as const;"#));
/// assert!(ts.contains(r#""SCOPE_NEEDED": { readonly scope: string };"#));
/// assert!(ts.contains(r#""SCOPE_NEEDED": { message: (p) => "Il faut " + p.scope },"#));
/// # Ok::<(), catalog::Diagnostics>(())
/// ```
pub fn typescript_in(specs: &[ErrorSpec], locales: Locales<'_>) -> String {
    let mut out = prelude(specs, locales);
    out.push_str(RUNTIME);
    out
}

/// The TypeScript type of a param's value: what the server renders into the message.
const fn ts_type(ty: ParamType) -> &'static str {
    match ty {
        ParamType::Integer | ParamType::Seconds => "number",
        ParamType::String | ParamType::Scope | ParamType::HttpDate => "string",
    }
}

/// The params a client fills an entry's message with: the placeholders of the message it
/// sends (none for the generic message of an entry that does not expose its own), in
/// the order the entry declares them.
fn message_params(spec: &ErrorSpec) -> Vec<(&'static str, ParamType)> {
    let mut used = Vec::new();
    let _ = template::walk(spec.public_message(), |piece| {
        if let Piece::Param(name) = piece {
            used.push(name);
        }
    });
    spec.params()
        .iter()
        .filter(|p| used.contains(&p.name()))
        .map(|p| (p.name(), p.ty()))
        .collect()
}

/// A message template as a TypeScript function of the code's params: `() => "text"`, or
/// `(p) => "text " + p.scope`, numbers through `String()` as the server writes them.
fn message_fn(spec: &ErrorSpec, template: &str) -> String {
    let params = message_params(spec);
    let mut parts: Vec<String> = Vec::new();
    let mut text = String::new();
    // A template the catalog's rules let through always walks; an error leaves the text.
    let walked = template::walk(template, |piece| match piece {
        Piece::Text(t) => text.push_str(t),
        Piece::Param(name) => {
            if !text.is_empty() {
                parts.push(lit(&std::mem::take(&mut text)));
            }
            match params.iter().find(|(n, _)| *n == name) {
                Some((_, ty)) if ts_type(*ty) == "number" => {
                    parts.push(format!("String(p.{name})"))
                }
                _ => parts.push(format!("p.{name}")),
            }
        }
    });
    if walked.is_err() {
        return format!("() => {}", lit(template));
    }
    if !text.is_empty() || parts.is_empty() {
        parts.push(lit(&text));
    }
    // A template that starts with a number param still reads as a string.
    let uses_params = parts
        .iter()
        .any(|p| p.starts_with("p.") || p.starts_with("String(p."));
    if uses_params {
        format!("(p) => {}", parts.join(" + "))
    } else {
        format!("() => {}", parts.join(" + "))
    }
}

/// The message tables: each code's typed params, the catalog's languages, and per
/// language the text of each code it translates. The runtime's `pickLocale`,
/// `errorMessage` and `errorTitle` read them.
fn messages(out: &mut String, specs: &[ErrorSpec], locales: Locales<'_>) {
    let sent: Vec<&ErrorSpec> = specs.iter().filter(|s| !s.is_concealed()).collect();
    out.push_str(
        "/** Each code's message params, by name: what `errorMessage` fills the message with. */\n\
         export interface ErrorParams {\n",
    );
    for s in &sent {
        let params = message_params(s);
        let ty = if params.is_empty() {
            "Record<string, never>".to_owned()
        } else {
            let fields: Vec<String> = params
                .iter()
                .map(|(name, ty)| format!("readonly {name}: {}", ts_type(*ty)))
                .collect();
            format!("{{ {} }}", fields.join("; "))
        };
        let _ = writeln!(out, "  {}: {ty};", lit(s.code()));
    }
    out.push_str("}\n\n");
    let tags: Vec<String> = std::iter::once(locales.own_tag())
        .chain(locales.files().iter().map(|f| f.tag().value().as_str()))
        .map(lit)
        .collect();
    let _ = write!(
        out,
        "/** The catalog's languages (BCP 47 tags): its own first, then one per locale file. */\n\
         export const LOCALES = [{}] as const;\n\n\
         /** One of the catalog's languages. */\n\
         export type Locale = (typeof LOCALES)[number];\n\n\
         /** The language of the catalog's own text, which every other falls back to. */\n\
         export const DEFAULT_LOCALE: Locale = {};\n\n",
        tags.join(", "),
        lit(locales.own_tag())
    );
    out.push_str(
        "/** The message tables, by language. */\n\
         export const MESSAGES: { readonly [L in Locale]: MessageTable } = {\n",
    );
    let _ = writeln!(out, "  {}: {{", lit(locales.own_tag()));
    for s in &sent {
        let _ = writeln!(
            out,
            "    {}: {{ message: {}, title: {} }},",
            lit(s.code()),
            message_fn(s, s.public_message()),
            lit(s.problem_title())
        );
    }
    out.push_str("  },\n");
    for file in locales.files() {
        let _ = writeln!(out, "  {}: {{", lit(file.tag().value()));
        for s in &sent {
            let Some(t) = shown(s, file) else { continue };
            let title = t.title().map_or_else(String::new, |title| {
                format!(", title: {}", lit(title.value()))
            });
            let _ = writeln!(
                out,
                "    {}: {{ message: {}{title} }},",
                lit(s.code()),
                message_fn(s, t.message().value())
            );
        }
        out.push_str("  },\n");
    }
    out.push_str("};\n\n");
}

/// The generated declarations before the runtime.
fn prelude(specs: &[ErrorSpec], locales: Locales<'_>) -> String {
    let mut out = String::from(
        "// Generated by auth-errors from the error catalog. Do not edit by hand.\n\
         // The business codes, their metadata, a WWW-Authenticate parser, and a fetch core,\n\
         // an openapi-fetch middleware and an axios adapter that refresh a token once and replay.\n\n",
    );
    // A concealed code never reaches a client, and the pack ships in every page: it names
    // only the codes a response can carry.
    let sent = || specs.iter().filter(|s| !s.is_concealed());
    let codes: Vec<String> = sent().map(|s| lit(s.code())).collect();
    let union = if codes.is_empty() {
        "never".to_owned()
    } else {
        codes.join(" | ")
    };
    let _ = writeln!(
        out,
        "/** The business codes of the catalog. */\nexport type ErrorCode = {union};\n"
    );
    let actions: Vec<String> = ClientAction::names().into_iter().map(lit).collect();
    let _ = writeln!(
        out,
        "/** What a client should do on receiving an error. */\nexport type ClientAction = {};\n",
        actions.join(" | ")
    );
    match super::body_format(specs) {
        BodyFormat::Problem => out.push_str(
            "/** The error body: RFC 9457 problem details with `code`. */\n\
             export interface ErrorBody {\n  type?: string;\n  title: string;\n  status: number;\n  detail: string;\n  code: ErrorCode;\n}\n\n",
        ),
        BodyFormat::Json => out.push_str(
            "/** The error body. */\nexport interface ErrorBody {\n  code: ErrorCode;\n  message: string;\n}\n\n",
        ),
    }
    out.push_str(
        "/** What the catalog says about a code. */\n\
         export interface ErrorMeta {\n  readonly status: number;\n  readonly error: string | null;\n  readonly action: ClientAction;\n  readonly title: string;\n  readonly deprecated: boolean;\n  readonly params: readonly string[];\n}\n\n",
    );
    out.push_str("/** Every code's metadata, in catalog order. */\nexport const ERRORS: { readonly [C in ErrorCode]: ErrorMeta } = {\n");
    for s in sent() {
        let error = s
            .public()
            .challenge()
            .and_then(|c| c.get("error"))
            .map_or_else(|| "null".to_owned(), lit);
        let params: Vec<String> = s.params().iter().map(|p| lit(p.name())).collect();
        let _ = writeln!(
            out,
            "  {}: {{ status: {}, error: {error}, action: {}, title: {}, deprecated: {}, params: [{}] }},",
            lit(s.code()),
            s.status(),
            lit(s.client().name()),
            lit(s.problem_title()),
            s.deprecated().is_some(),
            params.join(", ")
        );
    }
    out.push_str("};\n\n");
    out.push_str(
        "/** Whether a value is one of the catalog's codes. */\n\
         export function isErrorCode(value: unknown): value is ErrorCode {\n  \
         return typeof value === \"string\" && Object.prototype.hasOwnProperty.call(ERRORS, value);\n}\n\n",
    );
    match super::body_format(specs) {
        BodyFormat::Problem => out.push_str(
            "/** Whether a value is an error body of this catalog. */\n\
             export function isErrorBody(value: unknown): value is ErrorBody {\n  \
             if (typeof value !== \"object\" || value === null) return false;\n  \
             const v = value as Record<string, unknown>;\n  \
             return isErrorCode(v[\"code\"]) && typeof v[\"title\"] === \"string\" && typeof v[\"status\"] === \"number\" && typeof v[\"detail\"] === \"string\";\n}\n\n",
        ),
        BodyFormat::Json => out.push_str(
            "/** Whether a value is an error body of this catalog. */\n\
             export function isErrorBody(value: unknown): value is ErrorBody {\n  \
             if (typeof value !== \"object\" || value === null) return false;\n  \
             const v = value as Record<string, unknown>;\n  \
             return isErrorCode(v[\"code\"]) && typeof v[\"message\"] === \"string\";\n}\n\n",
        ),
    }
    messages(&mut out, specs, locales);
    out
}

/// The line of [`RUNTIME`] that names the axios adapter's section, the last one.
const AXIOS_SECTION: &str = "// The axios adapter:";

/// [`RUNTIME`] split before the axios adapter's section (at the rule above its title).
fn runtime_parts() -> (&'static str, &'static str) {
    let Some(title) = RUNTIME.find(AXIOS_SECTION) else {
        return (RUNTIME, "");
    };
    let start = RUNTIME[..title].rfind("\n// ---").map_or(title, |i| i + 1);
    RUNTIME.split_at(start)
}

/// The names `export`ed by `core`, with whether each is a type.
fn exports(core: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    for line in core.lines() {
        let Some(rest) = line.strip_prefix("export ") else {
            continue;
        };
        let (kind, rest) = rest.split_once(' ').unwrap_or((rest, ""));
        let is_type = match kind {
            "interface" | "type" => true,
            "function" | "const" | "class" => false,
            _ => continue,
        };
        let name: &str = rest
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$'))
            .next()
            .unwrap_or("");
        if !name.is_empty() {
            out.push((name, is_type));
        }
    }
    out
}

/// Whether `code` (comments left out) uses `name` as a whole word.
fn uses(code: &str, name: &str) -> bool {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    code.lines()
        .map(str::trim_start)
        .filter(|l| !(l.starts_with("//") || l.starts_with("/*") || l.starts_with('*')))
        .any(|line| {
            line.match_indices(name).any(|(i, _)| {
                let before = line[..i].chars().next_back();
                let after = line[i + name.len()..].chars().next();
                !before.is_some_and(is_word) && !after.is_some_and(is_word)
            })
        })
}

/// An npm package name from a catalog's file stem: lowercase, `[a-z0-9._-]`.
pub fn package_name(stem: &str) -> String {
    let mut name: String = stem
        .chars()
        .map(|c| match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9' | '-' | '.' | '_') => c,
            _ => '-',
        })
        .collect();
    name = name
        .trim_matches(|c| c == '-' || c == '.' || c == '_')
        .to_owned();
    if name.is_empty() {
        name.push_str("auth-errors");
    }
    name.push_str("-client");
    name
}

/// The pack as an npm package named `name`: `(path, contents)` for each file.
///
/// `src/index.ts` is the single-file form without the axios adapter, which is
/// `src/axios.ts` (the `./axios` entry point), so a project without axios still
/// type-checks. `package.json` maps both entry points to the ESM and `.d.ts` files
/// that `tsc -p tsconfig.json` writes to `dist/` (its `build` and `prepack` scripts);
/// there is no runtime dependency, and axios, ky, ofetch and openapi-fetch are optional
/// peers.
pub fn typescript_package(specs: &[ErrorSpec], name: &str) -> Vec<(&'static str, String)> {
    typescript_package_in(specs, Locales::default(), name)
}

/// [`typescript_package`] with a message table per language of `locales`, as
/// [`typescript_in`].
pub fn typescript_package_in(
    specs: &[ErrorSpec],
    locales: Locales<'_>,
    name: &str,
) -> Vec<(&'static str, String)> {
    let (core, axios) = runtime_parts();
    let mut index = prelude(specs, locales);
    index.push_str(core);
    let imports: Vec<String> = exports(&index)
        .into_iter()
        .filter(|(n, _)| uses(axios, n))
        .map(|(n, is_type)| {
            if is_type {
                format!("type {n}")
            } else {
                n.to_owned()
            }
        })
        .collect();
    let axios_ts = format!(
        "// Generated by auth-errors from the error catalog. Do not edit by hand.\n\
         // The axios adapter: `import {{ installAuthInterceptor }} from \"{name}/axios\"`.\n\n\
         import {{ {} }} from \"./index.js\";\n{axios}",
        imports.join(", ")
    );
    let package_json = format!(
        r#"{{
  "name": {name},
  "version": "0.1.0",
  "description": "Generated by auth-errors from the error catalog: the error codes, a WWW-Authenticate parser, a fetch core, an openapi-fetch middleware and an axios adapter.",
  "type": "module",
  "sideEffects": false,
  "exports": {{
    ".": {{
      "types": "./dist/index.d.ts",
      "import": "./dist/index.js"
    }},
    "./axios": {{
      "types": "./dist/axios.d.ts",
      "import": "./dist/axios.js"
    }},
    "./package.json": "./package.json"
  }},
  "main": "./dist/index.js",
  "types": "./dist/index.d.ts",
  "typesVersions": {{
    "*": {{
      "axios": ["./dist/axios.d.ts"]
    }}
  }},
  "files": ["dist", "src"],
  "scripts": {{
    "build": "tsc -p tsconfig.json",
    "prepack": "tsc -p tsconfig.json"
  }},
  "peerDependencies": {{
    "axios": ">=1.0.0",
    "ky": ">=1.0.0",
    "ofetch": ">=1.0.0",
    "openapi-fetch": ">=0.9.0"
  }},
  "peerDependenciesMeta": {{
    "axios": {{ "optional": true }},
    "ky": {{ "optional": true }},
    "ofetch": {{ "optional": true }},
    "openapi-fetch": {{ "optional": true }}
  }},
  "devDependencies": {{
    "typescript": ">=5.0.0"
  }}
}}
"#,
        name = lit(name)
    );
    // ES2017 without DOM or Node types: the pack needs neither, and runs in both.
    let tsconfig = r#"{
  "compilerOptions": {
    "strict": true,
    "noUncheckedIndexedAccess": true,
    "exactOptionalPropertyTypes": true,
    "verbatimModuleSyntax": true,
    "target": "es2017",
    "lib": ["es2017"],
    "types": [],
    "module": "esnext",
    "moduleResolution": "bundler",
    "declaration": true,
    "rootDir": "src",
    "outDir": "dist",
    "skipLibCheck": true
  },
  "include": ["src"]
}
"#;
    let readme = format!(
        "# {name}\n\n\
         Generated by auth-errors from the error catalog. Do not edit by hand: render it again\n\
         with `auth-errors docs CATALOG --format typescript-package --out DIR`.\n\n\
         Build with `npm install && npm run build` (`npm pack` builds too). No runtime\n\
         dependency.\n\n\
         ```ts\n\
         import {{ createAuthFetch, webStorageTokenStore }} from \"{name}\";\n\
         const authFetch = createAuthFetch(fetch, {{ store: webStorageTokenStore(), refresh }});\n\
         // openapi-fetch: client.use(createAuthMiddleware(fetch, {{ store, refresh }}));\n\
         // ky: ky.create({{ fetch: authFetch }}); ofetch: ofetch.create({{}}, {{ fetch: authFetch }});\n\
         // axios: import {{ installAuthInterceptor }} from \"{name}/axios\";\n\
         ```\n"
    );
    vec![
        ("package.json", package_json),
        ("tsconfig.json", tsconfig.to_owned()),
        ("README.md", readme),
        ("src/index.ts", index),
        ("src/axios.ts", axios_ts),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_runtime_splits_before_the_axios_adapter() {
        let (core, axios) = runtime_parts();
        assert!(
            axios.starts_with("// ---"),
            "{}",
            &axios[..40.min(axios.len())]
        );
        assert!(axios.contains(AXIOS_SECTION));
        assert!(axios.contains("from \"axios\""));
        assert!(!core.contains("from \"axios\""));
        assert!(core.contains("export function createAuthFetch"));
    }

    #[test]
    fn the_axios_entry_imports_what_it_uses_from_the_core() {
        let files = typescript_package(&[], "x-client");
        let axios = &files
            .iter()
            .find(|(p, _)| *p == "src/axios.ts")
            .map(|(_, c)| c.clone())
            .unwrap_or_default();
        let import = axios
            .lines()
            .find(|l| l.ends_with("from \"./index.js\";"))
            .unwrap_or("");
        for name in [
            "createAuthSession",
            "localRefreshLock",
            "bodyCodeOf",
            "type ReauthenticateReason",
            "type ResponseFacts",
        ] {
            assert!(import.contains(name), "{import}");
        }
        // Names only in comments are not imported.
        assert!(!import.contains("createAuthFetch"), "{import}");
    }

    #[test]
    fn package_names() {
        assert_eq!(package_name("auth-errors"), "auth-errors-client");
        assert_eq!(package_name("My Errors!"), "my-errors-client");
        assert_eq!(package_name("..."), "auth-errors-client");
    }
}
