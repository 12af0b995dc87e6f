//! The command-line tool as a person and a script use it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cpoms-check"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // The tool may exit before reading (a bad option): a closed pipe is not a test failure.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
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
    assert!(page.contains("<h1>CPOMS entry audit</h1>") && page.contains("language"));

    std::fs::write(&csv, "Date,Incident\n31/02/2024,x\n").unwrap();
    let o = run(&["audit", csv.to_str().unwrap()], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("line 2"), "{}", stderr(&o));
}
