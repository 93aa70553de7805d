//! The comparisons of entries, and of the defaults every entry inherits: one small
//! function per compared value, each under the rule it states.

use crate::body::BodyFormat;
use crate::catalog::model::{Catalog, ChallengeDef, Entry, Spanned};

use super::change::{Changes, Side, Site};
use super::kind::ChangeKind;
use super::words::Words;

/// The code of an entry, as a change names it.
fn code(e: &Entry) -> Option<&str> {
    Some(&e.code.value)
}

/// The body format applies to every entry: a change changes every body. Breaking.
pub(super) fn body_format(c: &mut Changes<'_>) {
    let (old, new) = (c.old, c.new);
    if old.defaults().body != new.defaults().body {
        let file = |c: &Catalog| Site::new(&c.file, None);
        c.changed(
            ChangeKind::BodyFormat,
            None,
            Words::of("body format changed"),
            Side::bare(old.defaults().body.name(), file(old)),
            Side::bare(new.defaults().body.name(), file(new)),
        )
        .text(": every error body changes");
    }
}

/// `docs_url` is the problem `type` of every entry of a `problem` catalog, which clients
/// switch on: breaking there. In a `json` catalog it is documentation.
pub(super) fn docs_url(c: &mut Changes<'_>) {
    let (old, new) = (c.old, c.new);
    fn url(c: &Catalog) -> Option<&str> {
        c.defaults().docs_url.as_ref().map(|u| u.value.as_str())
    }
    if url(old) == url(new) {
        return;
    }
    let problem =
        old.defaults().body == BodyFormat::Problem && new.defaults().body == BodyFormat::Problem;
    let side = |c: &Catalog| {
        let at = c.defaults().docs_url.as_ref().and_then(|u| u.at);
        Side::quoted(url(c), Site::new(&c.file, at))
    };
    let (kind, means) = if problem {
        (
            ChangeKind::TypeUri,
            ": the problem type of every error changes",
        )
    } else {
        (ChangeKind::Docs, "")
    };
    let mut what = Words::default();
    what.bare("docs_url").text(" changed");
    c.changed(kind, None, what, side(old), side(new))
        .text(means);
}

/// A code is gone: clients that switch on it break, whether or not it was deprecated
/// first. Unless it is retired, a later catalog could give it another meaning.
pub(super) fn removed(c: &mut Changes<'_>, o: &Entry) {
    let mut w = Words::of("removed (status ");
    w.bare(o.status.value).text(")");
    if let Some(reason) = &o.deprecated {
        w.text(" after its deprecation");
        if !reason.value.is_empty() {
            w.text(" (").value(&reason.value).text(")");
        }
    }
    if c.new.retired.iter().any(|r| r.code.value == o.code.value) {
        w.text("; it is retired, so it can never be reused");
    } else {
        w.text("; it is not listed under ")
            .value("retired:")
            .text(", so a later catalog could reuse it: add it there");
    }
    c.push(
        ChangeKind::Removed,
        code(o),
        Some(Site::of(o, o.code.at)),
        None,
        w,
    );
}

/// A new code breaks no client of the old catalog.
pub(super) fn added(c: &mut Changes<'_>, n: &Entry) {
    let mut w = Words::of("added (status ");
    w.bare(n.status.value).text(")");
    c.push(
        ChangeKind::Added,
        code(n),
        None,
        Some(Site::of(n, n.code.at)),
        w,
    );
}

/// A code's HTTP status is part of its contract. Breaking.
pub(super) fn status(c: &mut Changes<'_>, o: &Entry, n: &Entry) {
    if o.status.value != n.status.value {
        c.changed(
            ChangeKind::Status,
            code(n),
            Words::of("status changed"),
            Side::bare(o.status.value, Site::of(o, o.status.at)),
            Side::bare(n.status.value, Site::of(n, n.status.at)),
        );
    }
}

/// The challenge's `error` (RFC 6750 §3) tells a client why it was refused: changed,
/// added or removed, it is breaking.
pub(super) fn challenge_error(c: &mut Changes<'_>, o: &Entry, n: &Entry) {
    fn error(e: &Entry) -> Option<&Spanned<String>> {
        e.challenges.first().and_then(|c| c.error.as_ref())
    }
    let (eo, en) = (error(o), error(n));
    if eo.map(|e| &e.value) == en.map(|e| &e.value) {
        return;
    }
    // The error where it stands, else its challenge, else the code.
    let site = |e: &Entry, error: Option<&Spanned<String>>| {
        let at = error.and_then(|v| v.at);
        Site::of(
            e,
            at.or(e.challenges.first().and_then(|c| c.at)).or(e.code.at),
        )
    };
    let (old, new) = (site(o, eo), site(n, en));
    let kind = ChangeKind::ChallengeError;
    match (eo, en) {
        (Some(a), Some(b)) => {
            c.changed(
                kind,
                code(n),
                Words::of("challenge error changed"),
                Side::quoted(Some(&a.value), old),
                Side::quoted(Some(&b.value), new),
            );
        }
        (None, Some(b)) => {
            let mut w = Words::of("challenge error ");
            w.value(&b.value).text(" added");
            c.push(kind, code(n), Some(old), Some(new), w)
                .set_values(None, Some(b.value.clone()));
        }
        (Some(a), None) => {
            let mut w = Words::of("challenge error ");
            w.value(&a.value).text(" removed");
            c.push(kind, code(n), Some(old), Some(new), w)
                .set_values(Some(a.value.clone()), None);
        }
        (None, None) => {}
    }
}

