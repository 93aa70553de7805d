//! The locale files a catalog lists (`locales:`): read, loaded and checked against the
//! composed catalog, each mistake named by the locale file's line and column.
//!
//! The rules, in the order they run for each file:
//! - `locale-tag`: the tag is a well-formed BCP 47 tag (RFC 5646), as is `defaults.locale`;
//! - `locale-duplicate`: no two files, nor a file and the catalog, share a tag;
//! - `locale-unknown-code`, `locale-retired-code`: every key is a code the catalog defines;
//! - `template`, `locale-placeholder`, `locale-param-missing`: a translation uses the
//!   placeholders of its entry's message, every one of them and no other;
//! - `locale-incomplete` (a warning): every entry the catalog answers with has a translation.

use std::collections::HashSet;

use crate::locale::LanguageTag;
use crate::template;

use super::compose::include_path;
use super::diagnostic::{CatalogRule, Diagnostic, Sink};
use super::hint::nearest;
use super::model::{Defaults, Entry, LocaleFile, Retired, Spanned, Translation};
use super::{load, valid, yaml};

/// Reads, loads and checks every locale file the root catalog (read by the name `root`)
/// lists; `read` reads a file by its name, `show` names it for diagnostics. The files that
/// loaded are returned with every diagnostic found, in file order.
pub(crate) fn read_all(
    root: &str,
    paths: &[Spanned<String>],
    (defaults, entries, retired): (&Defaults, &[Entry], &[Retired]),
    read: &mut super::compose::Read<'_>,
    show: &super::compose::Show<'_>,
    root_sink: &mut Sink,
) -> (Vec<LocaleFile>, Vec<(String, Vec<Diagnostic>)>) {
    let mut tags: Vec<(String, Spanned<String>)> = Vec::new();
    if let Some(own) = defaults.own_locale() {
        locale_tag(own, root_sink);
    }
    let own_tag = Spanned::new(
        defaults.locale().to_owned(),
        defaults.own_locale().and_then(Spanned::at),
    );
    tags.push((root_sink.file().to_owned(), own_tag));
    let mut files = Vec::new();
    let mut found = Vec::new();
    for path in paths {
        let name = include_path(root, &path.value);
        let shown = show(&name);
        let text = match read(&name) {
            Ok(text) => text,
            Err(e) => {
                root_sink.push(
                    path.at,
                    None,
                    CatalogRule::Include,
                    format!("cannot read the locale file '{name}': {e}"),
                );
                continue;
            }
        };
        let root_node = match yaml::parse(&text, &shown) {
            Ok(node) => node,
            Err(d) => {
                found.push((shown, vec![d]));
                continue;
            }
        };
        let mut sink = Sink::new(&shown);
        if let Some(doc) = load::locale_file(&root_node, &mut sink)
            && let Some(file) = check(doc, &tags, entries, retired, &mut sink)
        {
            tags.push((shown.clone(), file.tag.clone()));
            files.push(file);
        }
        found.push((shown, sink.finish()));
    }
    (files, found)
}

/// Runs the rules over one loaded locale file; the file is kept (with its sound
/// translations) when its tag is sound.
fn check(
    doc: load::LocaleDoc,
    tags: &[(String, Spanned<String>)],
    entries: &[Entry],
    retired: &[Retired],
    sink: &mut Sink,
) -> Option<LocaleFile> {
    let tag = doc.tag?;
    let sound_tag = locale_tag(&tag, sink) && locale_unique(&tag, tags, sink);
    let mut messages = Vec::new();
    let mut seen = HashSet::new();
    for translation in doc.messages {
        let Some(entry) = translated_entry(&translation, entries, retired, sink) else {
            continue;
        };
        // Translated even when unsound: one mistake, one diagnostic.
        seen.insert(entry.code.value.clone());
        if translation_placeholders(&translation, entry, sink) {
            messages.push(translation);
        }
    }
    locale_complete(&tag, entries, &seen, sink);
    sound_tag.then(|| LocaleFile {
        file: sink.file().to_owned(),
        tag,
        messages,
    })
}

/// `locale-tag`: a well-formed BCP 47 language tag.
fn locale_tag(tag: &Spanned<String>, sink: &mut Sink) -> bool {
    match LanguageTag::new(&tag.value) {
        Ok(_) => true,
        Err(e) => {
            sink.push(
                tag.at,
                None,
                CatalogRule::LocaleTag,
                format!(
                    "'{}' is not a well-formed BCP 47 language tag (RFC 5646): {e}; write a tag such as 'fr', 'de-CH' or 'zh-Hans'",
                    tag.value
                ),
            );
            false
        }
    }
}

