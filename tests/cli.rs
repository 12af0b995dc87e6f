//! The command-line tool as a person and a script use it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let args: Vec<std::ffi::OsString> = args.iter().map(Into::into).collect();
    run_os(&args, stdin.as_bytes())
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

#[test]
fn checks_a_file_as_json() {
    let o = run(
        &["check", &fixture("guidance-bad.json"), "--format", "json"],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["checklist"].as_array().unwrap().len(), 12);
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["excerpt"] == "kicking off"));
}

#[test]
fn plain_text_on_stdin_with_now_is_reproducible() {
    let a = run(
        &["check", "-", "--now", "2024-03-04T11:00"],
        "Derek was kicking off.",
    );
    let b = run(
        &["check", "--now", "2024-03-04T11:00"],
        "Derek was kicking off.",
    );
    assert_eq!(a.status.code(), Some(0));
    assert_eq!(a.stdout, b.stdout, "byte for byte the same");
}

#[test]
fn text_format_is_readable() {
    let o = run(
        &["check", &fixture("guidance-bad.json"), "--format", "text"],
        "",
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.starts_with("CPOMS check: "), "{out}");
    assert!(out.contains("»kicking off«"));
    assert!(out.contains("  ✗ language"));
    assert!(!out.contains('\x1b'), "no colour when not a terminal");
}

