//! A private throwaway PostgreSQL cluster from the local server binaries: where it lives, which
//! binaries can run it, and starting, stopping and deleting it. Used by `demo up --private` and by
//! the test harness when no server is reachable. No database access here.

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{ChildStdin, Command, Stdio};

use serde::{Deserialize, Serialize};

use crate::error::{CliError, CliResult};

/// The role that owns a private cluster (it is created with this bootstrap superuser).
pub const CLUSTER_USER: &str = "obanctl";
/// The data directory's name inside the directory a cluster is created in.
pub const DATA_DIR: &str = "cluster";

pub const INSTALL_HINT: &str = "install the PostgreSQL server (Debian/Ubuntu: `apt install postgresql`; Fedora/RHEL: `dnf install postgresql-server`; macOS: `brew install postgresql@16`), or set OBANCTL_PG_BIN to the directory holding initdb and pg_ctl";

/// A cluster obanctl initialised and started (serialised into the demo's state file).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    pub data_dir: PathBuf,
    pub bin_dir: PathBuf,
    pub socket_dir: PathBuf,
    pub port: u16,
    /// The system user the server runs as, when obanctl runs as root.
    pub run_as: Option<String>,
}

/// A libpq URI for a Unix socket in `socket_dir`.
pub fn private_url(socket_dir: &Path, port: u16) -> String {
    format!(
        "postgresql://{CLUSTER_USER}@/postgres?host={}&port={port}",
        percent_encoding::utf8_percent_encode(
            &socket_dir.to_string_lossy(),
            percent_encoding::NON_ALPHANUMERIC
        )
    )
}

/// Unix socket paths are limited to about 107 bytes; a deep data directory falls back to /tmp.
pub fn socket_dir(data_dir: &Path, port: u16) -> PathBuf {
    let candidate = data_dir.to_path_buf();
    if candidate.join(format!(".s.PGSQL.{port}")).as_os_str().len() < 100 {
        candidate
    } else {
        PathBuf::from("/tmp")
    }
}

/// Directories that may hold `initdb` and `pg_ctl`, best first: `$OBANCTL_PG_BIN` alone when set,
/// else `PATH`, then the distributions' standard places (newest version first).
pub fn bin_dir_candidates(
    override_dir: Option<PathBuf>,
    path_var: Option<&std::ffi::OsStr>,
) -> Vec<PathBuf> {
    if let Some(dir) = override_dir {
        return vec![dir];
    }
    let mut dirs: Vec<PathBuf> = path_var
        .map(|p| std::env::split_paths(p).collect())
        .unwrap_or_default();
    let mut versioned = Vec::new();
    for pattern_dir in [
        "/usr/lib/postgresql",
        "/usr/local/opt",
        "/opt/homebrew/opt",
        "/usr",
    ] {
        if let Ok(entries) = std::fs::read_dir(pattern_dir) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().to_string();
                let bin = match pattern_dir {
                    "/usr/lib/postgresql" => entry.path().join("bin"),
                    "/usr" if name.starts_with("pgsql-") => entry.path().join("bin"),
                    "/usr/local/opt" | "/opt/homebrew/opt" if name.starts_with("postgresql") => {
                        entry.path().join("bin")
                    }
                    _ => continue,
                };
                let version: u32 = name
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect::<String>()
                    .parse()
                    .unwrap_or(0);
                versioned.push((version, bin));
            }
        }
    }
    versioned.sort_by_key(|v| std::cmp::Reverse(v.0));
    dirs.extend(versioned.into_iter().map(|(_, dir)| dir));
    dirs.push(PathBuf::from("/usr/local/pgsql/bin"));
    dirs.push(PathBuf::from(
        "/Applications/Postgres.app/Contents/Versions/latest/bin",
    ));
    dirs
}

pub fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

fn io_error(what: &str, path: &Path, err: std::io::Error) -> CliError {
    CliError::internal(anyhow::anyhow!("{what} {}: {err}", path.display()))
}