/// The auth-scheme decides which client code reads the challenge; it is compared
/// case-insensitively, as RFC 9110 §11.1 compares it. Breaking.
pub(super) fn scheme(c: &mut Changes<'_>, o: &Entry, n: &Entry) {
    let (Some(co), Some(cn)) = (o.challenges.first(), n.challenges.first()) else {
        return;
    };
    let (a, b) = (co.scheme(c.old.defaults()), cn.scheme(c.new.defaults()));
    if !a.value.eq_ignore_ascii_case(&b.value) {
        c.changed(
            ChangeKind::Scheme,
            code(n),
            Words::of("challenge scheme changed"),
            Side::bare(&a.value, Site::of(o, co.at)),
            Side::bare(&b.value, Site::of(n, cn.at)),
        );
    }
}

/// Message wording is for people: clients do not parse it.
pub(super) fn message(c: &mut Changes<'_>, o: &Entry, n: &Entry) {
    if o.message.value != n.message.value {
        c.changed(
            ChangeKind::Message,
            code(n),
            Words::of("message changed"),
            Side::quoted(Some(&o.message.value), Site::of(o, o.message.at)),
            Side::quoted(Some(&n.message.value), Site::of(n, n.message.at)),
        );
    }
}

/// Whether the message reaches the body is a change of the message.
pub(super) fn expose(c: &mut Changes<'_>, o: &Entry, n: &Entry) {
    if o.expose.value != n.expose.value {
        let w = Words::of(if n.expose.value {
            "the message now reaches the body (expose: true)"
        } else {
            "the message no longer reaches the body (expose: false)"
        });
        c.push(
            ChangeKind::Message,
            code(n),
            Some(Site::of(o, o.expose.at)),
            Some(Site::of(n, n.expose.at)),
            w,
        );
    }
}

/// Challenge attributes other than `error` (`realm`, `error_description`, `scope`,
/// extensions) inform a client but do not change what it does.
pub(super) fn challenge_attributes(c: &mut Changes<'_>, o: &Entry, n: &Entry) {
    let (Some(co), Some(cn)) = (o.challenges.first(), n.challenges.first()) else {
        return;
    };
    let (old, new) = (c.old, c.new);
    let attributes = |def: &ChallengeDef, catalog: &Catalog| -> Vec<(String, String)> {
        def.attributes(catalog.defaults())
            .into_iter()
            .filter(|(name, _)| !name.eq_ignore_ascii_case("error"))
            .map(|(name, v)| (name.to_owned(), v.value.clone()))
            .collect()
    };
    let changed = changed_names(&attributes(co, old), &attributes(cn, new));
    if let Some(w) = listed("challenge attributes changed: ", &changed) {
        c.push(
            ChangeKind::Challenge,
            code(n),
            Some(Site::of(o, co.at)),
            Some(Site::of(n, cn.at)),
            w,
        );
    }
}

/// Extra response headers are not part of the error's contract.
pub(super) fn headers(c: &mut Changes<'_>, o: &Entry, n: &Entry) {
    let headers = |e: &Entry| -> Vec<(String, String)> {
        e.headers
            .iter()
            .map(|(name, v)| (name.value.clone(), v.value.clone()))
            .collect()
    };
    let changed = changed_names(&headers(o), &headers(n));
    if let Some(w) = listed("extra headers changed: ", &changed) {
        c.push(
            ChangeKind::Headers,
            code(n),
            Some(Site::of(o, o.code.at)),
            Some(Site::of(n, n.code.at)),
            w,
        );
    }
}

/// What a client should do follows from the status and the challenge error, whose
/// changes are reported already; an entry's own `client:` is a change of its own, and a
/// hint, not a contract.
pub(super) fn client(c: &mut Changes<'_>, o: &Entry, n: &Entry) {
    let (ao, an) = (o.client_action(), n.client_action());
    let explicit = |e: &Entry| e.client.as_ref().map(|c| c.value);
    if ao != an && explicit(o) != explicit(n) {
        let site = |e: &Entry| Site::of(e, e.client.as_ref().map_or(e.code.at, |c| c.at));
        c.changed(
            ChangeKind::Client,
            code(n),
            Words::of("client action changed"),
            Side::bare(ao.name(), site(o)),
            Side::bare(an.name(), site(n)),
        );
    }
}

