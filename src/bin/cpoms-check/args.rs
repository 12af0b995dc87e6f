//! Command-line arguments, parsed by hand: a few options do not need a framework.
//!
//! Arguments arrive as `OsString`s: a file name need not be UTF-8 (it is used as a path
//! as given), and any other argument that is not UTF-8 is an error, never a panic.

use cpoms_check::shown::shown;
use cpoms_check::InputKind;
use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

#[derive(Debug, PartialEq)]
pub enum Command {
    Check,
    Audit,
    Help,
    Version,
}

#[derive(Debug, PartialEq)]
pub enum Format {
    Json,
    Text,
}

#[derive(Debug)]
pub struct Args {
    pub command: Command,
    pub file: Option<PathBuf>,
    pub format: Format,
    pub input: InputKind,
    pub policy: Option<PathBuf>,
    pub now: Option<String>,
    pub html: Option<PathBuf>,
    /// audit: where to write the JSON summary (`-` for standard output).
    pub json: Option<PathBuf>,
    /// audit: replace an existing file that `audit` did not write.
    pub force: bool,
    /// audit: read 01/02/2024 as 2 January (month first).
    pub us_dates: bool,
    /// audit: `field=Header` pairs that override the column mapping.
    pub columns: Vec<(String, String)>,
    /// audit: staff named "Staff A", "Staff B"… in the report.
    pub anonymise: bool,
}

/// An argument as text, or why it cannot be read as text.
fn utf8<'a>(arg: &'a OsStr, what: &str) -> Result<&'a str, String> {
    arg.to_str().ok_or_else(|| {
        format!(
            "{what} is not UTF-8 text: `{}`",
            shown(&arg.to_string_lossy())
        )
    })
}

pub fn parse(argv: &[OsString]) -> Result<Args, String> {
    let mut it = argv.iter();
    let command = match it.next().map(|a| utf8(a, "the command")).transpose()? {
        Some("check") => Command::Check,
        Some("audit") => Command::Audit,
        Some("-h" | "--help" | "help") | None => Command::Help,
        Some("-V" | "--version") => Command::Version,
        Some(other) => return Err(format!("unknown command `{}`", shown(other))),
    };
    let mut a = Args {
        command,
        file: None,
        format: Format::Json,
        input: InputKind::Auto,
        policy: None,
        now: None,
        html: None,
        json: None,
        force: false,
        us_dates: false,
        columns: Vec::new(),
        anonymise: false,
    };
    while let Some(arg) = it.next() {
        // A file name may be any bytes; an option is always ASCII.
        let Some(text) = arg.to_str() else {
            if a.file.is_none() {
                a.file = Some(PathBuf::from(arg));
                continue;
            }
            return Err(format!(
                "unexpected argument `{}`",
                shown(&arg.to_string_lossy())
            ));
        };
        let (flag, inline) = match text.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(OsString::from(v))),
            _ => (text, None),
        };
        let mut value = |name: &str| -> Result<OsString, String> {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or(format!("{name} needs a value"))
        };
        match flag {
            "--format" => {
                let v = value("--format")?;
                a.format = match utf8(&v, "--format")? {
                    "json" => Format::Json,
                    "text" => Format::Text,
                    other => {
                        return Err(format!(
                            "--format must be json or text, not `{}`",
                            shown(other)
                        ))
                    }
                }
            }
            "--input" => {
                let v = value("--input")?;
                a.input = match utf8(&v, "--input")? {
                    "auto" => InputKind::Auto,
                    "json" => InputKind::Json,
                    "text" => InputKind::Text,
                    other => {
                        return Err(format!(
                            "--input must be auto, json or text, not `{}`",
                            shown(other)
                        ))
                    }
                }
            }
            "--policy" => a.policy = Some(PathBuf::from(value("--policy")?)),
            "--now" => a.now = Some(utf8(&value("--now")?, "--now")?.to_string()),
            "--html" if a.command == Command::Audit => {
                a.html = Some(PathBuf::from(value("--html")?))
            }
            "--json" if a.command == Command::Audit => {
                a.json = Some(PathBuf::from(value("--json")?))
            }
            "--force" if a.command == Command::Audit => a.force = true,
            "--us-dates" if a.command == Command::Audit => a.us_dates = true,
            "--anonymise" | "--anonymize" if a.command == Command::Audit => a.anonymise = true,
            "--columns" if a.command == Command::Audit => {
                let v = value("--columns")?;
                a.columns.extend(columns(utf8(&v, "--columns")?)?);
            }
            "-h" | "--help" => a.command = Command::Help,
            f if f.starts_with("--") => return Err(format!("unknown option `{}`", shown(f))),
            _ if a.file.is_none() => a.file = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument `{}`", shown(text))),
        }
    }
    Ok(a)
}

/// `text=Incident details,recorded_by=Staff`: each field named once; an empty header
/// (`attachments=`) means "do not use a column for this field".
fn columns(spec: &str) -> Result<Vec<(String, String)>, String> {
    spec.split(',')
        .filter(|p| !p.trim().is_empty())
        .map(|pair| {
            let (field, header) = pair.split_once('=').ok_or_else(|| {
                format!(
                    "--columns takes field=Header pairs, such as text=Incident, not `{}`",
                    shown(pair)
                )
            })?;
            Ok((field.trim().to_string(), header.trim().to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Result<Args, String> {
        parse(&s.split_whitespace().map(OsString::from).collect::<Vec<_>>())
    }

    #[test]
    fn parses_the_spec_forms() {
        let a = args("check - --format text --policy p.json --now 2023-12-07T11:05").unwrap();
        assert_eq!(
            (a.command, a.file, a.format),
            (Command::Check, Some(PathBuf::from("-")), Format::Text)
        );
        assert_eq!(a.now.as_deref(), Some("2023-12-07T11:05"));
        assert_eq!(args("check --format=json").unwrap().format, Format::Json);
        assert_eq!(args("check --input text").unwrap().input, InputKind::Text);
        assert_eq!(args("check").unwrap().input, InputKind::Auto);
        assert_eq!(
            args("audit x.csv --html r.html").unwrap().html,
            Some(PathBuf::from("r.html"))
        );
        let a = args("audit x.csv --columns text=Details,attachments= --us-dates --force").unwrap();
        assert_eq!(
            a.columns,
            [
                ("text".into(), "Details".into()),
                ("attachments".into(), String::new())
            ]
        );
        assert!(a.us_dates && a.force && !a.anonymise);
    }

    #[test]
    fn rejects_bad_arguments() {
        for bad in [
            "check --format xml",
            "check --colour",
            "check a b",
            "check --policy",
            "frobnicate",
            "check --html r.html",
            "check --input yaml",
            "check --force",
            "audit x.csv --columns text",
        ] {
            assert!(args(bad).is_err(), "{bad}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn bytes_that_are_not_utf8_are_an_error_or_a_path_never_a_panic() {
        use std::os::unix::ffi::OsStringExt;
        let bad = || OsString::from_vec(vec![b'x', 0xff, b'\n', 0x1b]);
        let a = parse(&[OsString::from("check"), bad()]).unwrap();
        assert_eq!(a.file, Some(PathBuf::from(bad())));
        for argv in [
            vec![bad()],
            vec!["check".into(), "--now".into(), bad()],
            vec!["check".into(), "--format".into(), bad()],
            vec!["check".into(), "a".into(), bad()],
        ] {
            let e = parse(&argv).unwrap_err();
            assert!(!e.contains('\n') && !e.contains('\x1b'), "{e}");
        }
    }
}
