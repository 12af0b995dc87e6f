//! Every rule's own examples in `data/rules.toml`, and every phrase list's examples in
//! `data/*.toml`, run through the engine: `flag` must raise the rule, `pass` must not.

use cpoms_check::data::data;
use cpoms_check::{check, Entry, LocalDateTime, Policy, Verdict};

const NOW: &str = "2024-06-03T12:00";

/// Each rule keeps at least this many examples of each kind, one for each of its branches.
const MIN_EXAMPLES: usize = 5;

fn run(example: &toml::Value) -> (Entry, Verdict) {
    let json = serde_json::to_value(example).expect("an example converts to JSON");
    let entry = Entry::from_value(&json).unwrap_or_else(|e| panic!("example {example:?}: {e}"));
    let v = check(
        &entry,
        &Policy::default(),
        LocalDateTime::parse(NOW).unwrap(),
    );
    (entry, v)
}

fn text(t: &str) -> Verdict {
    check(
        &Entry::from_text(t),
        &Policy::default(),
        LocalDateTime::parse(NOW).unwrap(),
    )
}

#[test]
fn every_rule_flags_its_flag_examples_and_passes_its_pass_examples() {
    let mut failures = Vec::new();
    for rule in &data().rules.rule {
        if rule.flag().len() < MIN_EXAMPLES || rule.pass().len() < MIN_EXAMPLES {
            failures.push(format!(
                "{} has {} flag and {} pass examples; it needs {MIN_EXAMPLES} of each",
                rule.id,
                rule.flag().len(),
                rule.pass().len()
            ));
        }
        for ex in rule.flag() {
            let (_, v) = run(ex);
            if !v.findings.iter().any(|f| f.rule == rule.id) {
                failures.push(format!("{} did not flag {ex:?}", rule.id));
            }
        }
        for ex in rule.pass() {
            let (_, v) = run(ex);
            if let Some(f) = v.findings.iter().find(|f| f.rule == rule.id) {
                failures.push(format!(
                    "{} wrongly flagged {ex:?}: {:?}",
                    rule.id, f.excerpt
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_language_phrase_group_flags_its_examples() {
    let lang = &data().language;
    for group in &lang.phrase {
        for ex in &group.examples {
            let v = text(ex);
            assert!(
                v.findings.iter().any(|f| f.rule == group.rule),
                "no {} finding in {ex:?}",
                group.rule
            );
        }
        for ex in &group.pass {
            let v = text(ex);
            assert!(
                !v.findings.iter().any(|f| f.rule == group.rule),
                "{} wrongly flagged in {ex:?}",
                group.rule
            );
        }
    }
    for ex in &lang.mock_praise.examples {
        assert!(
            text(ex)
                .findings
                .iter()
                .any(|f| f.rule == "language.sarcasm"),
            "{ex}"
        );
    }
    for ex in &lang.subjective.examples {
        assert!(
            text(ex)
                .findings
                .iter()
                .any(|f| f.rule == "language.subjective"),
            "{ex}"
        );
    }
    for ex in &lang.subjective.pass {
        assert!(
            !text(ex).findings.iter().any(|f| f.criterion == "language"),
            "{ex}"
        );
    }
    for ex in &lang.mock_praise.pass {
        assert!(
            !text(ex)
                .findings
                .iter()
                .any(|f| f.rule == "language.sarcasm"),
            "{ex}"
        );
    }
    for ex in &lang.intensifiers.examples {
        assert!(
            text(ex).findings.iter().any(|f| f.criterion == "language"),
            "{ex}"
        );
    }
}

#[test]
fn every_phrase_pattern_is_flagged_alone_and_never_inside_a_quotation() {
    for group in &data().language.phrase {
        for pattern in &group.patterns {
            // The first alternative of each slot, as a person would type it.
            let words: Vec<&str> = pattern
                .split_whitespace()
                .map(|w| w.split('|').next().unwrap().trim_start_matches('='))
                .collect();
            let phrase = words.join(" ");
            // A group that needs a context gets it from a second sentence.
            let context = group
                .context
                .as_ref()
                .map(|c| format!(" The entry mentions {}.", data().language.contexts[c][0]))
                .unwrap_or_default();
            let own = text(&format!("At 10.00 Sam was {phrase} in class.{context}"));
            assert!(
                own.findings.iter().any(|f| f.criterion == "language"),
                "“{phrase}” not flagged"
            );
            let quoted = text(&format!("At 10.00 Sam said “{phrase}” in class.{context}"));
            assert!(
                !quoted.findings.iter().any(|f| f.criterion == "language"),
                "“{phrase}” flagged inside a quotation"
            );
        }
    }
}

#[test]
fn evidence_and_speech_examples() {
    for ex in &data().evidence.examples {
        assert!(
            text(ex)
                .findings
                .iter()
                .any(|f| f.rule == "evidence.unsupported"),
            "{ex}"
        );
    }
    for ex in &data().speech.examples {
        assert!(
            text(ex)
                .findings
                .iter()
                .any(|f| f.rule == "child_voice.reported_speech"),
            "{ex}"
        );
    }
}

#[test]
fn every_text_speak_entry_is_flagged_with_its_replacement() {
    for (short, full) in &data().proofread.text_speak {
        let v = text(&format!("Sam will be back {short} after lunch."));
        let f = v
            .findings
            .iter()
            .find(|f| f.rule == "proofread.text_speak")
            .unwrap_or_else(|| panic!("{short}"));
        assert_eq!(f.suggestion.as_deref(), Some(full.as_str()), "{short}");
    }
}

#[test]
fn school_vocabulary_is_never_a_spelling_mistake() {
    for word in &data().proofread.vocabulary {
        let v = text(&format!("KPatel told the {word} at 10.00."));
        assert!(
            !v.findings.iter().any(|f| f.rule == "proofread.spelling"),
            "{word}"
        );
    }
}

#[test]
fn every_category_signal_suggests_its_category_when_not_chosen() {
    // The default set, plus labels other schools use.
    let extra = [
        "Child-on-child Abuse",
        "Child Exploitation",
        "Young Carer",
        "Drugs",
        "Private Fostering",
    ];
    let labels: Vec<&str> = cpoms_check::rules::DEFAULT_CATEGORIES
        .iter()
        .copied()
        .chain(extra)
        .collect();
    for g in &data().categories.group {
        for signal in &g.signals {
            let e = Entry {
                text: format!("At 10.00 in the hall KPatel noted: {signal}."),
                categories: vec!["Parental Contact".into()],
                available_categories: Some(labels.iter().map(|s| s.to_string()).collect()),
                ..Entry::default()
            };
            let v = check(&e, &Policy::default(), LocalDateTime::parse(NOW).unwrap());
            assert!(
                v.findings.iter().any(|f| f.rule == "categories.suggest"),
                "{} / {signal}",
                g.name
            );
        }
    }
}
