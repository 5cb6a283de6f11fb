//! Where the server's Unix socket is when nothing says. The bundled libpq looks only in the
//! directory it was built with (`/tmp`), while distributions build theirs for their own server:
//! Debian and Ubuntu listen in `/var/run/postgresql`, Arch in `/run/postgresql`, macOS's in
//! `/tmp` or `/var/pgsql_socket`. So when neither the connection string nor `PGHOST`,
//! `PGHOSTADDR` or `PGSERVICE` names a host, obanctl looks in these directories (in this order)
//! for the socket of the port in use (the string's, else `PGPORT`, else 5432) and connects there.

use std::path::{Path, PathBuf};

use super::conninfo::Endpoint;

/// The usual socket directories, as distributions' libpq builds use them.
pub const SOCKET_DIRS: &[&str] = &[
    "/var/run/postgresql",
    "/run/postgresql",
    "/tmp",
    "/var/pgsql_socket",
];

pub const DEFAULT_PORT: u16 = 5432;

/// Whether `path` is a Unix socket.
pub fn is_socket(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::metadata(path).is_ok_and(|m| m.file_type().is_socket())
}

/// The port libpq will use: the connection string's, else `PGPORT`, else 5432 (`None` when
/// that is not one number, e.g. a list for several hosts).
pub fn port(endpoint: &Endpoint, env: &dyn Fn(&str) -> Option<String>) -> Option<u16> {
    match endpoint
        .port
        .clone()
        .or_else(|| env("PGPORT").filter(|v| !v.is_empty()))
    {
        Some(text) => text.trim().parse().ok(),
        None => Some(DEFAULT_PORT),
    }
}

/// Whether libpq is left to its compiled-in default host (nothing names one).
pub fn host_unspecified(endpoint: &Endpoint, env: &dyn Fn(&str) -> Option<String>) -> bool {
    let set = |name: &str| env(name).is_some_and(|v| !v.is_empty());
    endpoint.host.is_none()
        && !endpoint.service
        && !set("PGHOST")
        && !set("PGHOSTADDR")
        && !set("PGSERVICE")
}

/// The socket directory to connect through, when nothing names a host and one of
/// [`SOCKET_DIRS`] holds the server's socket.
pub fn discover(
    endpoint: &Endpoint,
    env: &dyn Fn(&str) -> Option<String>,
    is_socket: &dyn Fn(&Path) -> bool,
) -> Option<PathBuf> {
    if !host_unspecified(endpoint, env) {
        return None;
    }
    let port = port(endpoint, env)?;
    SOCKET_DIRS
        .iter()
        .map(PathBuf::from)
        .find(|dir| is_socket(&dir.join(format!(".s.PGSQL.{port}"))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::conninfo::endpoint;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    fn sockets(paths: &'static [&'static str]) -> impl Fn(&Path) -> bool {
        move |p| paths.iter().any(|s| Path::new(s) == p)
    }

    #[test]
    fn the_distribution_directory_is_found_before_tmp() {
        let found = discover(
            &endpoint(None),
            &env_of(&[]),
            &sockets(&["/tmp/.s.PGSQL.5432", "/var/run/postgresql/.s.PGSQL.5432"]),
        );
        assert_eq!(found, Some(PathBuf::from("/var/run/postgresql")));
        let found = discover(
            &endpoint(None),
            &env_of(&[]),
            &sockets(&["/run/postgresql/.s.PGSQL.5432"]),
        );
        assert_eq!(found, Some(PathBuf::from("/run/postgresql")));
        assert_eq!(discover(&endpoint(None), &env_of(&[]), &sockets(&[])), None);
    }

    #[test]
    fn the_port_in_use_names_the_socket() {
        let s = sockets(&["/run/postgresql/.s.PGSQL.5433"]);
        assert_eq!(discover(&endpoint(None), &env_of(&[]), &s), None);
        assert_eq!(
            discover(&endpoint(None), &env_of(&[("PGPORT", "5433")]), &s),
            Some(PathBuf::from("/run/postgresql"))
        );
        assert_eq!(
            discover(
                &endpoint(Some("postgres:///app?port=5433")),
                &env_of(&[]),
                &s
            ),
            Some(PathBuf::from("/run/postgresql"))
        );
        assert_eq!(
            discover(&endpoint(None), &env_of(&[("PGPORT", "5433,5434")]), &s),
            None
        );
    }

    #[test]
    fn a_host_named_anywhere_is_left_alone() {
        let s = sockets(&["/var/run/postgresql/.s.PGSQL.5432"]);
        for env in [
            env_of(&[("PGHOST", "db")]),
            env_of(&[("PGHOSTADDR", "10.0.0.1")]),
            env_of(&[("PGSERVICE", "prod")]),
        ] {
            assert_eq!(discover(&endpoint(None), &env, &s), None);
        }
        for url in [
            "postgres://u@127.0.0.1:5432/app",
            "host=/tmp dbname=app",
            "service=prod",
        ] {
            assert_eq!(
                discover(&endpoint(Some(url)), &env_of(&[]), &s),
                None,
                "{url}"
            );
        }
        // An empty PGHOST is unset, as libpq treats it.
        assert!(discover(&endpoint(None), &env_of(&[("PGHOST", "")]), &s).is_some());
    }
}
