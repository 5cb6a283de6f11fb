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
    /// Pieces of a password libpq could not parse whole, scrubbed where a message quotes them.
    fragments: Vec<String>,
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

/// `text` with each occurrence of `piece` that sits between URI delimiters or quotes (as libpq
/// quotes what it could not parse: `"pa"`, `"rd@host/db"`) masked; inside a word it stays.
fn mask_delimited(text: &str, piece: &str) -> String {
    const DELIMITERS: &[char] = &['"', '\'', '/', '?', '#', '@', ':', '&', '='];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(piece) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + piece.len()..].chars().next();
        let delimited = |c: Option<char>| c.is_some_and(|c| DELIMITERS.contains(&c));
        out.push_str(&rest[..at]);
        if delimited(before) && (delimited(after) || after.is_none()) {
            out.push_str(MASK);
        } else {
            out.push_str(piece);
        }
        rest = &rest[at + piece.len()..];
    }
    out.push_str(rest);
    out
}

/// Connection parameters that hold secrets: masked when shown, scrubbed from messages.
fn is_secret_key(key: &str) -> bool {
    matches!(key, "password" | "sslpassword")
}

/// `@host/db?a=1&password=x` with the secret parameters masked.
fn mask_query_secrets(tail: &str) -> String {
    let Some((before, query)) = tail.split_once('?') else {
        return tail.to_string();
    };
    let query: Vec<String> = query
        .split('&')
        .map(|p| match p.split_once('=') {
            Some((k, _)) if is_secret_key(k) => format!("{k}={MASK}"),
            _ => p.to_string(),
        })
        .collect();
    format!("{before}?{}", query.join("&"))
}

/// Whether a libpq connection failure is about the connection string itself (its syntax or an
/// option's value) rather than the server: a usage error, not an unreachable database.
pub fn is_conninfo_error(message: &str) -> bool {
    const MARKERS: &[&str] = &[
        "invalid integer value",
        "invalid connection option",
        "missing \"=\" after",
        "unterminated quoted string",
        "invalid URI query parameter",
        "invalid percent-encoded token",
        "forbidden value %00",
        "end of string reached when looking for matching",
        "IPv6 host address may not be empty",
        "unexpected character",
        "unexpected spaces found",
        "invalid sslmode value",
        "invalid gssencmode value",
        "invalid target_session_attrs value",
        "invalid load_balance_hosts value",
        "invalid channel_binding value",
        "invalid require_auth",
        "could not match",
        "invalid port number",
        "invalid value for parameter",
    ];
    MARKERS.iter().any(|m| message.contains(m))
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
        // Pieces of a malformed password, scrubbed only where a message quotes them.
        let mut fragments: Vec<String> = Vec::new();
        let scheme_end = url.find("://").map(|i| i + 3).unwrap_or(0);
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
                if is_secret_key(key) {
                    secrets.push(value.clone());
                    secrets.push(percent_decode(value));
                }
            }
            add_defaults(&mut params);
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
                        if mask && is_secret_key(k) {
                            format!("{k}={MASK}")
                        } else {
                            format!("{k}={v}")
                        }
                    })
                    .collect();
                query.join("&")
            };
            let conninfo = format!("{base}?{}", render(false));
            let mut display = format!("{display_base}?{}", render(true));
            // A password with an unencoded `/`, `?`, `#` or `@` defeats the split above (libpq
            // then misreads the URI too). The userinfo ends at the last `@` of the string (a
            // host never holds one): everything between the first `:` and it is masked, and
            // its pieces, which libpq may quote as a port or a database name, are scrubbed too.
            let rest = &url[scheme_end.min(url.len())..];
            if let Some(at) = rest.rfind('@') {
                if let Some((user, password)) = rest[..at].split_once(':') {
                    if !password.is_empty() && password.contains(['/', '?', '#', '@']) {
                        // The split above took a piece of it for the password: only the whole
                        // one (and its pieces, where quoted) are scrubbed, not a stray letter.
                        secrets.retain(|s| {
                            !(password.contains(s.as_str()) && s.len() < password.len())
                        });
                        secrets.push(password.to_string());
                        secrets.push(percent_decode(password));
                        fragments.extend(
                            password
                                .split(['/', '?', '#', '@', ':', '&', '='])
                                .filter(|f| !f.is_empty())
                                .map(str::to_string),
                        );
                        display = format!(
                            "{}{user}:{MASK}{}",
                            &url[..scheme_end],
                            mask_query_secrets(&rest[at..])
                        );
                    }
                }
            }
            (conninfo, display)
        } else {
            let mut pairs = parse_keyword_value(url);
            for (key, value) in &pairs {
                if is_secret_key(key) {
                    secrets.push(value.clone());
                }
            }
            add_defaults(&mut pairs);
            let render = |mask: bool| {
                pairs
                    .iter()
                    .map(|(k, v)| {
                        if mask && is_secret_key(k) {
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
        fragments.retain(|f| !f.is_empty());
        ConnInfo {
            conninfo,
            display,
            secrets,
            fragments,
        }
    }

    /// Removes every known spelling of the password from a message.
    pub fn scrub(&self, message: &str) -> String {
        let mut out = message.to_string();
        for secret in &self.secrets {
            out = out.replace(secret.as_str(), MASK);
        }
        for fragment in &self.fragments {
            out = mask_delimited(&out, fragment);
        }
        out
    }
}

/// Where a connection string says to connect, as far as it says: `None` leaves it to libpq's
/// environment variables and defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Endpoint {
    /// A host name, address or socket directory (`host` or `hostaddr`).
    pub host: Option<String>,
    pub port: Option<String>,
    /// A `service` whose entry in the service file may name the host.
    pub service: bool,
}

/// The [`Endpoint`] of a connection string (URI or `key=value` form; `None` is the empty one).
pub fn endpoint(url: Option<&str>) -> Endpoint {
    let url = url.unwrap_or("").trim();
    let given = |v: &str| Some(v.to_string()).filter(|v| !v.is_empty());
    let mut out = Endpoint::default();
    let params: Vec<(String, String)> = if is_uri(url) {
        let (base, query) = url.split_once('?').unwrap_or((url, ""));
        let rest = &base[base.find("://").map(|i| i + 3).unwrap_or(0)..];
        let authority = &rest[..rest.find('/').unwrap_or(rest.len())];
        let hostport = &authority[authority.rfind('@').map(|i| i + 1).unwrap_or(0)..];
        // The port follows the last `:` outside an IPv6 `[...]`.
        let (host, port) = match hostport.rfind(':') {
            Some(i) if !hostport[i..].contains(']') => (&hostport[..i], &hostport[i + 1..]),
            _ => (hostport, ""),
        };
        out.host = given(&percent_decode(host));
        out.port = given(port);
        query
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_string(), percent_decode(v)))
            .collect()
    } else {
        parse_keyword_value(url)
    };
    for (key, value) in params {
        match key.as_str() {
            "host" | "hostaddr" => out.host = given(&value).or(out.host),
            "port" => out.port = given(&value).or(out.port),
            "service" => out.service = !value.is_empty(),
            _ => {}
        }
    }
    out
}

