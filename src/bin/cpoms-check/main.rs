//! `cpoms-check`: the checking engine on the command line.
//!
//! ```text
//! cpoms-check check [FILE|-] [--format json|text] [--input auto|json|text] [--policy POLICY.json] [--now YYYY-MM-DDTHH:MM]
//! cpoms-check audit EXPORT.csv [--html REPORT.html] [--json SUMMARY.json|-] [--columns field=Header,…]
//!                              [--us-dates] [--anonymise] [--force] [--policy POLICY.json] [--now YYYY-MM-DDTHH:MM]
//! ```
//! Exit status: 0 when it ran (whatever it found), 2 on unusable input, with one line on
//! stderr naming the field, setting or line; 3 when `audit` ran but skipped rows it could
//! not read (each named on stderr, counted in the summary). Every message is one line: values from the input
//! are escaped and shortened (`cpoms_check::shown`). Inputs are read up to a limit
//! (`limits.rs`), so no input can make the tool read or allocate without end.

mod args;
mod audit;
mod limits;
mod text_report;

use cpoms_check::shown::{one_line, shown};
use cpoms_check::{check, Entry, LocalDateTime, Policy};
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage:
  cpoms-check check [FILE|-] [--format json|text] [--input auto|json|text] [--policy POLICY.json] [--now YYYY-MM-DDTHH:MM]
  cpoms-check audit EXPORT.csv [--html REPORT.html] [--json SUMMARY.json|-] [--columns field=Header,…]
                               [--us-dates] [--anonymise] [--force] [--policy POLICY.json] [--now YYYY-MM-DDTHH:MM]
  cpoms-check --version

audit exit status: 0 every row read, 3 some rows skipped (listed on stderr), 2 unusable input";

/// The longest error line printed: a backstop behind each value's own shortening.
const MAX_ERROR_CHARS: usize = 400;

fn main() -> ExitCode {
    let argv: Vec<OsString> = std::env::args_os().skip(1).collect();
    match run(&argv) {
        Ok(Ran::Clean) => ExitCode::SUCCESS,
        Ok(Ran::Skipped) => ExitCode::from(3),
        Err(message) => {
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "cpoms-check: {}", one_line(&message, MAX_ERROR_CHARS));
            ExitCode::from(2)
        }
    }
}

/// A path as an error message shows it.
pub fn show_path(p: &Path) -> String {
    shown(&p.to_string_lossy())
}

/// How a run that did not fail ended.
enum Ran {
    Clean,
    /// `audit` skipped rows it could not read: exit status 3.
    Skipped,
}

fn run(argv: &[OsString]) -> Result<Ran, String> {
    let parsed = args::parse(argv).map_err(|e| format!("{e} (see cpoms-check --help)"))?;
    match parsed.command {
        args::Command::Help => print_out(&format!("{USAGE}\n")).map(|()| Ran::Clean),
        args::Command::Version => {
            print_out(&format!("cpoms-check {}\n", cpoms_check::version())).map(|()| Ran::Clean)
        }
        args::Command::Check => {
            let policy = load_policy(parsed.policy.as_deref())?;
            let now = now(parsed.now.as_deref())?;
            let input = limits::read_text(parsed.file.as_deref(), limits::CHECK_BYTES)?;
            let entry = Entry::from_input_as(&input, parsed.input).map_err(|e| e.to_string())?;
            drop(input);
            let verdict = check(&entry, &policy, now);
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            let written = match parsed.format {
                args::Format::Json => writeln!(out, "{}", verdict.to_json()),
                args::Format::Text => {
                    let colour = stdout_colour();
                    write!(
                        out,
                        "{}",
                        text_report::render(&verdict, &entry.text, colour)
                    )
                }
            };
            written
                .and_then(|()| out.flush())
                .map_err(|e| format!("could not write the verdict: {e}"))
                .map(|()| Ran::Clean)
        }
        args::Command::Audit => {
            let policy = load_policy(parsed.policy.as_deref())?;
            let now = now(parsed.now.as_deref())?;
            let file = parsed
                .file
                .as_deref()
                .ok_or("audit needs the CSV export's path")?;
            let skipped = audit::run(&audit::Options {
                file,
                html: parsed.html.as_deref(),
                json: parsed.json.as_deref(),
                force: parsed.force,
                order: if parsed.us_dates {
                    audit::Order::MonthFirst
                } else {
                    audit::Order::DayFirst
                },
                columns: &parsed.columns,
                anonymise: parsed.anonymise,
                policy: &policy,
                now,
            })?;
            Ok(if skipped { Ran::Skipped } else { Ran::Clean })
        }
    }
}

/// Writes to standard output; a closed pipe is an error line, not a panic (`println!`
/// panics when the reader has gone).
pub fn print_out(s: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| format!("could not write the output: {e}"))
}

fn stdout_colour() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

fn load_policy(path: Option<&Path>) -> Result<Policy, String> {
    let Some(path) = path else {
        return Ok(Policy::default());
    };
    let json = limits::read_text(Some(path), limits::POLICY_BYTES)?;
    Policy::from_json(&json).map_err(|e| format!("{}: {e}", show_path(path)))
}

/// `--now`, else the machine's local clock.
fn now(arg: Option<&str>) -> Result<LocalDateTime, String> {
    match arg {
        Some(s) => LocalDateTime::parse(s).map_err(|e| format!("--now: {e}")),
        None => {
            let t = chrono::Local::now().naive_local();
            LocalDateTime::parse(&t.format("%Y-%m-%dT%H:%M").to_string())
                .map_err(|e| format!("clock: {e}"))
        }
    }
}
