//! The guidance's own two examples are the first tests (criteria.md, "The two examples").

use cpoms_check::{check, Entry, LocalDateTime, Policy, Severity, Status, Verdict, CRITERIA};

fn verdict(fixture: &str) -> (Entry, Verdict) {
    let json = std::fs::read_to_string(format!(
        "{}/tests/fixtures/{fixture}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let entry = Entry::from_input(&json).unwrap();
    let v = check(
        &entry,
        &Policy::default(),
        LocalDateTime::parse("2030-01-01T00:00").unwrap(),
    );
    (entry, v)
}

/// UTF-16 span of the first occurrence of `needle`.
fn utf16_span(text: &str, needle: &str) -> (usize, usize) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in text"));
    let start = text[..at].encode_utf16().count();
    (start, start + needle.encode_utf16().count())
}

#[test]
fn bad_example_fails_the_four_criteria_and_flags_every_loaded_phrase() {
    let (entry, v) = verdict("guidance-bad.json");
    for c in ["timely", "language", "five_w", "loop"] {
        assert_eq!(v.status(c), Some(Status::NotMet), "{c}");
    }
    for phrase in [
        "kicking off",
        "time and time again",
        "really frightened",
        "flew out",
        "not bothered",
        "really upset me",
        "absolutely wild",
        "!",
    ] {
        let (s, e) = utf16_span(&entry.text, phrase);
        let hit = v.findings.iter().any(|f| {
            f.criterion == "language"
                && f.severity == Severity::Problem
                && f.start.unwrap() < e
                && s < f.end.unwrap()
        });
        assert!(hit, "“{phrase}” is not flagged under language");
    }
    // The ✗ lines: late ("Last week"), no actions or follow-up, nobody informed.
    let rules: Vec<&str> = v.findings.iter().map(|f| f.rule).collect();
    for r in [
        "timely.vague_when",
        "loop.informed",
        "datetime.out_of_hours",
    ] {
        assert!(rules.contains(&r), "{r} missing from {rules:?}");
    }
}

#[test]
fn good_example_has_no_finding_at_all() {
    let (_, v) = verdict("guidance-good.json");
    assert!(v.findings.is_empty(), "{:#?}", v.findings);
    assert_eq!(v.checklist.len(), CRITERIA.len());
    for row in &v.checklist {
        let ok = match row.criterion {
            "proofread" => row.status == Status::Check,
            _ => matches!(row.status, Status::Met | Status::NotApplicable),
        };
        assert!(ok, "{} is {:?}", row.criterion, row.status);
    }
}

#[test]
fn good_example_without_its_tag_or_category_is_caught() {
    let (mut entry, _) = verdict("guidance-good.json");
    entry.categories.clear();
    entry.students.clear();
    let v = check(
        &entry,
        &Policy::default(),
        LocalDateTime::parse("2030-01-01T00:00").unwrap(),
    );
    assert_eq!(v.status("categories"), Some(Status::NotMet));
    assert_eq!(
        v.status("tagging"),
        Some(Status::NotMet),
        "Derek is named but not tagged"
    );
}