/// A deprecation announces a removal; it breaks nothing by itself.
pub(super) fn deprecated(c: &mut Changes<'_>, o: &Entry, n: &Entry) {
    let (w, old, new) = match (&o.deprecated, &n.deprecated) {
        (None, Some(reason)) => {
            let mut w = Words::of("deprecated");
            if !reason.value.is_empty() {
                w.text(": ").value(&reason.value);
            }
            (w, o.code.at, reason.at)
        }
        (Some(reason), None) => (Words::of("no longer deprecated"), reason.at, n.code.at),
        _ => return,
    };
    c.push(
        ChangeKind::Deprecated,
        code(n),
        Some(Site::of(o, old)),
        Some(Site::of(n, new)),
        w,
    );
}

/// Documentation (`title`, `docs`, `since`, a deprecation reason) is for people.
pub(super) fn docs(c: &mut Changes<'_>, o: &Entry, n: &Entry) {
    let text = |v: &Option<Spanned<String>>| v.as_ref().map(|v| v.value.clone());
    let reason_changed = o.deprecated.is_some()
        && n.deprecated.is_some()
        && text(&o.deprecated) != text(&n.deprecated);
    let docs: Vec<String> = [
        ("title", text(&o.title) != text(&n.title)),
        ("docs", text(&o.docs) != text(&n.docs)),
        ("since", text(&o.since) != text(&n.since)),
        ("deprecated", reason_changed),
    ]
    .into_iter()
    .filter(|(_, changed)| *changed)
    .map(|(name, _)| name.to_owned())
    .collect();
    if let Some(w) = listed("documentation changed: ", &docs) {
        c.push(
            ChangeKind::Docs,
            code(n),
            Some(Site::of(o, o.code.at)),
            Some(Site::of(n, n.code.at)),
            w,
        );
    }
}

/// "`what` a, b": the summary of a change to the values of `names`, if any changed.
fn listed(what: &str, names: &[String]) -> Option<Words> {
    let mut w = Words::of(what);
    w.list(names);
    (!names.is_empty()).then_some(w)
}

