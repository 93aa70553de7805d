//! The Markdown reference of a catalog.

use std::fmt::Write;

use crate::ErrorSpec;
use crate::body;
use crate::catalog::LocaleFile;

use super::example::{example, example_in};
use super::locales::shown;

/// Escapes text for a Markdown table cell: Markdown punctuation is backslash-escaped,
/// HTML is written as entities, `|` cannot end the cell, and line breaks become spaces.
pub(crate) fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A GitHub-style anchor for an entry's section; the alert rules' runbooks link to it.
pub(crate) fn anchor(code: &str) -> String {
    code.to_ascii_lowercase()
}

/// The reference: a summary table, then one section per entry with its docs and an
/// example response written out as HTTP.
pub fn markdown(specs: &[ErrorSpec]) -> String {
    reference(specs, None)
}

/// The reference in the language of a locale file: each entry's message, title and docs
/// as the file translates them (the catalog's own where it does not), and the examples
/// as the locale layers answer a request in that language. The codes, statuses,
/// challenges and the reference's own headings do not change.
///
/// ```
/// use auth_errors_core::{catalog, docs};
///
/// let text = "version: 1\nlocales: [fr.yaml]\nerrors:\n  TOKEN_MISSING:\n    status: 401\n    message: Sign in\n    challenge: {realm: api}\n";
/// let fr = "version: 1\nlocale: fr\nmessages:\n  TOKEN_MISSING:\n    message: Connectez-vous\n";
/// let cat = catalog::Loader::new().read(|_| Ok(fr.to_owned())).load(text, "api.yaml")?;
/// let Some(fr) = cat.locale("fr") else { unreachable!("the catalog names fr.yaml") };
/// let markdown = docs::markdown_in(&cat.to_specs(), fr);
/// assert!(markdown.contains("| 401 | `UNAUTHENTICATED` | — | Connectez-vous |"));
/// assert!(markdown.contains("Content-Language: fr"));
/// # Ok::<(), catalog::Diagnostics>(())
/// ```
pub fn markdown_in(specs: &[ErrorSpec], locale: &LocaleFile) -> String {
    reference(specs, Some(locale))
}

/// The reference, in the catalog's own language or a locale file's.
fn reference(specs: &[ErrorSpec], locale: Option<&LocaleFile>) -> String {
    let mut out = String::from("# API errors\n\n");
    if let Some(file) = locale {
        let _ = write!(
            out,
            "Language: `{}`. An entry the locale does not translate shows the catalog's own text.\n\n",
            file.tag().value().replace('`', "'")
        );
    }
    // What the locale says of an entry, if it says anything.
    let said = |s: &ErrorSpec| locale.and_then(|file| shown(s, file));
    out.push_str(
        "| Code | Status | gRPC | `error` | Message | What a client should do |\n|---|---|---|---|---|---|\n",
    );
    for s in specs {
        let error = s
            .public()
            .challenge()
            .and_then(|c| c.get("error"))
            .map_or_else(|| "—".to_owned(), |e| format!("`{}`", e.replace('`', "'")));
        let mut code = format!("[`{}`](#{})", s.code(), anchor(s.code()));
        if s.deprecated().is_some() {
            code.push_str(" (deprecated)");
        }
        let status = match s.concealed_as() {
            Some(public) => format!("{} (answers {})", s.status(), public.status()),
            None => s.status().to_string(),
        };
        let _ = writeln!(
            out,
            "| {code} | {status} | {} | {error} | {} | {} |",
            grpc(s),
            cell(said(s).map_or(s.public_message(), |t| t.message().value())),
            cell(s.client().describe())
        );
    }
    out.push_str(
        "\nThe codes of this table are the complete list of the `error.type` values (OpenTelemetry) \
         that the service's error responses record on their tracing event and span, and of the \
         `code` label of the `auth_errors_responses_total` counter.\n",
    );
    for s in specs {
        let _ = write!(out, "\n## {}\n\n", s.code());
        let reason = body::reason_phrase(s.status()).unwrap_or("");
        let _ = write!(
            out,
            "**{} {reason}** · gRPC {} · client action: `{}`",
            s.status(),
            grpc(s),
            s.client()
        );
        if let Some(since) = s.since() {
            let _ = write!(out, " · since {}", cell(since));
        }
        out.push_str("\n\n");
        let translation = said(s);
        let title = translation
            .and_then(|t| t.title())
            .map(|t| t.value().as_str())
            .or(s.title());
        if let Some(title) = title {
            let _ = write!(out, "*{}*\n\n", cell(title));
        }
        if let Some(reason) = s.deprecated() {
            if reason.is_empty() {
                out.push_str("> **Deprecated.**\n\n");
            } else {
                let _ = write!(out, "> **Deprecated:** {}\n\n", cell(reason));
            }
        }
        // The true face above, the public one here and in the example.
        if let Some(public) = s.concealed_as() {
            let reason = body::reason_phrase(public.status()).unwrap_or("");
            let _ = write!(
                out,
                "> **Concealed:** a client receives the response of [`{}`](#{}), byte for byte: **{} {reason}**. The code `{}` and status {} stay in logs and metrics (the tracing event's `concealed` flag).\n\n",
                public.code(),
                anchor(public.code()),
                public.status(),
                s.code(),
                s.status()
            );
        }
        if !s.params().is_empty() {
            out.push_str("Params: ");
            let list: Vec<String> = s
                .params()
                .iter()
                .map(|p| format!("`{}` ({})", p.name(), p.ty()))
                .collect();
            out.push_str(&list.join(", "));
            out.push_str("\n\n");
        }
        // Docs are Markdown written by the catalog's owners, kept as written.
        let docs = translation
            .and_then(|t| t.docs())
            .map(|t| t.value().as_str())
            .or(s.docs());
        if let Some(docs) = docs {
            out.push_str(docs.trim_end());
            out.push_str("\n\n");
        }
        if let Some(url) = s.type_uri() {
            let _ = write!(out, "More: <{}>\n\n", url.replace('>', "%3E"));
        }
        out.push_str("```http\n");
        let shown = match (locale, said(s.public())) {
            (Some(file), Some(translation)) => {
                example_in(s, translation, file.tag().value()).to_http()
            }
            _ => example(s).to_http(),
        };
        out.push_str(&shown);
        out.push_str("\n```\n");
    }
    out
}

/// The gRPC code an entry answers with (its public face's), `UNKNOWN` when it has none.
fn grpc(spec: &ErrorSpec) -> String {
    let code = spec
        .public()
        .grpc()
        .map_or("UNKNOWN", crate::spec::GrpcCode::name);
    format!("`{code}`")
}
