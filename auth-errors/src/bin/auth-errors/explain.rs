//! `auth-errors explain [VALUE] [--response] [--json]`

use std::io::Read;
use std::process::ExitCode;

use auth_errors::ClientAction;
use auth_errors::challenge::{self, ParsedChallenge, error_code};

/// Parses the value (or a response head from stdin) and explains it.
pub fn run(value: Option<String>, response: bool, json: bool) -> ExitCode {
    let input = match value {
        Some(v) => Ok(v),
        None => {
            let mut buf = String::new();
            std::io::stdin().read_to_string(&mut buf).map(|_| buf)
        }
    };
    let input = match input {
        Ok(i) => i,
        Err(e) => {
            eprintln!("error: cannot read stdin: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (status, lines) = if response {
        match response_head(&input) {
            Ok(parts) => parts,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        (None, vec![input.trim_end_matches(['\r', '\n']).to_owned()])
    };
    let challenges = match challenge::parse_lines(lines.iter().map(String::as_str)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: malformed WWW-Authenticate value: {e}");
            return ExitCode::FAILURE;
        }
    };
    if json {
        println!("{}", to_json(&challenges));
    } else {
        print!("{}", describe(status, &challenges));
    }
    ExitCode::SUCCESS
}

/// The status and the `WWW-Authenticate` field lines of a raw response head.
fn response_head(text: &str) -> Result<(Option<u16>, Vec<String>), String> {
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let status_line = lines.next().unwrap_or_default();
    let status = status_line
        .strip_prefix("HTTP/")
        .and_then(|rest| rest.split_whitespace().nth(1))
        .and_then(|code| code.parse::<u16>().ok())
        .ok_or_else(|| {
            format!("the response must start with a status line such as 'HTTP/1.1 401 Unauthorized', found '{status_line}'")
        })?;
    let mut fields: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.is_empty() {
            break;
        }
        // obs-fold (RFC 9112 §5.2): a continuation line joins the previous field with a space.
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = fields.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
            continue;
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(format!("not a header field line: '{line}'"));
        };
        fields.push((name.to_owned(), value.trim().to_owned()));
    }
    let values = fields
        .into_iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case("www-authenticate"))
        .map(|(_, value)| value)
        .collect();
    Ok((Some(status), values))
}

fn to_json(challenges: &[ParsedChallenge]) -> String {
    let list: Vec<serde_json::Value> = challenges
        .iter()
        .map(|c| {
            let params: serde_json::Map<String, serde_json::Value> = c
                .params()
                .map(|(n, v)| (n.to_owned(), serde_json::Value::from(v)))
                .collect();
            serde_json::json!({
                "scheme": c.scheme(),
                "params": params,
                "token68": c.token68(),
            })
        })
        .collect();
    serde_json::Value::Array(list).to_string()
}

fn describe(status: Option<u16>, challenges: &[ParsedChallenge]) -> String {
    let mut out = String::new();
    if let Some(status) = status {
        out.push_str(&format!("Status: {status}\n"));
    }
    if challenges.is_empty() {
        out.push_str("No challenge.\n");
        if status == Some(401) {
            out.push_str("A 401 without WWW-Authenticate breaks RFC 9110 §15.5.2: the server must send a challenge.\n");
        }
        if let Some(status) = status {
            let action = ClientAction::derive(status, None);
            out.push_str(&format!("What to do: {}.\n", action.describe()));
        }
        return out;
    }
    for (i, c) in challenges.iter().enumerate() {
        out.push_str(&format!("Challenge {}: {}\n", i + 1, c.scheme()));
        if let Some(t) = c.token68() {
            out.push_str(&format!("  token68: {t}\n"));
        }
        for (name, value) in c.params() {
            out.push_str(&format!("  {name}: {value}\n"));
        }
        out.push_str(&format!("  What to do: {}.\n", advice(status, c)));
    }
    out
}

/// Advice for one challenge, from its `error` (the table of standard values) and the
/// parameters that say more (`scope`, `acr_values`, `max_age`).
fn advice(status: Option<u16>, c: &ParsedChallenge) -> String {
    let error = c.param("error");
    match error.and_then(error_code::lookup) {
        Some(code) => {
            let mut s = code.advice().to_owned();
            match code.value() {
                "insufficient_scope" => {
                    if let Some(scope) = c.param("scope") {
                        s = format!(
                            "ask for the scope '{scope}': the token is valid but lacks it; refreshing the same grant will not help"
                        );
                    }
                }
                "insufficient_user_authentication" => {
                    if let Some(acr) = c.param("acr_values") {
                        s.push_str(&format!(", acr_values '{acr}'"));
                    }
                    if let Some(age) = c.param("max_age") {
                        s.push_str(&format!(", max_age {age} seconds"));
                    }
                }
                _ => {}
            }
            s
        }
        None => advice_without_standard_error(status, c, error),
    }
}

/// Advice for a challenge whose `error` is absent or not a standard value.
fn advice_without_standard_error(
    status: Option<u16>,
    c: &ParsedChallenge,
    error: Option<&str>,
) -> String {
    match error {
        Some(other) => format!(
            "{} (error '{other}')",
            ClientAction::derive(status.unwrap_or(401), Some(other)).describe()
        ),
        None => {
            if c.scheme_is("basic") || c.scheme_is("bearer") || status.is_none_or(|s| s == 401) {
                format!(
                    "authenticate: send credentials with the {} scheme (no error: the request had none, RFC 6750 §3.1)",
                    c.scheme()
                )
            } else {
                ClientAction::derive(status.unwrap_or(401), None)
                    .describe()
                    .to_owned()
            }
        }
    }
}
