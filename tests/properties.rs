//! Properties that hold for any text: no panic, offsets slice the text to the excerpt,
//! ordering as the spec says, and the same output every time.

use cpoms_check::{check, Entry, LocalDateTime, Policy, CRITERIA};
use proptest::prelude::*;

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
        // Field findings first, then whole-entry ones, then by position.
        let keys: Vec<(bool, bool, Option<usize>)> = v.findings.iter().map(|f| (f.start.is_some(), f.field.is_none(), f.start)).collect();
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