/// `locale-duplicate`: no two locales with one tag (tags compare case-insensitively).
fn locale_unique(
    tag: &Spanned<String>,
    tags: &[(String, Spanned<String>)],
    sink: &mut Sink,
) -> bool {
    let Some((file, first)) = tags
        .iter()
        .find(|(_, t)| t.value.eq_ignore_ascii_case(&tag.value))
    else {
        return true;
    };
    let at = match first.at {
        Some(at) => format!("{file}:{at}"),
        None => format!("{file} (the catalog's own language, 'defaults.locale')"),
    };
    sink.push(
        tag.at,
        None,
        CatalogRule::LocaleDuplicate,
        format!(
            "the locale '{}' is already given by {at}; each language has one file",
            tag.value
        ),
    );
    false
}

/// `locale-unknown-code`, `locale-retired-code`: the entry a translation is for.
fn translated_entry<'e>(
    translation: &Translation,
    entries: &'e [Entry],
    retired: &[Retired],
    sink: &mut Sink,
) -> Option<&'e Entry> {
    let code = &translation.code;
    if let Some(entry) = entries.iter().find(|e| e.code.value == code.value) {
        return Some(entry);
    }
    if retired.iter().any(|r| r.code.value == code.value) {
        sink.push(
            code.at,
            Some(&code.value),
            CatalogRule::LocaleRetiredCode,
            "the code is retired: no response carries it, so it has nothing to translate; remove it",
        );
        return None;
    }
    // `nearest` compares against lower-case names.
    let lower: Vec<String> = entries
        .iter()
        .map(|e| e.code.value.to_ascii_lowercase())
        .collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    let near = nearest(&code.value, &lower).and_then(|n| lower.iter().position(|l| *l == n));
    let hint = match near {
        Some(i) => format!(" (did you mean '{}'?)", entries[i].code.value),
        None => String::new(),
    };
    sink.push(
        code.at,
        Some(&code.value),
        CatalogRule::LocaleUnknownCode,
        format!("the catalog defines no such code{hint}"),
    );
    None
}

/// `template`, `locale-placeholder`, `locale-param-missing`: the translation's message
/// is a template of the entry's params, and uses each placeholder the entry's message
/// uses. `true` when it can stand in for the entry's message.
fn translation_placeholders(translation: &Translation, entry: &Entry, sink: &mut Sink) -> bool {
    let code = Some(entry.code.value.as_str());
    let message = &translation.message;
    let Some(used) = valid::placeholders(message, "message", code, sink) else {
        return false;
    };
    let mut sound = true;
    // A misspelt placeholder (`{scop}`) is one mistake: the param it stands for is not
    // reported missing as well.
    let mut suggested = Vec::new();
    for name in &used {
        if entry.param(name).is_none() {
            let declared: Vec<&str> = entry.params.iter().map(|p| p.name.as_str()).collect();
            let near = nearest(name, &declared);
            suggested.extend(near);
            let hint = match near {
                Some(near) => format!("did you mean '{{{near}}}'?"),
                None if declared.is_empty() => "the entry has no params".to_owned(),
                None => format!("its params: {}", declared.join(", ")),
            };
            sink.push(
                message.at,
                code,
                CatalogRule::LocalePlaceholder,
                format!(
                    "the translation uses {{{name}}}, which is not a param of the entry ({hint})"
                ),
            );
            sound = false;
        }
    }
    for name in template::placeholders(&entry.message.value) {
        if !used.contains(&name) && !suggested.contains(&name) {
            sound = false;
            sink.push(
                message.at,
                code,
                CatalogRule::LocaleParamMissing,
                format!(
                    "the translation leaves out {{{name}}}, which the entry's message uses{}; a client would lose the value",
                    entry.message.at.map(|at| format!(" (line {} of {})", at.line(), entry.origin)).unwrap_or_default()
                ),
            );
        }
    }
    sound
}

/// `locale-incomplete`: the entries a locale leaves in the catalog's language. A
/// concealed entry answers with its target's text, and one with `expose: false` with the
/// generic message, so neither needs a translation of its own.
fn locale_complete(
    tag: &Spanned<String>,
    entries: &[Entry],
    translated: &HashSet<String>,
    sink: &mut Sink,
) {
    let missing: Vec<&str> = entries
        .iter()
        .filter(|e| e.conceal_as.is_none() && e.expose.value && !translated.contains(&e.code.value))
        .map(|e| e.code.value.as_str())
        .collect();
    if missing.is_empty() {
        return;
    }
    sink.push(
        tag.at,
        None,
        CatalogRule::LocaleIncomplete,
        format!(
            "the locale '{}' has no translation for {}: {}; they answer in the catalog's own language",
            tag.value,
            if missing.len() == 1 { "one entry" } else { "these entries" },
            missing.join(", ")
        ),
    );
}
