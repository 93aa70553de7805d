//! Checks a live API against the 401/403 rules (feature `probe`; the CLI's
//! `auth-errors probe URL`), whatever it is written in.
//!
//! [`run`] sends a small, bounded set of requests to one endpoint (at most nine, each
//! with a timeout, redirects never followed) and gives a [`Report`]: each rule of
//! [`rules::ALL`] passed, failed, warned or not checked, with its standard and what was
//! seen. Tokens are sent, never printed.
//!
//! ```no_run
//! use auth_errors::probe::{Options, run};
//!
//! let report = run(&Options::new("http://127.0.0.1:3000/orders").expired_token("expired"))?;
//! print!("{}", report.to_text());
//! assert!(!report.failed());
//! # Ok::<(), auth_errors::probe::ProbeError>(())
//! ```

pub mod rules;

use std::fmt;
use std::time::Duration;

use reqwest::blocking::{Client, Response};
use reqwest::header::HeaderMap;

use crate::challenge::{ParsedChallenge, parse_lines};
use rules::Rule;

/// The largest body read from a response.
const MAX_BODY: usize = 64 * 1024;

/// A token of valid syntax that no server issued.
const GARBAGE_TOKEN: &str = "auth-errors-probe.not-a-valid-token.x";

/// `Bearer` followed by a token outside RFC 6750's `b64token` (`=` only at its end).
const MALFORMED_AUTHORIZATION: &str = "Bearer ===probe";

/// What to probe, and with which tokens.
#[derive(Clone)]
pub struct Options {
    url: String,
    method: String,
    token: Option<String>,
    expired_token: Option<String>,
    forbidden_token: Option<String>,
    origin: Option<String>,
    headers: Vec<(String, String)>,
    timeout: Duration,
}

/// Tokens are secrets: `Debug` says which are set, not what they are.
impl fmt::Debug for Options {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Options")
            .field("url", &self.url)
            .field("method", &self.method)
            .field("token", &self.token.is_some())
            .field("expired_token", &self.expired_token.is_some())
            .field("forbidden_token", &self.forbidden_token.is_some())
            .field("origin", &self.origin)
            .field("headers", &self.headers.len())
            .field("timeout", &self.timeout)
            .finish()
    }
}

impl Options {
    /// Probe `url` with `GET`, 10 s per request, and no tokens.
    pub fn new(url: impl Into<String>) -> Options {
        Options {
            url: url.into(),
            method: "GET".to_owned(),
            token: None,
            expired_token: None,
            forbidden_token: None,
            origin: None,
            headers: Vec::new(),
            timeout: Duration::from_secs(10),
        }
    }

    /// The method of every request (default `GET`).
    pub fn method(mut self, method: impl Into<String>) -> Self {
        self.method = method.into();
        self
    }

    /// A valid token: the endpoint should answer it 2xx.
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(token.into());
        self
    }

    /// An expired token: the endpoint should answer it 401 `invalid_token`.
    pub fn expired_token(mut self, token: impl Into<String>) -> Self {
        self.expired_token = Some(token.into());
        self
    }

    /// A valid token lacking the endpoint's scope: 403 `insufficient_scope` expected.
    pub fn forbidden_token(mut self, token: impl Into<String>) -> Self {
        self.forbidden_token = Some(token.into());
        self
    }

    /// A page origin (`http://localhost:5173`): also check CORS for it.
    pub fn origin(mut self, origin: impl Into<String>) -> Self {
        self.origin = Some(origin.into());
        self
    }

    /// A header sent with every request (an API key, a tenant id).
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// The time each request may take (default 10 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }
}

/// Why a probe could not run at all.
#[derive(Debug)]
#[non_exhaustive]
pub enum ProbeError {
    /// The URL, the method or a header is not valid.
    Input(String),
    /// The first request got no response (refused, timed out, TLS failed).
    Unreachable(String),
}