#[test]
fn bad_input_exits_2_with_one_line_naming_the_field() {
    for (input, needle) in [
        (
            r#"{"text": "x", "incident_at": "2023-02-30T10:00"}"#,
            "incident_at",
        ),
        (r#"{"text": 7}"#, "text"),
        (r#"{"text": "x", "categories": "Behaviour"}"#, "categories"),
        (r#"{"text": "x""#, "not valid JSON"),
    ] {
        let o = run(&["check", "-"], input);
        assert_eq!(o.status.code(), Some(2), "{input}");
        let err = stderr(&o);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains(needle), "{err}");
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn bad_options_and_policies_exit_2() {
    let dir = std::env::temp_dir().join(format!("cpoms-check-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let policy = dir.join("policy.json");
    std::fs::write(&policy, r#"{"school_day": {"start": "9am"}}"#).unwrap();
    let o = run(&["check", "-", "--policy", policy.to_str().unwrap()], "x");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("school_day.start"), "{}", stderr(&o));
    assert_eq!(
        run(&["check", "-", "--now", "tomorrow"], "x").status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["check", "-", "--format", "xml"], "x").status.code(),
        Some(2)
    );
    assert_eq!(run(&["check", "/no/such/file"], "").status.code(), Some(2));
}

#[test]
fn a_policy_file_changes_the_verdict() {
    let dir = std::env::temp_dir().join(format!("cpoms-check-policy-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let policy = dir.join("policy.json");
    std::fs::write(&policy, r#"{"extra_phrases": [{"phrase": "played up", "replacement": "did not follow instructions"}]}"#).unwrap();
    let input = "Sam played up in Maths.";
    let without =
        String::from_utf8(run(&["check", "-", "--now", "2024-03-04T11:00"], input).stdout).unwrap();
    let with = String::from_utf8(
        run(
            &[
                "check",
                "-",
                "--now",
                "2024-03-04T11:00",
                "--policy",
                policy.to_str().unwrap(),
            ],
            input,
        )
        .stdout,
    )
    .unwrap();
    assert!(!without.contains("did not follow instructions"));
    assert!(
        with.contains("\"suggestion\": \"did not follow instructions\""),
        "{with}"
    );
}

#[test]
fn audit_summarises_a_csv_export_and_writes_html() {
    let dir = std::env::temp_dir().join(format!("cpoms-check-audit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("export.csv");
    std::fs::write(
        &csv,
        "Date,Student,Category,Recorded By,Incident\n\
         16/01/2024 09:00,Derek Smith,Behaviour,JBloggs,\"Derek was kicking off, said \"\"no\"\".\"\n\
         16/01/2024 10:00,Amira Khan,,GBrown,\"At 10.00 in the hall, Amira said “I fell.”\nGBrown phoned mum.\"\n",
    )
    .unwrap();
    let html = dir.join("report.html");
    let o = run(
        &[
            "audit",
            csv.to_str().unwrap(),
            "--html",
            html.to_str().unwrap(),
            "--now",
            "2024-01-16T12:00",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.starts_with("2 entries checked"), "{out}");
    assert!(out.contains("JBloggs") && out.contains("GBrown"));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(
        page.contains("<h1>Safeguarding records audit</h1>")
            && page.contains("Professional language")
    );

    // An unreadable date skips its row (exit status 3), naming the line, header and text.
    std::fs::write(&csv, "Date,Incident\n31/02/2024,x\n").unwrap();
    let o = run(&["audit", csv.to_str().unwrap()], "");
    assert_eq!(o.status.code(), Some(3));
    assert!(
        stderr(&o).contains("line 2: column “Date”: “31/02/2024”"),
        "{}",
        stderr(&o)
    );
}

/// Runs the tool with raw (possibly non-UTF-8) arguments.
fn run_os(args: &[std::ffi::OsString], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cpoms-check"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    // Written from a thread: the tool may stop reading at its limit.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    let _ = writer.join();
    out
}

/// Hostile arguments and inputs: each ends with exit 0 or 2 (never a panic's 101 or a
/// signal), and an error is exactly one line, no longer than 500 characters, with no control
/// character. RELIABILITY.md quotes how many cases this tries.
#[cfg(unix)]
#[test]
fn hostile_arguments_and_inputs_never_panic_and_errors_are_one_short_line() {
    use std::ffi::OsString;
    use std::os::unix::ffi::OsStringExt;
    let dir = std::env::temp_dir().join(format!("cpoms-check-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad_policy = |name: &str, json: &str| {
        let p = dir.join(name);
        std::fs::write(&p, json).unwrap();
        p.into_os_string()
    };
    let os = |s: &str| OsString::from(s);
    let bytes = |b: &[u8]| OsString::from_vec(b.to_vec());
    let escape = "\u{1b}[2J\u{1b}]0;pwned\u{7}\nsecond line\r\u{9b}31m";
    let long = "k".repeat(1_000_000);
    // One argument may be at most 128 KiB on Linux.
    let long_arg = "k".repeat(100_000);
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let mut cases: Vec<(Vec<OsString>, Vec<u8>)> = vec![
        (vec![bytes(b"\xff\xfe")], vec![]),
        (
            vec![os("check"), bytes(b"/tmp/\xff\n\x1b[31mnot-there")],
            vec![],
        ),
        (
            vec![os("check"), os("--now"), bytes(b"2024\xff")],
            b"x".to_vec(),
        ),
        (
            vec![os("check"), os("--format"), bytes(b"\xc3")],
            b"x".to_vec(),
        ),
        (vec![os("check"), os("--input"), os(escape)], b"x".to_vec()),
        (vec![os("check"), os(&format!("--{escape}"))], b"x".to_vec()),
        (vec![os(escape)], vec![]),
        (vec![os(&long_arg)], vec![]),
        (vec![os("check"), os("--now"), os(&long_arg)], b"x".to_vec()),
        (vec![os("check"), os("--now")], vec![]),
        (vec![os("check"), os("a"), os("b"), os(escape)], vec![]),
        (vec![os("check"), os("/")], vec![]),
        (vec![os("check"), os("")], vec![]),
        (vec![os("audit")], vec![]),
        (vec![os("audit"), os("/no/such.csv")], vec![]),
        (vec![os("check"), os("--policy"), os("/")], b"x".to_vec()),
        (
            vec![os("check"), os("--policy"), bad_policy("deep.json", &deep)],
            b"x".to_vec(),
        ),
        (
            vec![
                os("check"),
                os("--policy"),
                bad_policy("key.json", &format!(r#"{{"{long}": 1}}"#)),
            ],
            b"x".to_vec(),
        ),
        (
            vec![
                os("check"),
                os("--policy"),
                bad_policy("esc.json", r#"{"hosts": ["\u001b[2J\n"]}"#),
            ],
            b"x".to_vec(),
        ),
        (
            vec![
                os("check"),
                os("--policy"),
                bad_policy("star.json", r#"{"extra_phrases": [{"phrase": "*"}]}"#),
            ],
            b"x".to_vec(),
        ),
        (vec![os("check"), os("-")], vec![0xff, 0xfe, b'a']),
        (vec![os("check"), os("-")], deep.clone().into_bytes()),
        (
            vec![os("check"), os("--input"), os("json")],
            deep.into_bytes(),
        ),
        (
            vec![os("check"), os("-")],
            format!(r#"{{"{long}": 1, "text": "x"}}"#).into_bytes(),
        ),
        (
            vec![os("check"), os("-")],
            br#"{"text": "x", "incident_at": "\u001b[2J\n+202-01-01"}"#.to_vec(),
        ),
        (
            vec![os("check"), os("-")],
            format!("{{\"text\": \"{escape}").into_bytes(),
        ),
        (
            vec![os("check"), os("-"), os("--input"), os("json")],
            b"{Name removed} hit me".to_vec(),
        ),
        (
            vec![os("check"), os("-")],
            b"{\"text\": \"\\ud800\"}".to_vec(),
        ),
        (
            vec![os("check"), os("-"), os("--format"), os("text")],
            escape.as_bytes().to_vec(),
        ),
        (vec![os("check"), os("-")], vec![0; 10_000_001]),
    ];
    for date in [
        "+202-01-01",
        "2023-+1-+1T+9:+5",
        "0000-01-01T10:00",
        "2023-02-29",
        "9999-99-99",
        "2023-01-01T23:60",
    ] {
        cases.push((vec![os("check"), os("--now"), os(date)], b"x".to_vec()));
    }
    let tried = cases.len();
    for (args, stdin) in cases {
        let o = run_os(&args, &stdin);
        let err = String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8");
        let shown = format!("{:.200?}", args);
        assert!(
            matches!(o.status.code(), Some(0 | 2)),
            "{shown}: {:?} {err}",
            o.status
        );
        if o.status.code() == Some(2) {
            assert!(
                err.ends_with('\n') && err.matches('\n').count() == 1,
                "{shown}: {err:?}"
            );
            assert!(err.chars().count() <= 500, "{shown}: {} chars", err.len());
            assert!(
                !err.trim_end().chars().any(char::is_control),
                "{shown}: {err:?}"
            );
            assert!(o.stdout.is_empty(), "{shown}");
        }
    }
    assert!(tried >= 36, "{tried}");
}

#[cfg(unix)]
#[test]
fn an_endless_input_stops_at_the_limit() {
    // /dev/zero never ends: the tool reads up to its limit and says so.
    let o = run(&["check", "/dev/zero"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("10 MB limit"), "{}", stderr(&o));
}

#[test]
fn prose_that_starts_with_a_brace_is_checked_as_text() {
    let o = run(
        &["check", "-", "--now", "2024-03-04T11:00"],
        "{Name removed} was kicking off in Maths.",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("\"excerpt\": \"kicking off\""));
    // A JSON entry can be checked as its literal text, and text refused as JSON.
    let o = run(&["check", "-", "--input", "text"], r#"{"text": "x"}"#);
    assert_eq!(o.status.code(), Some(0));
    let o = run(&["check", "-", "--input", "json"], "Derek was upset.");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not valid JSON"), "{}", stderr(&o));
}

#[test]
fn loose_dates_are_refused() {
    for date in ["+202-01-01", "2023-+1-+1T+9:+5", "0000-06-01T10:00"] {
        let o = run(&["check", "-", "--now", date], "x");
        assert_eq!(o.status.code(), Some(2), "{date}");
        let input = format!(r#"{{"text": "x", "incident_at": "{date}"}}"#);
        let o = run(&["check", "-", "--now", "2024-03-04T11:00"], &input);
        assert_eq!(o.status.code(), Some(2), "{date}");
        assert!(stderr(&o).contains("incident_at"), "{}", stderr(&o));
    }
}

#[cfg(unix)]
#[test]
fn a_full_or_closed_output_is_an_error_line_not_a_panic() {
    for args in [
        vec!["--help"],
        vec!["--version"],
        vec!["check", "-", "--format", "text"],
        vec!["check", "-"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_cpoms-check"))
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::from(full))
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let _ = child
            .stdin
            .take()
            .unwrap()
            .write_all(b"Derek was kicking off.");
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("could not write"), "{}", stderr(&o));
        assert_eq!(stderr(&o).lines().count(), 1);
    }
}

#[test]
fn the_text_report_shows_control_characters_escaped() {
    let o = run(
        &[
            "check",
            "-",
            "--format",
            "text",
            "--now",
            "2024-03-04T11:00",
        ],
        "Derek was kicking off\u{1b}[2J\rin class.\u{1b}]0;x\u{7} I think he was lying.",
    );
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("\\u{1b}[2J"), "{out}");
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
}

#[test]
fn audit_shows_hostile_cells_escaped_and_short() {
    let dir =
        std::env::temp_dir().join(format!("cpoms-check-audit-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("export.csv");
    let staff = format!("\u{1b}[2J{}", "Z".repeat(500));
    std::fs::write(
        &csv,
        format!("Incident,Recorded By,Date\nDerek was upset.,{staff},16/01/2024 09:00\n"),
    )
    .unwrap();
    let o = run(
        &["audit", csv.to_str().unwrap(), "--now", "2024-01-16T12:00"],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        !out.contains('\u{1b}') && !out.contains(&"Z".repeat(100)),
        "{out}"
    );
    std::fs::write(
        &csv,
        format!("Incident,Date\nx,\u{1b}]0;{}\n", "9".repeat(5_000)),
    )
    .unwrap();
    let o = run(&["audit", csv.to_str().unwrap()], "");
    assert_eq!(o.status.code(), Some(3));
    let err = stderr(&o);
    let skipped: Vec<&str> = err.lines().filter(|l| l.contains("skipped")).collect();
    assert!(skipped.len() == 1 && skipped[0].contains("line 2"), "{err}");
    for line in err.lines() {
        assert!(
            !line.chars().any(char::is_control) && line.len() < 500,
            "{line}"
        );
    }
}
