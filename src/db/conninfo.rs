//! Builds the libpq connection string and a printable version of it that never shows a password.

/// Seconds libpq waits for a server before giving up, unless the connection string says otherwise.
const DEFAULT_CONNECT_TIMEOUT_SECS: u32 = 10;
pub const APPLICATION_NAME: &str = "obanctl";
const MASK: &str = "********";

#[derive(Clone)]
pub struct ConnInfo {
    /// What libpq receives.
    pub conninfo: String,
    /// Safe to print.
    pub display: String,
    /// Every spelling of the password we know of, to scrub from error messages.
    secrets: Vec<String>,
}

impl std::fmt::Debug for ConnInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnInfo")
            .field("display", &self.display)
            .finish_non_exhaustive()
    }
}

fn is_uri(s: &str) -> bool {
    s.starts_with("postgres://") || s.starts_with("postgresql://")
}

/// Splits `key=value key2='quoted value'` into pairs, as libpq reads them.
fn parse_keyword_value(s: &str) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    let mut chars = s.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let mut key = String::new();
        while let Some(&c) = chars.peek() {
            if c == '=' || c.is_whitespace() {
                break;
            }
            key.push(c);
            chars.next();
        }
        if key.is_empty() {
            break;
        }
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek() == Some(&'=') {
            chars.next();
        }
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let mut value = String::new();
        if chars.peek() == Some(&'\'') {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        if let Some(next) = chars.next() {
                            value.push(next);
                        }
                    }
                    '\'' => break,
                    _ => value.push(c),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                value.push(c);
                chars.next();
            }
        }
        pairs.push((key, value));
    }
    pairs
}

fn quote_value(v: &str) -> String {
    format!("'{}'", v.replace('\\', "\\\\").replace('\'', "\\'"))
}

impl ConnInfo {
    /// Whether the connection string carries a password (in the URI, a parameter or a keyword).
    pub fn has_password(&self) -> bool {
        !self.secrets.is_empty()
    }

