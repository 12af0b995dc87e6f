//! Command-line arguments, parsed by hand: four options do not need a framework.

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
    pub file: Option<String>,
    pub format: Format,
    pub policy: Option<String>,
    pub now: Option<String>,
    pub html: Option<String>,
}

pub fn parse(argv: &[String]) -> Result<Args, String> {
    let mut it = argv.iter();
    let command = match it.next().map(String::as_str) {
        Some("check") => Command::Check,
        Some("audit") => Command::Audit,
        Some("-h" | "--help" | "help") | None => Command::Help,
        Some("-V" | "--version") => Command::Version,
        Some(other) => return Err(format!("unknown command `{other}`")),
    };
    let mut a = Args {
        command,
        file: None,
        format: Format::Json,
        policy: None,
        now: None,
        html: None,
    };
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or(format!("{name} needs a value"))
        };
        match flag {
            "--format" => {
                a.format = match value("--format")?.as_str() {
                    "json" => Format::Json,
                    "text" => Format::Text,
                    other => return Err(format!("--format must be json or text, not `{other}`")),
                }
            }
            "--policy" => a.policy = Some(value("--policy")?),
            "--now" => a.now = Some(value("--now")?),
            "--html" if a.command == Command::Audit => a.html = Some(value("--html")?),
            "-h" | "--help" => a.command = Command::Help,
            f if f.starts_with("--") => return Err(format!("unknown option `{f}`")),
            _ if a.file.is_none() => a.file = Some(arg.clone()),
            _ => return Err(format!("unexpected argument `{arg}`")),
        }
    }
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Result<Args, String> {
        parse(&s.split_whitespace().map(String::from).collect::<Vec<_>>())
    }

    #[test]
    fn parses_the_spec_forms() {
        let a = args("check - --format text --policy p.json --now 2023-12-07T11:05").unwrap();
        assert_eq!(
            (a.command, a.file.as_deref(), a.format),
            (Command::Check, Some("-"), Format::Text)
        );
        assert_eq!(a.now.as_deref(), Some("2023-12-07T11:05"));
        assert_eq!(args("check --format=json").unwrap().format, Format::Json);
        assert_eq!(
            args("audit x.csv --html r.html").unwrap().html.as_deref(),
            Some("r.html")
        );
    }

    #[test]
    fn rejects_bad_arguments() {
        assert!(args("check --format xml").is_err());
        assert!(args("check --colour").is_err());
        assert!(args("check a b").is_err());
        assert!(args("check --policy").is_err());
        assert!(args("frobnicate").is_err());
        assert!(args("check --html r.html").is_err());
    }
}