/// The first directory holding `initdb` and `pg_ctl`, or an error saying what to install.
pub fn find_bin_dir() -> CliResult<PathBuf> {
    let override_dir = std::env::var_os("OBANCTL_PG_BIN")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    bin_dir_candidates(override_dir, std::env::var_os("PATH").as_deref())
        .into_iter()
        .find(|dir| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file())
        .ok_or_else(|| {
            CliError::unreachable(format!(
                "no PostgreSQL server is reachable and no initdb/pg_ctl to start a private one: {INSTALL_HINT}"
            ))
        })
}

struct SystemUser {
    name: String,
    uid: u32,
    gid: u32,
}

/// The unprivileged user a root-run cluster belongs to: `postgres` if it exists, else `nobody`.
fn service_user() -> CliResult<SystemUser> {
    let passwd = std::fs::read_to_string("/etc/passwd")
        .map_err(|e| io_error("cannot read", Path::new("/etc/passwd"), e))?;
    for wanted in ["postgres", "nobody"] {
        for line in passwd.lines() {
            let fields: Vec<&str> = line.split(':').collect();
            if fields.len() >= 4 && fields[0] == wanted {
                if let (Ok(uid), Ok(gid)) = (fields[2].parse(), fields[3].parse()) {
                    return Ok(SystemUser {
                        name: wanted.to_string(),
                        uid,
                        gid,
                    });
                }
            }
        }
    }
    Err(CliError::refused(
        "running as root, and there is no `postgres` or `nobody` user to run the PostgreSQL server as",
    ))
}

/// Who the server runs as: nobody special, or (for root, which PostgreSQL refuses) a system user.
fn server_user() -> CliResult<Option<SystemUser>> {
    if is_root() {
        service_user().map(Some)
    } else {
        Ok(None)
    }
}

fn user_named(name: &str) -> CliResult<SystemUser> {
    let user = service_user()?;
    if user.name == name {
        return Ok(user);
    }
    Err(CliError::refused(format!(
        "the private cluster's user `{name}` no longer exists"
    )))
}

fn tool(bin_dir: &Path, name: &str, run_as: Option<&SystemUser>) -> Command {
    let mut cmd = Command::new(bin_dir.join(name));
    // The child must not inherit libpq settings meant for some other server.
    for var in [
        "PGDATA",
        "PGHOST",
        "PGPORT",
        "PGUSER",
        "PGDATABASE",
        "PGPASSWORD",
    ] {
        cmd.env_remove(var);
    }
    if let Some(user) = run_as {
        cmd.uid(user.uid).gid(user.gid);
    }
    cmd
}

fn run_tool(mut cmd: Command, what: &str, log: Option<&Path>) -> CliResult<()> {
    let output = cmd
        .output()
        .map_err(|e| CliError::internal(anyhow::anyhow!("cannot run {what}: {e}")))?;
    if output.status.success() {
        return Ok(());
    }
    let mut detail = String::from_utf8_lossy(&output.stderr).trim().to_string();
    if let Some(log) = log {
        if let Ok(text) = std::fs::read_to_string(log) {
            let tail: Vec<&str> = text.lines().rev().take(8).collect();
            detail.push_str("\nserver log:\n");
            detail.push_str(&tail.into_iter().rev().collect::<Vec<_>>().join("\n"));
        }
    }
    Err(CliError::internal(anyhow::anyhow!(
        "{what} failed: {detail}"
    )))
}

fn free_port() -> CliResult<u16> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| CliError::internal(anyhow::anyhow!("cannot find a free port: {e}")))
}