    /// `url` is the configured connection string, or `None` to rely on libpq's `PG*` variables.
    /// `pgpassword` is `$PGPASSWORD`, passed in so it can be scrubbed from messages too.
    pub fn build(url: Option<&str>, pgpassword: Option<String>) -> ConnInfo {
        let url = url.unwrap_or("").trim();
        let mut secrets: Vec<String> = pgpassword.into_iter().filter(|p| !p.is_empty()).collect();
        let (conninfo, display) = if is_uri(url) {
            let (base, query) = match url.split_once('?') {
                Some((b, q)) => (b.to_string(), Some(q.to_string())),
                None => (url.to_string(), None),
            };
            let mut params: Vec<(String, String)> = query
                .as_deref()
                .unwrap_or("")
                .split('&')
                .filter(|p| !p.is_empty())
                .map(|p| match p.split_once('=') {
                    Some((k, v)) => (k.to_string(), v.to_string()),
                    None => (p.to_string(), String::new()),
                })
                .collect();
            for (key, value) in &params {
                if key == "password" {
                    secrets.push(value.clone());
                    secrets.push(percent_decode(value));
                }
            }
            add_defaults(&mut params);
            let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
            let authority_end = base[scheme_end..]
                .find('/')
                .map(|i| i + scheme_end)
                .unwrap_or(base.len());
            let authority = &base[scheme_end..authority_end];
            let display_base = match authority.rfind('@') {
                Some(at) => {
                    let userinfo = &authority[..at];
                    match userinfo.split_once(':') {
                        Some((user, password)) => {
                            secrets.push(password.to_string());
                            secrets.push(percent_decode(password));
                            format!(
                                "{}{user}:{MASK}{}",
                                &base[..scheme_end],
                                &base[scheme_end + at..]
                            )
                        }
                        None => base.clone(),
                    }
                }
                None => base.clone(),
            };
            let render = |mask: bool| {
                let query: Vec<String> = params
                    .iter()
                    .map(|(k, v)| {
                        if mask && k == "password" {
                            format!("{k}={MASK}")
                        } else {
                            format!("{k}={v}")
                        }
                    })
                    .collect();
                query.join("&")
            };
            (
                format!("{base}?{}", render(false)),
                format!("{display_base}?{}", render(true)),
            )
        } else {
            let mut pairs = parse_keyword_value(url);
            for (key, value) in &pairs {
                if key == "password" {
                    secrets.push(value.clone());
                }
            }
            add_defaults(&mut pairs);
            let render = |mask: bool| {
                pairs
                    .iter()
                    .map(|(k, v)| {
                        if mask && k == "password" {
                            format!("{k}={MASK}")
                        } else {
                            format!("{k}={}", quote_value(v))
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            (render(false), render(true))
        };
        secrets.retain(|s| !s.is_empty());
        secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        secrets.dedup();
        ConnInfo {
            conninfo,
            display,
            secrets,
        }
    }

    /// Removes every known spelling of the password from a message.
    pub fn scrub(&self, message: &str) -> String {
        let mut out = message.to_string();
        for secret in &self.secrets {
            out = out.replace(secret.as_str(), MASK);
        }
        out
    }
}

fn add_defaults(params: &mut Vec<(String, String)>) {
    if !params.iter().any(|(k, _)| k == "application_name") {
        params.push(("application_name".into(), APPLICATION_NAME.into()));
    }
    if !params.iter().any(|(k, _)| k == "connect_timeout") {
        params.push((
            "connect_timeout".into(),
            DEFAULT_CONNECT_TIMEOUT_SECS.to_string(),
        ));
    }
}

fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {

    #[test]
    fn knows_whether_a_password_was_given() {
        assert!(ConnInfo::build(Some("postgres://u:pw@h/db"), None).has_password());
        assert!(ConnInfo::build(Some("postgres://u@h/db?password=pw"), None).has_password());
        assert!(ConnInfo::build(Some("host=h password=pw"), None).has_password());
        assert!(!ConnInfo::build(
            Some("postgresql://obanctl@/postgres?host=%2Ftmp&port=5999"),
            None
        )
        .has_password());
    }

    use super::*;

    #[test]
    fn uri_gets_application_name_and_timeout_and_hides_password() {
        let c = ConnInfo::build(
            Some("postgres://ops:s3cr%40t@db.example:6432/app?sslmode=require"),
            None,
        );
        assert_eq!(
            c.conninfo,
            "postgres://ops:s3cr%40t@db.example:6432/app?sslmode=require&application_name=obanctl&connect_timeout=10"
        );
        assert!(!c.display.contains("s3cr"), "{}", c.display);
        assert!(c
            .display
            .starts_with("postgres://ops:********@db.example:6432/app?"));
        assert_eq!(
            c.scrub("auth failed for s3cr@t and s3cr%40t"),
            "auth failed for ******** and ********"
        );
    }

    #[test]
    fn uri_keeps_explicit_application_name_and_masks_query_password() {
        let c = ConnInfo::build(
            Some("postgresql://u@h/db?application_name=mine&password=pw1"),
            None,
        );
        assert!(c.conninfo.contains("application_name=mine"));
        assert!(!c.conninfo.contains("application_name=obanctl"));
        assert!(!c.display.contains("pw1"));
    }

    #[test]
    fn keyword_value_form_is_parsed_quoted_and_masked() {
        let c = ConnInfo::build(Some("host=/tmp dbname=x password='a \\'secret\\' b'"), None);
        assert!(c.conninfo.contains("host='/tmp'"));
        assert!(c.conninfo.contains("application_name='obanctl'"));
        assert!(!c.display.contains("secret"), "{}", c.display);
    }

    #[test]
    fn empty_url_defers_to_libpq_environment_and_scrubs_pgpassword() {
        let c = ConnInfo::build(None, Some("hunter2".into()));
        assert_eq!(
            c.conninfo,
            "application_name='obanctl' connect_timeout='10'"
        );
        assert_eq!(
            c.scrub("password hunter2 rejected"),
            "password ******** rejected"
        );
    }
}