impl ConnInfo {
    /// The same connection with `host` added (a socket directory found for libpq), shown too.
    pub fn with_host(mut self, host: &str) -> ConnInfo {
        if is_uri(&self.conninfo) {
            let encoded =
                percent_encoding::utf8_percent_encode(host, percent_encoding::NON_ALPHANUMERIC);
            for s in [&mut self.conninfo, &mut self.display] {
                s.push(if s.contains('?') { '&' } else { '?' });
                s.push_str(&format!("host={encoded}"));
            }
        } else {
            for s in [&mut self.conninfo, &mut self.display] {
                s.push_str(&format!(" host={}", quote_value(host)));
            }
        }
        self
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
    fn malformed_passwords_and_sslpassword_never_show() {
        for (url, secret) in [
            ("postgres://u:pa/ss@h:5432/db", "pa/ss"),
            ("postgres://u:p@ss#w?rd@h/db", "ss#w?rd"),
            ("postgres://u:S3cr3t?x@h/db?password=other", "S3cr3t"),
            ("postgres://u@h/db?sslpassword=keypass1", "keypass1"),
            ("host=h sslpassword=keypass1", "keypass1"),
        ] {
            let info = ConnInfo::build(Some(url), None);
            assert!(!info.display.contains(secret), "{url}: {}", info.display);
            assert!(info.display.contains("********"), "{}", info.display);
        }
        // libpq reads `pa` of `u:pa/ss@h` as the port and quotes it.
        let info = ConnInfo::build(Some("postgres://u:pa/ss@h:5432/db"), None);
        let scrubbed = info.scrub("invalid integer value \"pa\" for connection option \"port\"");
        assert!(!scrubbed.contains("\"pa\""), "{scrubbed}");
        assert!(
            scrubbed.contains("connection option \"port\""),
            "{scrubbed}"
        );
        assert!(is_conninfo_error(&scrubbed));
        assert!(!is_conninfo_error("connection refused"));
        // A stray piece is not scrubbed from ordinary words.
        let info = ConnInfo::build(Some("postgres://u:p@ss#w?rd@h/db"), None);
        assert_eq!(
            info.scrub("invalid URI query parameter"),
            "invalid URI query parameter"
        );
    }

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

#[cfg(test)]
mod endpoint_tests {
    use super::*;

    #[test]
    fn the_endpoint_is_what_the_string_says_and_nothing_more() {
        assert_eq!(endpoint(None), Endpoint::default());
        assert_eq!(endpoint(Some("postgres:///app")), Endpoint::default());
        let e = endpoint(Some("postgres://u:p@db.example:6432/app"));
        assert_eq!(e.host.as_deref(), Some("db.example"));
        assert_eq!(e.port.as_deref(), Some("6432"));
        let e = endpoint(Some(
            "postgresql://obanctl@/postgres?host=%2Ftmp%2Fx&port=5999",
        ));
        assert_eq!(e.host.as_deref(), Some("/tmp/x"));
        assert_eq!(e.port.as_deref(), Some("5999"));
        let e = endpoint(Some("postgres://u@[::1]/app"));
        assert_eq!(e.host.as_deref(), Some("[::1]"));
        assert_eq!(e.port, None);
        let e = endpoint(Some("postgres://u@:5433/app"));
        assert_eq!((e.host, e.port.as_deref()), (None, Some("5433")));
        let e = endpoint(Some("dbname=app port=5433"));
        assert_eq!((e.host, e.port.as_deref()), (None, Some("5433")));
        assert!(endpoint(Some("service=prod")).service);
        assert!(endpoint(Some("hostaddr=10.0.0.1")).host.is_some());
    }

    #[test]
    fn a_found_socket_directory_is_added_in_either_form() {
        let c = ConnInfo::build(None, None).with_host("/var/run/postgresql");
        assert!(
            c.conninfo.ends_with(" host='/var/run/postgresql'"),
            "{}",
            c.conninfo
        );
        let c = ConnInfo::build(Some("postgres://u:pw@/app"), None).with_host("/run/postgresql");
        assert!(
            c.conninfo.ends_with("&host=%2Frun%2Fpostgresql"),
            "{}",
            c.conninfo
        );
        assert!(c.display.ends_with("&host=%2Frun%2Fpostgresql"));
        assert!(!c.display.contains("pw"));
    }
}