impl Cluster {
    /// Initialises a new cluster in `home/cluster` (replacing one left there) and starts it.
    /// `progress` receives one sentence for the operator.
    pub fn create(home: &Path, progress: &dyn Fn(String)) -> CliResult<Cluster> {
        let bin_dir = find_bin_dir()?;
        let run_as = server_user()?;
        let data_dir = home.join(DATA_DIR);
        std::fs::create_dir_all(home).map_err(|e| io_error("cannot create", home, e))?;
        if run_as.is_some() {
            // The server user must be able to reach its data directory.
            std::fs::set_permissions(home, std::fs::Permissions::from_mode(0o755))
                .map_err(|e| io_error("cannot set permissions on", home, e))?;
        }
        if data_dir.exists() {
            std::fs::remove_dir_all(&data_dir)
                .map_err(|e| io_error("cannot remove", &data_dir, e))?;
        }
        std::fs::create_dir(&data_dir).map_err(|e| io_error("cannot create", &data_dir, e))?;
        std::fs::set_permissions(&data_dir, std::fs::Permissions::from_mode(0o700))
            .map_err(|e| io_error("cannot set permissions on", &data_dir, e))?;
        if let Some(user) = &run_as {
            std::os::unix::fs::chown(&data_dir, Some(user.uid), Some(user.gid))
                .map_err(|e| io_error("cannot hand over", &data_dir, e))?;
        }
        progress(format!(
            "initializing a throwaway cluster in {} (binaries from {}{})",
            data_dir.display(),
            bin_dir.display(),
            run_as
                .as_ref()
                .map(|u| format!(", server runs as `{}`", u.name))
                .unwrap_or_default()
        ));
        let mut initdb = tool(&bin_dir, "initdb", run_as.as_ref());
        initdb.arg("-D").arg(&data_dir).args([
            "-U",
            CLUSTER_USER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync",
        ]);
        run_tool(initdb, "initdb", None)?;
        let port = free_port()?;
        let socket_dir = socket_dir(&data_dir, port);
        // Unix socket only, readable by this user alone; durability does not matter here.
        let conf = format!(
            "\n# obanctl private cluster\nlisten_addresses = ''\nport = {port}\nunix_socket_directories = '{}'\n\
             unix_socket_permissions = 0700\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n",
            socket_dir.display().to_string().replace('\'', "''")
        );
        let conf_path = data_dir.join("postgresql.conf");
        let mut text = std::fs::read_to_string(&conf_path)
            .map_err(|e| io_error("cannot read", &conf_path, e))?;
        text.push_str(&conf);
        std::fs::write(&conf_path, text).map_err(|e| io_error("cannot write", &conf_path, e))?;
        let cluster = Cluster {
            data_dir,
            bin_dir,
            socket_dir,
            port,
            run_as: run_as.map(|u| u.name),
        };
        cluster.start()?;
        Ok(cluster)
    }

    /// The connection string for the cluster's socket.
    pub fn url(&self) -> String {
        private_url(&self.socket_dir, self.port)
    }

    fn pg_ctl(&self) -> CliResult<Command> {
        let user = self.run_as.as_deref().map(user_named).transpose()?;
        let mut cmd = tool(&self.bin_dir, "pg_ctl", user.as_ref());
        cmd.arg("-D").arg(&self.data_dir);
        Ok(cmd)
    }

    pub fn start(&self) -> CliResult<()> {
        let log = self.data_dir.join("server.log");
        let mut cmd = self.pg_ctl()?;
        cmd.arg("-l").arg(&log).args(["-w", "-t", "60", "start"]);
        run_tool(cmd, "starting the private server", Some(&log))
    }

    pub fn is_running(&self) -> CliResult<bool> {
        let mut status = self.pg_ctl()?;
        status.arg("status");
        Ok(status.output().map(|o| o.status.success()).unwrap_or(false))
    }

    /// Starts the server if it is stopped; true if it had to.
    pub fn ensure_running(&self) -> CliResult<bool> {
        if self.is_running()? {
            return Ok(false);
        }
        self.start()?;
        Ok(true)
    }

    /// Stops the server (a stopped one is fine) and deletes the data directory. Returns what
    /// `pg_ctl stop` complained about, if anything unexpected.
    pub fn remove(&self) -> CliResult<Option<String>> {
        let mut complaint = None;
        if self.data_dir.exists() {
            let mut stop = self.pg_ctl()?;
            stop.args(["-m", "fast", "-w", "stop"]);
            if let Ok(output) = stop.output() {
                let stderr = String::from_utf8_lossy(&output.stderr);
                if !output.status.success() && !stderr.contains("not running") {
                    complaint = Some(stderr.trim().to_string());
                }
            }
            std::fs::remove_dir_all(&self.data_dir)
                .map_err(|e| io_error("cannot remove", &self.data_dir, e))?;
        }
        Ok(complaint)
    }