impl fmt::Display for ProbeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProbeError::Input(what) => write!(f, "{what}"),
            ProbeError::Unreachable(why) => write!(f, "the URL cannot be reached: {why}"),
        }
    }
}

impl std::error::Error for ProbeError {}

/// How a rule fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The API does what the rule asks.
    Pass,
    /// It does not.
    Fail,
    /// It does something the rule advises against; not a failure.
    Warn,
    /// The probe had nothing to check it with (no `--token`, no `--origin`).
    NotChecked,
}

impl Outcome {
    /// The word printed for it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::Warn => "warn",
            Outcome::NotChecked => "not checked",
        }
    }
}

/// One rule's outcome and what the probe saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule.
    pub rule: Rule,
    /// How it fared.
    pub outcome: Outcome,
    /// What was seen (a status, a header, a body's start), or why it was not checked.
    pub saw: String,
}

/// The outcome of every rule, in the order of [`rules::ALL`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The method and URL probed.
    pub target: String,
    /// One finding per rule.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Whether a rule failed (the CLI exits 1).
    pub fn failed(&self) -> bool {
        self.findings.iter().any(|f| f.outcome == Outcome::Fail)
    }

    /// The finding of the rule with `id`.
    pub fn finding(&self, id: &str) -> Option<&Finding> {
        self.findings.iter().find(|f| f.rule.id == id)
    }

    /// The report for people: one line per rule (what was seen, cut to fit), then a
    /// count; [`to_json`](Report::to_json) has it all.
    pub fn to_text(&self) -> String {
        let mut out = format!("auth-errors probe {}\n", self.target);
        let width = rules::ALL.iter().map(|r| r.id.len()).max().unwrap_or(0);
        for f in &self.findings {
            let word = match f.outcome {
                Outcome::Fail => "FAIL".to_owned(),
                o => o.as_str().to_owned(),
            };
            out.push_str(&format!(
                "  {word:<11} {:<width$}  {}  ({})\n",
                f.rule.id,
                clip(&f.saw, 72),
                f.rule.source
            ));
        }
        let count = |o: Outcome| self.findings.iter().filter(|f| f.outcome == o).count();
        out.push_str(&format!(
            "{} rules: {} pass, {} fail, {} warn, {} not checked\n",
            self.findings.len(),
            count(Outcome::Pass),
            count(Outcome::Fail),
            count(Outcome::Warn),
            count(Outcome::NotChecked)
        ));
        out
    }

    /// The report as JSON: `{"target", "failed", "findings": [{"rule", "outcome",
    /// "source", "asks", "saw"}]}`.
    pub fn to_json(&self) -> String {
        let findings: Vec<serde_json::Value> = self
            .findings
            .iter()
            .map(|f| {
                serde_json::json!({
                    "rule": f.rule.id,
                    "outcome": f.outcome.as_str(),
                    "source": f.rule.source,
                    "asks": f.rule.asks,
                    "saw": f.saw,
                })
            })
            .collect();
        serde_json::json!({
            "target": self.target,
            "failed": self.failed(),
            "findings": findings,
        })
        .to_string()
    }
}

/// One response, as far as the rules look at it.
struct Seen {
    status: u16,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Seen {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The challenges of every `WWW-Authenticate` line, or why there are none.
    fn challenges(&self) -> Result<Vec<ParsedChallenge>, String> {
        let lines: Vec<&str> = self
            .headers
            .get_all("www-authenticate")
            .iter()
            .map(|v| {
                v.to_str()
                    .map_err(|_| "WWW-Authenticate is not ASCII".to_owned())
            })
            .collect::<Result<_, _>>()?;
        if lines.is_empty() {
            return Err("no WWW-Authenticate".to_owned());
        }
        parse_lines(lines.iter().copied())
            .map_err(|e| format!("WWW-Authenticate does not parse: {e}"))
    }

    fn bearer(&self) -> Result<ParsedChallenge, String> {
        self.challenges()?
            .into_iter()
            .find(|c| c.scheme_is("Bearer"))
            .ok_or_else(|| "no Bearer challenge".to_owned())
    }

    fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// `401`, `302 to /login`, `200 {"code":401,…}`: what a finding shows.
    fn describe(&self) -> String {
        let mut s = self.status.to_string();
        if (300..400).contains(&self.status) {
            s.push_str(&format!(" to {}", self.header("location").unwrap_or("?")));
        }
        if let Some(c) = self.header("www-authenticate") {
            s.push_str(&format!(", WWW-Authenticate: {}", clip(c, 120)));
        }
        if (200..300).contains(&self.status) || self.status >= 400 {
            let body = String::from_utf8_lossy(&self.body);
            let body = body.trim();
            if !body.is_empty() {
                s.push_str(&format!(", body {}", clip(body, 80)));
            }
        }
        s
    }
}

/// At most `n` characters of `s`, on one line.
fn clip(s: &str, n: usize) -> String {
    let one_line: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    match one_line.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &one_line[..i]),
        None => one_line,
    }
}

