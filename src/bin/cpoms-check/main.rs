//! `cpoms-check`: the checking engine on the command line.
//!
//! ```text
//! cpoms-check check [FILE|-] [--format json|text] [--policy POLICY.json] [--now YYYY-MM-DDTHH:MM]
//! cpoms-check audit EXPORT.csv [--html REPORT.html] [--policy POLICY.json] [--now YYYY-MM-DDTHH:MM]
//! ```
//! Exit status: 0 when it ran (whatever it found), 2 on unusable input, with one line on
//! stderr naming the field, setting or line.

mod args;
mod audit;
mod csv;
mod text_report;

use cpoms_check::{check, Entry, LocalDateTime, Policy};
use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage:
  cpoms-check check [FILE|-] [--format json|text] [--policy POLICY.json] [--now YYYY-MM-DDTHH:MM]
  cpoms-check audit EXPORT.csv [--html REPORT.html] [--policy POLICY.json] [--now YYYY-MM-DDTHH:MM]
  cpoms-check --version";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match run(&argv) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("cpoms-check: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(argv: &[String]) -> Result<(), String> {
    let parsed = args::parse(argv).map_err(|e| format!("{e}\n{USAGE}"))?;
    match parsed.command {
        args::Command::Help => {
            println!("{USAGE}");
            Ok(())
        }
        args::Command::Version => {
            println!("cpoms-check {}", cpoms_check::version());
            Ok(())
        }
        args::Command::Check => {
            let policy = load_policy(parsed.policy.as_deref())?;
            let now = now(parsed.now.as_deref())?;
            let input = read_input(parsed.file.as_deref())?;
            let entry = Entry::from_input(&input).map_err(|e| e.to_string())?;
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
            written.map_err(|e| format!("could not write the verdict: {e}"))
        }
        args::Command::Audit => {
            let policy = load_policy(parsed.policy.as_deref())?;
            let now = now(parsed.now.as_deref())?;
            let file = parsed
                .file
                .as_deref()
                .ok_or("audit needs the CSV export's path")?;
            audit::run(file, parsed.html.as_deref(), &policy, now)
        }
    }
}

fn stdout_colour() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

fn load_policy(path: Option<&str>) -> Result<Policy, String> {
    let Some(path) = path else {
        return Ok(Policy::default());
    };
    let json = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read the policy file {path}: {e}"))?;
    Policy::from_json(&json).map_err(|e| format!("{path}: {e}"))
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

fn read_input(file: Option<&str>) -> Result<String, String> {
    let mut bytes = Vec::new();
    match file {
        None | Some("-") => {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
        }
        Some(path) => {
            bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        }
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "the input is not UTF-8 text (byte {})",
            e.utf8_error().valid_up_to()
        )
    })
}