    /// A cluster that lives as long as this process: created in a new directory under `parent`,
    /// and stopped and deleted by a watchdog process once this process ends, however it ends
    /// (normal exit, panic, a signal). The watchdog waits for end-of-file on a pipe only this
    /// process holds; the returned handle is that pipe, to be kept (or leaked) until the end.
    pub fn for_this_process(
        parent: &Path,
        progress: &dyn Fn(String),
    ) -> CliResult<(Cluster, ChildStdin)> {
        let bin_dir = find_bin_dir()?;
        let run_as = server_user()?;
        let home = parent.join(format!(
            "obanctl-cluster-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or_default()
        ));
        std::fs::create_dir(&home).map_err(|e| io_error("cannot create", &home, e))?;
        if let Some(user) = &run_as {
            // The watchdog runs as the server's user, so that user must be able to delete it.
            std::os::unix::fs::chown(&home, Some(user.uid), Some(user.gid))
                .map_err(|e| io_error("cannot hand over", &home, e))?;
        }
        // Started before the cluster, so that a failure half-way is cleaned up too. pg_ctl cannot
        // run as root, so the watchdog runs as the server's user.
        let script = "cat >/dev/null 2>&1; \
             if [ -f \"$1/postmaster.pid\" ]; then \
               \"$0\" -D \"$1\" -m fast -w -t 30 stop >/dev/null 2>&1 || \"$0\" -D \"$1\" -m immediate -w stop >/dev/null 2>&1; \
             fi; rm -rf \"$2\"";
        let mut watchdog = {
            let mut sh = Command::new("sh");
            sh.arg("-c")
                .arg(script)
                .arg(bin_dir.join("pg_ctl"))
                .arg(home.join(DATA_DIR))
                .arg(&home)
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                // Its own process group: a Ctrl-C meant for this process must not end it first.
                .process_group(0);
            for var in [
                "PGDATA",
                "PGHOST",
                "PGPORT",
                "PGUSER",
                "PGDATABASE",
                "PGPASSWORD",
            ] {
                sh.env_remove(var);
            }
            if let Some(user) = &run_as {
                sh.uid(user.uid).gid(user.gid);
            }
            sh.spawn().map_err(|e| {
                CliError::internal(anyhow::anyhow!("cannot start the watchdog: {e}"))
            })?
        };
        let pipe = watchdog
            .stdin
            .take()
            .ok_or_else(|| CliError::internal(anyhow::anyhow!("the watchdog has no stdin")))?;
        let cluster = Cluster::create(&home, progress)?;
        Ok((cluster, pipe))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_urls_encode_the_socket_directory() {
        assert_eq!(
            private_url(Path::new("/var/lib/obanctl/demo cluster"), 5999),
            "postgresql://obanctl@/postgres?host=%2Fvar%2Flib%2Fobanctl%2Fdemo%20cluster&port=5999"
        );
        let long = PathBuf::from(format!("/{}", "d".repeat(120)));
        assert_eq!(socket_dir(&long, 5999), PathBuf::from("/tmp"));
        assert_eq!(
            socket_dir(Path::new("/var/lib/x"), 5999),
            PathBuf::from("/var/lib/x")
        );
    }

    #[test]
    fn an_explicit_binary_directory_is_the_only_candidate() {
        assert_eq!(
            bin_dir_candidates(Some("/opt/pg".into()), Some("/usr/bin".as_ref())),
            vec![PathBuf::from("/opt/pg")]
        );
        let dirs = bin_dir_candidates(None, Some("/a:/b".as_ref()));
        assert_eq!(dirs[..2], [PathBuf::from("/a"), PathBuf::from("/b")]);
    }
}
