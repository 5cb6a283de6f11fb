//! One module per command group; [`run`] is the single dispatch point.

pub mod audit;
pub mod config;
pub mod cron;
pub mod demo;
pub mod docs;
pub mod doctor;
pub mod guard;
pub mod install;
pub mod jobs;
pub mod limiter;
pub mod metrics;
pub mod queues;
pub mod top;
pub mod workflow;

use crate::cli::{Cli, Command, ConfigCommand};
use crate::error::{CliError, ErrorKind};
use crate::printer::{Printer, PrinterOptions};
use crate::settings::{ConfigFile, Settings};

/// Resolves settings, runs the command, prints any error and turns the outcome into an exit code.
pub fn run(cli: Cli) -> u8 {
    let env = |name: &str| std::env::var(name).ok();
    let settings = resolve_settings(&cli, &env);
    let settings = match settings {
        Ok(settings) => settings,
        Err(err) => {
            fallback_printer(&cli, &env).error(&err);
            return err.exit_code_number();
        }
    };
    crate::output::time::set_local_time(settings.local_time);
    let printer = Printer::new(PrinterOptions {
        format: settings.format.value,
        color: settings.color.value,
        quiet: settings.quiet,
        verbose: settings.verbose,
        no_trunc: settings.no_trunc,
    });
    let result = match cli.command {
        Command::Install(args) => install::run(&settings, &printer, args),
        Command::Doctor(args) => doctor::run(&settings, &printer, args),
        Command::Jobs(command) => jobs::run(&settings, &printer, command),
        Command::Queues(args) => queues::run_queues(&settings, &printer, args),
        Command::Queue(command) => queues::run_queue(&settings, &printer, command),
        Command::Nodes(args) => queues::run_nodes(&settings, &printer, args),
        Command::Cron(command) => cron::run(&settings, &printer, command),
        Command::Limiter(command) => limiter::run(&settings, &printer, command),
        Command::Workflow(command) => workflow::run(&settings, &printer, command),
        Command::Top(args) => top::run(&settings, &printer, args),
        Command::Metrics(args) => metrics::run(&settings, &printer, args),
        Command::Audit(command) => audit::run(&settings, &printer, command),
        Command::Demo(command) => demo::run(&settings, &printer, command),
        Command::Config(ConfigCommand::Show) => config::show(&settings, &printer),
        Command::Completions(args) => docs::completions(&printer, args),
        Command::Man(args) => docs::man(&printer, args),
    };
    match result {
        Ok(status) => status.code(),
        Err(err) if err.is(ErrorKind::BrokenPipe) => 0,
        Err(err) => {
            printer.error(&err);
            err.exit_code_number()
        }
    }
}

/// The printer for an error found while resolving settings: JSON when the flag or environment
/// asked for it, so scripts get a JSON error even for a bad config file.
fn fallback_printer(cli: &Cli, env: &dyn Fn(&str) -> Option<String>) -> Printer {
    let json = cli.global.format == Some(crate::values::Format::Json)
        || (cli.global.format.is_none()
            && env("OBANCTL_FORMAT").is_some_and(|f| f.eq_ignore_ascii_case("json")));
    if json {
        Printer::fallback_json()
    } else {
        Printer::fallback()
    }
}

fn resolve_settings(cli: &Cli, env: &dyn Fn(&str) -> Option<String>) -> Result<Settings, CliError> {
    let explicit = cli.global.config.clone().or_else(|| {
        env("OBANCTL_CONFIG")
            .filter(|v| !v.is_empty())
            .map(Into::into)
    });
    let cwd = std::env::current_dir().unwrap_or_default();
    let config = ConfigFile::discover(explicit.as_deref(), &cwd, dirs::config_dir().as_deref())?;
    Settings::resolve(&cli.global, env, config.as_ref())
}
