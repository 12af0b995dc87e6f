//! Spelling suggestions are the same in every run and every process (issue 13: "uldn't"
//! was sometimes "couldn't", sometimes "wouldn't"), and the proof-reading findings of one
//! entry are byte for byte the same from two runs of the command.

use std::io::Write;
use std::process::{Command, Stdio};

/// Slips whose closest dictionary words tie, so a ranking that leaned on the
/// dictionary's internal order would pick differently from run to run.
const TIED: [&str; 10] = [
    "uldn't", "hae", "wsa", "teh", "ot", "fo", "tha", "hte", "thier", "becuase",
];

fn cli(text: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cpoms-check"))
        .args([
            "check",
            "--format",
            "json",
            "--now",
            "2024-06-03T12:00",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the command starts");
    let entry = serde_json::json!({ "text": text, "incident_at": "2024-06-03T10:00" });
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(entry.to_string().as_bytes())
        .expect("the entry is written");
    let out = child.wait_with_output().expect("the command ends");
    assert!(out.status.success());
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn suggestions_are_stable_within_a_process() {
    for w in TIED {
        let first = cpoms_check::spell::suggestion(w);
        for _ in 0..50 {
            assert_eq!(cpoms_check::spell::suggestion(w), first, "{w}");
        }
    }
    // Ties go to the alphabetically first of the closest words.
    assert_eq!(
        cpoms_check::spell::suggestion("uldn't").as_deref(),
        Some("couldn't")
    );
}

#[test]
fn two_processes_give_the_same_output() {
    let text = format!("At 10.20 in the hall. {}.", TIED.join(" and "));
    let runs: Vec<String> = (0..4).map(|_| cli(&text)).collect();
    assert!(runs[0].contains("proofread.spelling"), "{}", runs[0]);
    for r in &runs[1..] {
        assert_eq!(r, &runs[0]);
    }
}
