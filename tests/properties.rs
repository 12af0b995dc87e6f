//! Properties that hold for any text: no panic, offsets slice the text to the excerpt,
//! ordering as the spec says, the same output every time (in one process and across two
//! runs of the command-line tool), appending an unrelated paragraph never removes an earlier
//! language finding, and quoting a flagged phrase (the child's own words) removes its
//! language finding.

use cpoms_check::{check, Entry, LocalDateTime, Policy, CRITERIA};
use proptest::prelude::*;
use std::io::Write;
use std::process::{Command, Stdio};

fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).expect("a finding never splits a surrogate pair")
}

/// Text built from the pieces that make entries hard: quotes of every kind, apostrophes,
/// names, staff codes, times, dates, emoji, combining marks, line breaks, lists, emails.
fn entry_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Derek",
        "derek",
        "Will",
        "will",
        "Summer",
        "JBloggs",
        "Mrs Patel",
        "Miss",
        "I",
        "me",
        "kicking off",
        "really",
        "very angry",
        "!",
        "!!",
        "?",
        ".",
        ",",
        ":",
        ";",
        "“",
        "”",
        "\"",
        "'",
        "‘",
        "’",
        "Derek’s",
        "don't",
        "(",
        ")",
        "\n",
        "\n\n",
        "Actions:",
        "- ",
        "From: Gemma Lowe",
        "Sent: 12 May 2024 09:00",
        "Thanks",
        "said that",
        "told me",
        "12.40",
        "8.35am",
        "14:25",
        "Monday",
        "3rd March",
        "12/03",
        "😀",
        "e\u{301}",
        "Łukasz",
        "\u{200b}",
        "\t",
        "the the",
        "tmrw",
        "w/",
        "recieved",
        "body map",
        "attached",
        "I think",
        "obviously",
        "appeared",
        "the school nurse",
        "Sam Fletcher",
        "PC Smith",
        "because",
        "classroom",
        "phoned mum",
        "Ellie-Mae",
        "AJones-Smith",
        "SENCo",
    ]);
    (
        prop::collection::vec(pieces, 0..60),
        prop::collection::vec(any::<char>(), 0..20),
    )
        .prop_map(|(p, noise)| {
            let mut s = p.join(" ");
            s.extend(noise);
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn findings_slice_the_text_to_their_excerpt(text in entry_text(), tagged in prop::bool::ANY) {
        let entry = Entry {
            text: text.clone(),
            students: if tagged { vec!["Derek Smith".into(), "Will Turner".into()] } else { vec![] },
            incident_at: LocalDateTime::parse("2024-03-04T10:00").ok(),
            ..Entry::default()
        };
        let v = check(&entry, &Policy::default(), LocalDateTime::parse("2024-03-04T11:00").unwrap());
        prop_assert_eq!(v.checklist.iter().map(|r| r.criterion).collect::<Vec<_>>(), CRITERIA.to_vec());
        let len16 = text.encode_utf16().count();
        for f in &v.findings {
            match (f.start, f.end, &f.excerpt) {
                (Some(s), Some(e), Some(x)) => {
                    prop_assert!(s <= e && e <= len16);
                    prop_assert_eq!(&utf16_slice(&text, s, e), x);
                }
                (None, None, None) => {}
                _ => prop_assert!(false, "a finding has offsets without an excerpt, or the reverse"),
            }
        }
        // Priority findings first, then field findings, whole-entry ones, then by position.
        let keys: Vec<(bool, bool, bool, Option<usize>)> = v.findings.iter().map(|f| (!f.priority, f.start.is_some(), f.field.is_none(), f.start)).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        prop_assert_eq!(keys, sorted);
        // Deterministic, byte for byte.
        let again = check(&entry, &Policy::default(), LocalDateTime::parse("2024-03-04T11:00").unwrap());
        prop_assert_eq!(v.to_json(), again.to_json());
    }

    #[test]
    fn never_panics_on_any_string(text in any::<String>()) {
        let _ = check(&Entry::from_text(text), &Policy::default(), LocalDateTime::parse("2024-03-04T11:00").unwrap());
    }
}

/// The command-line tool's output for `input`, in a fresh process.
fn cli(input: &str, format: &str) -> Vec<u8> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cpoms-check"))
        .args([
            "check",
            "-",
            "--now",
            "2024-03-04T11:00",
            "--format",
            format,
        ])
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A paragraph that shares nothing with what comes before: no quotation mark, no name, no
/// header line, each sentence complete.
fn unrelated_paragraph() -> impl Strategy<Value = String> {
    let sentences = prop::sample::select(vec![
        "The DSL was informed at 15:40.",
        "KPatel updated the log.",
        "No further action was needed today.",
        "The meeting is on Friday.",
        "A copy is on file.",
        "Reviewed by GBrown.",
    ]);
    prop::collection::vec(sentences, 1..4).prop_map(|s| s.join(" "))
}

/// The language findings as (rule, start, end).
fn language_spans(v: &cpoms_check::Verdict) -> Vec<(&'static str, usize, usize)> {
    v.findings
        .iter()
        .filter(|f| f.criterion == "language")
        .filter_map(|f| Some((f.rule, f.start?, f.end?)))
        .collect()
}

/// The language list's plain phrases (no `*` or `|` slot), as a person would type them.
fn plain_phrases() -> Vec<String> {
    cpoms_check::data::data()
        .language
        .phrase
        .iter()
        .flat_map(|p| p.patterns.iter())
        .filter(|p| !p.contains(['*', '|']))
        .map(|p| p.replace('=', ""))
        .collect()
}

fn now() -> LocalDateTime {
    LocalDateTime::parse("2024-03-04T11:00").unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Two processes (so two hash seeds, two allocators' histories) give the same bytes.
    #[test]
    fn the_cli_gives_the_same_bytes_in_two_processes(text in entry_text(), text_format in prop::bool::ANY) {
        let format = if text_format { "text" } else { "json" };
        prop_assert_eq!(cli(&text, format), cli(&text, format));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn an_unrelated_paragraph_never_removes_an_earlier_language_finding(
        text in entry_text(),
        more in unrelated_paragraph(),
    ) {
        let before = language_spans(&check(&Entry::from_text(text.clone()), &Policy::default(), now()));
        let longer = format!("{text}\n\n{more}");
        let after = language_spans(&check(&Entry::from_text(longer), &Policy::default(), now()));
        for f in &before {
            prop_assert!(after.contains(f), "{:?} lost after appending {:?}", f, more);
        }
    }

    #[test]
    fn quoting_a_flagged_phrase_removes_its_language_finding(
        pick in any::<prop::sample::Index>(),
        frame in prop::sample::select(vec![
            ("Derek said ", "."),
            ("At break, Amira shouted ", " at me."),
            ("He told me ", " and walked off."),
            ("Mum said on the phone that he was ", " again."),
        ]),
        marks in prop::sample::select(vec![("“", "”"), ("\"", "\""), ("‘", "’")]),
    ) {
        let phrases = plain_phrases();
        prop_assume!(!phrases.is_empty());
        let phrase = pick.get(&phrases);
        let (lead, tail) = frame;
        let plain = format!("{lead}{phrase}{tail}");
        let at = lead.encode_utf16().count();
        let span = at..at + phrase.encode_utf16().count();
        let overlaps = |v: &[(&str, usize, usize)], r: &std::ops::Range<usize>| {
            v.iter().any(|&(_, s, e)| s < r.end && r.start < e)
        };
        let flagged = language_spans(&check(&Entry::from_text(plain), &Policy::default(), now()));
        // Only a phrase the engine flags here says anything about quoting it.
        prop_assume!(overlaps(&flagged, &span));
        let quoted = format!("{lead}{}{phrase}{}{tail}", marks.0, marks.1);
        let q = at + marks.0.encode_utf16().count();
        let inside = q..q + phrase.encode_utf16().count();
        let found = language_spans(&check(&Entry::from_text(quoted.clone()), &Policy::default(), now()));
        prop_assert!(!overlaps(&found, &inside), "{:?} still flagged in {:?}", found, quoted);
    }
}

#[test]
fn a_huge_paste_is_checked() {
    let text = "Derek was kicking off in the classroom. ".repeat(3000);
    let v = check(
        &Entry::from_text(text),
        &Policy::default(),
        LocalDateTime::parse("2024-03-04T11:00").unwrap(),
    );
    assert_eq!(
        v.findings
            .iter()
            .filter(|f| f.rule == "language.emotive")
            .count(),
        3000
    );
}