struct Prober<'a> {
    client: Client,
    method: reqwest::Method,
    options: &'a Options,
}

impl Prober<'_> {
    fn send(
        &self,
        method: reqwest::Method,
        authorization: Option<&str>,
        extra: &[(&str, &str)],
    ) -> Result<Seen, String> {
        let mut request = self.client.request(method, &self.options.url);
        for (name, value) in &self.options.headers {
            request = request.header(name.as_str(), value.as_str());
        }
        if let Some(a) = authorization {
            request = request.header("authorization", a);
        }
        for (name, value) in extra {
            request = request.header(*name, *value);
        }
        let mut response: Response = request.send().map_err(|e| e.to_string())?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let mut body = Vec::new();
        let mut chunk = [0u8; 8192];
        loop {
            use std::io::Read;
            match response.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => {
                    body.extend_from_slice(&chunk[..n]);
                    if body.len() >= MAX_BODY {
                        body.truncate(MAX_BODY);
                        break;
                    }
                }
                Err(_) => break,
            }
        }
        Ok(Seen {
            status,
            headers,
            body,
        })
    }

    fn bearer_request(&self, token: &str) -> Result<Seen, String> {
        self.send(self.method.clone(), Some(&format!("Bearer {token}")), &[])
    }
}

/// Probes the endpoint of `options` and reports on every rule; `Err` only when the
/// URL, the method or a header is invalid, or the first request gets no response.
pub fn run(options: &Options) -> Result<Report, ProbeError> {
    let method = reqwest::Method::from_bytes(options.method.as_bytes())
        .map_err(|_| ProbeError::Input(format!("{:?} is not an HTTP method", options.method)))?;
    let url = reqwest::Url::parse(&options.url)
        .map_err(|e| ProbeError::Input(format!("{:?} is not a URL: {e}", options.url)))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(ProbeError::Input(format!(
            "{:?} is not an http(s) URL",
            options.url
        )));
    }
    for (name, value) in &options.headers {
        if reqwest::header::HeaderName::from_bytes(name.as_bytes()).is_err()
            || reqwest::header::HeaderValue::from_str(value).is_err()
        {
            return Err(ProbeError::Input(format!("{name:?} is not a valid header")));
        }
    }
    let client = Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(options.timeout)
        .build()
        .map_err(|e| ProbeError::Input(format!("the HTTP client cannot be built: {e}")))?;
    let p = Prober {
        client,
        method: method.clone(),
        options,
    };
    let origin: Vec<(&str, &str)> = options
        .origin
        .as_deref()
        .map(|o| vec![("origin", o)])
        .unwrap_or_default();

    // Every request, sent before any rule is judged; the first must get an answer.
    let none = p
        .send(method.clone(), None, &origin)
        .map_err(ProbeError::Unreachable)?;
    let malformed = p.send(method.clone(), Some(MALFORMED_AUTHORIZATION), &[]);
    let garbage = p.bearer_request(GARBAGE_TOKEN);
    let expired = options
        .expired_token
        .as_deref()
        .map(|t| p.bearer_request(t));
    let valid = options.token.as_deref().map(|t| p.bearer_request(t));
    let forbidden = options
        .forbidden_token
        .as_deref()
        .map(|t| p.bearer_request(t));
    let preflight = options.origin.as_deref().map(|o| {
        p.send(
            reqwest::Method::OPTIONS,
            None,
            &[
                ("origin", o),
                ("access-control-request-method", method.as_str()),
                ("access-control-request-headers", "authorization"),
            ],
        )
    });

    let mut findings = Vec::new();
    let mut add =
        |rule: Rule, outcome: Outcome, saw: String| findings.push(Finding { rule, outcome, saw });

    // No credentials.
    let status = match none.status {
        401 => Outcome::Pass,
        _ => Outcome::Fail,
    };
    add(rules::NO_CREDENTIALS_STATUS, status, none.describe());
    match none.bearer() {
        Ok(_) => add(
            rules::NO_CREDENTIALS_CHALLENGE,
            Outcome::Pass,
            none.describe(),
        ),
        Err(why) if none.status == 401 || none.headers.contains_key("www-authenticate") => add(
            rules::NO_CREDENTIALS_CHALLENGE,
            Outcome::Fail,
            format!("{why}: {}", none.describe()),
        ),
        Err(_) => add(
            rules::NO_CREDENTIALS_CHALLENGE,
            Outcome::Fail,
            format!("no 401 and no challenge: {}", none.describe()),
        ),
    }
    match none.bearer() {
        Ok(c) => match c.param("error") {
            None => add(
                rules::NO_CREDENTIALS_NO_ERROR,
                Outcome::Pass,
                "no error attribute".into(),
            ),
            Some(e) => add(
                rules::NO_CREDENTIALS_NO_ERROR,
                Outcome::Fail,
                format!("error=\"{}\" on a request that sent no token", clip(e, 40)),
            ),
        },
        Err(why) => add(rules::NO_CREDENTIALS_NO_ERROR, Outcome::NotChecked, why),
    }

    // A malformed Authorization header.
    match &malformed {
        Ok(seen) if matches!(seen.status, 400 | 401) => add(
            rules::MALFORMED_AUTHORIZATION,
            Outcome::Pass,
            seen.describe(),
        ),
        Ok(seen) => add(
            rules::MALFORMED_AUTHORIZATION,
            Outcome::Fail,
            seen.describe(),
        ),
        Err(e) => add(
            rules::MALFORMED_AUTHORIZATION,
            Outcome::Fail,
            format!("request failed: {e}"),
        ),
    }

    // Tokens that must be refused with invalid_token.
    for (rule, seen) in [
        (rules::GARBAGE_TOKEN, Some(&garbage)),
        (rules::EXPIRED_TOKEN, expired.as_ref()),
    ] {
        match seen {
            None => add(rule, Outcome::NotChecked, "no --expired-token given".into()),
            Some(Err(e)) => add(rule, Outcome::Fail, format!("request failed: {e}")),
            Some(Ok(seen)) => {
                let error = seen
                    .bearer()
                    .ok()
                    .and_then(|c| c.param("error").map(str::to_owned));
                let ok = seen.status == 401 && error.as_deref() == Some("invalid_token");
                let outcome = if ok { Outcome::Pass } else { Outcome::Fail };
                add(rule, outcome, seen.describe());
            }
        }
    }

    // A valid token.
    match &valid {
        None => add(
            rules::VALID_TOKEN,
            Outcome::NotChecked,
            "no --token given".into(),
        ),
        Some(Err(e)) => add(
            rules::VALID_TOKEN,
            Outcome::Fail,
            format!("request failed: {e}"),
        ),
        Some(Ok(seen)) => {
            let outcome = if (200..300).contains(&seen.status) {
                Outcome::Pass
            } else {
                Outcome::Fail
            };
            add(rules::VALID_TOKEN, outcome, seen.status.to_string());
        }
    }

    // A valid token without the scope.
    match &forbidden {
        None => add(
            rules::FORBIDDEN_TOKEN,
            Outcome::NotChecked,
            "no --forbidden-token given".into(),
        ),
        Some(Err(e)) => add(
            rules::FORBIDDEN_TOKEN,
            Outcome::Fail,
            format!("request failed: {e}"),
        ),
        Some(Ok(seen)) => {
            let challenge = seen.bearer().ok();
            let error = challenge.as_ref().and_then(|c| c.param("error"));
            let scope = challenge.as_ref().and_then(|c| c.param("scope"));
            let ok = seen.status == 403
                && error == Some("insufficient_scope")
                && scope.is_some_and(|s| !s.trim().is_empty());
            let mut saw = seen.describe();
            if seen.status == 403 && scope.is_none() {
                saw.push_str(" (no scope named)");
            }
            add(
                rules::FORBIDDEN_TOKEN,
                if ok { Outcome::Pass } else { Outcome::Fail },
                saw,
            );
        }
    }

    // Every response at once: no error wrapped in a 2xx, no redirect, JSON error bodies.
    let refused: Vec<&Seen> = [Some(&none), malformed.as_ref().ok(), garbage.as_ref().ok()]
        .into_iter()
        .chain([expired.as_ref(), forbidden.as_ref()].map(|r| r.and_then(|r| r.as_ref().ok())))
        .flatten()
        .collect();
    let accepted: Option<&Seen> = valid.as_ref().and_then(|r| r.as_ref().ok());
    let all: Vec<&Seen> = refused.iter().copied().chain(accepted).collect();

    let wrapped = refused
        .iter()
        .filter(|s| (200..300).contains(&s.status))
        .find_map(|s| {
            s.json()
                .and_then(|j| error_marker(&j, false))
                .map(|m| (*s, m))
        })
        .or_else(|| {
            accepted
                .filter(|s| (200..300).contains(&s.status))
                .and_then(|s| {
                    s.json()
                        .and_then(|j| error_marker(&j, true))
                        .map(|m| (s, m))
                })
        });
    match wrapped {
        Some((seen, marker)) => add(
            rules::NO_ERROR_IN_2XX,
            Outcome::Fail,
            format!("{marker} in {}", seen.describe()),
        ),
        None => add(
            rules::NO_ERROR_IN_2XX,
            Outcome::Pass,
            "no 2xx carries an error code".into(),
        ),
    }

    match all.iter().find(|s| (300..400).contains(&s.status)) {
        Some(seen) => add(rules::NO_LOGIN_REDIRECT, Outcome::Fail, seen.describe()),
        None => add(
            rules::NO_LOGIN_REDIRECT,
            Outcome::Pass,
            "no redirect".into(),
        ),
    }

    let errors: Vec<&&Seen> = all.iter().filter(|s| s.status >= 400).collect();
    match errors.iter().find(|s| !has_code(s)) {
        _ if errors.is_empty() => add(
            rules::JSON_ERROR_BODY,
            Outcome::NotChecked,
            "no error response".into(),
        ),
        Some(seen) => add(
            rules::JSON_ERROR_BODY,
            Outcome::Warn,
            // The content type first: it is what the text report must show.
            format!(
                "{}: {}",
                seen.header("content-type").unwrap_or("no content type"),
                seen.describe()
            ),
        ),
        None => add(
            rules::JSON_ERROR_BODY,
            Outcome::Pass,
            "every error body is JSON with a code".into(),
        ),
    }

    // CORS, for a page on `origin`.
    match (&options.origin, &preflight) {
        (Some(o), Some(Ok(seen))) => {
            let allow_origin = seen.header("access-control-allow-origin");
            let origin_ok = allow_origin.is_some_and(|a| a == "*" || a == o);
            let headers_ok = seen
                .header("access-control-allow-headers")
                .is_some_and(|h| list_has(h, "authorization"));
            let ok = (200..300).contains(&seen.status) && origin_ok && headers_ok;
            let saw = format!(
                "{}, Access-Control-Allow-Origin: {}, Access-Control-Allow-Headers: {}",
                seen.status,
                allow_origin.unwrap_or("none"),
                seen.header("access-control-allow-headers")
                    .unwrap_or("none")
            );
            add(
                rules::CORS_PREFLIGHT,
                if ok { Outcome::Pass } else { Outcome::Fail },
                saw,
            );
            let expose = none.header("access-control-expose-headers");
            let exposed =
                expose.is_some_and(|h| h.trim() == "*" || list_has(h, "www-authenticate"));
            let allowed = none
                .header("access-control-allow-origin")
                .is_some_and(|a| a == "*" || a == o);
            let saw = format!(
                "Access-Control-Allow-Origin: {}, Access-Control-Expose-Headers: {}",
                none.header("access-control-allow-origin").unwrap_or("none"),
                expose.unwrap_or("none")
            );
            let outcome = if exposed && allowed {
                Outcome::Pass
            } else {
                Outcome::Fail
            };
            add(rules::CORS_EXPOSES_CHALLENGE, outcome, saw);
        }
        (Some(_), Some(Err(e))) => {
            add(
                rules::CORS_PREFLIGHT,
                Outcome::Fail,
                format!("request failed: {e}"),
            );
            add(
                rules::CORS_EXPOSES_CHALLENGE,
                Outcome::NotChecked,
                "the preflight failed".into(),
            );
        }
        _ => {
            add(
                rules::CORS_PREFLIGHT,
                Outcome::NotChecked,
                "no --origin given".into(),
            );
            add(
                rules::CORS_EXPOSES_CHALLENGE,
                Outcome::NotChecked,
                "no --origin given".into(),
            );
        }
    }

    Ok(Report {
        target: format!("{method} {}", options.url),
        findings,
    })
}