/// The names (case-insensitive, as header and auth-param names are) whose value differs
/// between two name → value lists, or that only one has: in the new list's order and
/// spelling, then the names only the old list has.
fn changed_names(old: &[(String, String)], new: &[(String, String)]) -> Vec<String> {
    let value = |list: &[(String, String)], name: &str| {
        list.iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let mut out: Vec<String> = Vec::new();
    for (name, _) in new.iter().chain(old) {
        if value(old, name) != value(new, name) && !out.iter().any(|n| n.eq_ignore_ascii_case(name))
        {
            out.push(name.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{cat, diff, kinds};

    const BAD: &str = "  BAD_INPUT:\n    status: 400\n    message: Bad input\n";
    const FORBIDDEN: &str = "  NO_ACCESS:\n    status: 403\n    message: No access\n    challenge:\n      error: insufficient_scope\n";

    /// The changes of one entry edited from `old` to `new` (its lines under `errors:`).
    fn edit(old: &str, new: &str) -> Vec<(&'static str, bool, String)> {
        let d = diff(&cat("", old), &cat("", new));
        kinds(&d)
            .into_iter()
            .map(|(k, b, s)| (k, b, s.to_owned()))
            .collect()
    }

    fn one(kind: &'static str, breaking: bool, summary: &str) -> Vec<(&'static str, bool, String)> {
        vec![(kind, breaking, summary.to_owned())]
    }

    #[test]
    fn a_status_change_is_breaking() {
        assert_eq!(
            edit(BAD, &BAD.replace("400", "422")),
            one("status", true, "status changed from 400 to 422")
        );
    }

    #[test]
    fn a_challenge_error_changed_added_or_removed_is_breaking() {
        let token = FORBIDDEN
            .replace("403", "401")
            .replace("insufficient_scope", "invalid_token");
        let none = FORBIDDEN
            .replace("403", "401")
            .replace("      error: insufficient_scope\n", "      realm: api\n");
        let changed = edit(
            FORBIDDEN,
            &FORBIDDEN
                .replace("insufficient_scope", "invalid_request")
                .replace("403", "400"),
        );
        assert_eq!(
            changed[1],
            (
                "challenge-error",
                true,
                "challenge error changed from 'insufficient_scope' to 'invalid_request'".to_owned()
            )
        );
        let removed = edit(&token, &none);
        assert_eq!(
            removed[0],
            (
                "challenge-error",
                true,
                "challenge error 'invalid_token' removed".to_owned()
            )
        );
        let added = edit(&none, &token);
        assert_eq!(
            added[0],
            (
                "challenge-error",
                true,
                "challenge error 'invalid_token' added".to_owned()
            )
        );
    }

    #[test]
    fn a_scheme_change_is_breaking_but_not_its_case() {
        let bearer = "  NO_TOKEN:\n    status: 401\n    message: Sign in\n    challenge:\n      scheme: Bearer\n      realm: api\n";
        assert_eq!(edit(bearer, &bearer.replace("Bearer", "bearer")), []);
        assert_eq!(
            edit(bearer, &bearer.replace("Bearer", "DPoP")),
            one(
                "scheme",
                true,
                "challenge scheme changed from Bearer to DPoP"
            )
        );
    }

    #[test]
    fn wording_exposure_attributes_headers_and_docs_are_not_breaking() {
        let cases = [
            (
                BAD.replace("Bad input", "Invalid input"),
                "message",
                "message changed from 'Bad input' to 'Invalid input'",
            ),
            (
                FORBIDDEN.replace(
                    "error: insufficient_scope",
                    "error: insufficient_scope\n      scope: read",
                ),
                "challenge",
                "challenge attributes changed: scope",
            ),
            (
                format!("{BAD}    headers:\n      Retry-After: 30\n"),
                "headers",
                "extra headers changed: Retry-After",
            ),
            (
                format!("{BAD}    title: Bad\n    since: 1.2.0\n"),
                "docs",
                "documentation changed: title, since",
            ),
            (
                format!("{BAD}    deprecated: Use NO_ACCESS\n"),
                "deprecated",
                "deprecated: 'Use NO_ACCESS'",
            ),
        ];
        for (new, kind, summary) in cases {
            let old = if kind == "challenge" { FORBIDDEN } else { BAD };
            assert_eq!(edit(old, &new), one(kind, false, summary), "{kind}");
        }
        let server = "  DOWN:\n    status: 503\n    message: Down\n";
        assert_eq!(
            edit(server, &format!("{server}    expose: false\n")),
            one(
                "message",
                false,
                "the message no longer reaches the body (expose: false)"
            )
        );
        assert_eq!(
            edit(&format!("{BAD}    deprecated: true\n"), BAD),
            one("deprecated", false, "no longer deprecated")
        );
    }

    #[test]
    fn an_explicit_client_action_is_a_change_a_derived_one_is_not() {
        let retry = format!("{BAD}    client: retry\n");
        assert_eq!(
            edit(BAD, &retry),
            one("client", false, "client action changed from none to retry")
        );
        // What a client does on a 400 is `none` already: saying so changes nothing.
        assert_eq!(edit(BAD, &format!("{BAD}    client: none\n")), []);
        // A new status changes the derived action too; only the status is reported.
        let kinds: Vec<&str> = edit(BAD, &BAD.replace("400", "429"))
            .iter()
            .map(|c| c.0)
            .collect();
        assert_eq!(kinds, ["status"]);
    }

    #[test]
    fn a_removed_code_is_breaking_an_added_one_is_not() {
        let both = format!("{BAD}{FORBIDDEN}");
        assert_eq!(
            edit(&both, FORBIDDEN),
            one(
                "removed",
                true,
                "removed (status 400); it is not listed under 'retired:', so a later catalog could reuse it: add it there"
            )
        );
        assert_eq!(
            edit(FORBIDDEN, &both),
            one("added", false, "added (status 400)")
        );
        let d = diff(&cat("", &both), &cat("retired: [BAD_INPUT]\n", FORBIDDEN));
        assert_eq!(
            kinds(&d),
            [(
                "removed",
                true,
                "removed (status 400); it is retired, so it can never be reused"
            )]
        );
    }

    #[test]
    fn the_body_format_and_a_problem_docs_url_are_breaking() {
        let problem = "defaults:\n  body: problem\n";
        let url = |u: &str| format!("defaults:\n  body: problem\n  docs_url: {u}\n");
        assert_eq!(
            kinds(&diff(&cat("", BAD), &cat(problem, BAD))),
            [(
                "body-format",
                true,
                "body format changed from json to problem: every error body changes"
            )]
        );
        assert_eq!(
            kinds(&diff(
                &cat(problem, BAD),
                &cat(&url("https://e.example/{code}"), BAD)
            )),
            [(
                "type-uri",
                true,
                "docs_url changed from none to 'https://e.example/{code}': the problem type of every error changes"
            )]
        );
        let json = "defaults:\n  docs_url: https://e.example/{code}\n";
        assert_eq!(
            kinds(&diff(&cat(json, BAD), &cat("", BAD))),
            [(
                "docs",
                false,
                "docs_url changed from 'https://e.example/{code}' to none"
            )]
        );
    }
}