/// Whether a comma-separated header list names `item` (case-insensitively).
fn list_has(list: &str, item: &str) -> bool {
    list.split(',').any(|i| i.trim().eq_ignore_ascii_case(item))
}

/// Whether an error body is JSON with a code (`code`, `error`, or an RFC 9457 `type`).
fn has_code(seen: &Seen) -> bool {
    seen.json().is_some_and(|j| {
        ["code", "error", "type"]
            .iter()
            .any(|k| j.get(k).is_some_and(|v| !v.is_null()))
    })
}

/// The error code a 2xx body carries, if any: `"error"`, `"errors"`, `success: false`,
/// or (unless `strong_only`, for a response to a valid token) a `code`/`status`/`errcode`
/// that is neither 0, a 2xx nor "ok".
fn error_marker(body: &serde_json::Value, strong_only: bool) -> Option<String> {
    let obj = body.as_object()?;
    if let Some(e) = obj.get("error")
        && !matches!(e, serde_json::Value::Null | serde_json::Value::Bool(false))
    {
        return Some(format!("\"error\": {}", clip(&e.to_string(), 40)));
    }
    if obj
        .get("errors")
        .is_some_and(|e| e.as_array().is_some_and(|a| !a.is_empty()))
    {
        return Some("\"errors\"".to_owned());
    }
    for key in ["success", "ok"] {
        if obj.get(key) == Some(&serde_json::Value::Bool(false)) {
            return Some(format!("\"{key}\": false"));
        }
    }
    if strong_only {
        return None;
    }
    for key in ["code", "status", "errcode", "error_code"] {
        let Some(v) = obj.get(key) else { continue };
        let is_error = match v {
            serde_json::Value::Number(n) => n
                .as_u64()
                .is_none_or(|n| n != 0 && !(200..300).contains(&n)),
            serde_json::Value::String(s) => {
                !s.is_empty()
                    && !["0", "ok", "success", "200"].contains(&s.to_ascii_lowercase().as_str())
            }
            _ => false,
        };
        if is_error {
            return Some(format!("\"{key}\": {}", clip(&v.to_string(), 40)));
        }
    }
    None
}
