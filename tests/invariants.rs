//! The rule table, the code and the docs stay in step.

use cpoms_check::data::{data, FILES};
use cpoms_check::docs::{readme_with_rules, rules_markdown};
use cpoms_check::CRITERIA;
use std::collections::HashSet;

#[test]
fn every_data_file_parses() {
    let _ = data();
    assert!(FILES
        .iter()
        .all(|(name, src)| !src.trim().is_empty() && !name.is_empty()));
}

#[test]
fn rule_ids_are_unique_and_belong_to_a_criterion() {
    let mut seen = HashSet::new();
    let mut titles = HashSet::new();
    for r in &data().rules.rule {
        assert!(seen.insert(r.id.as_str()), "{} twice", r.id);
        let c = r.id.split('.').next().unwrap();
        assert!(CRITERIA.contains(&c), "{}", r.id);
        assert!(
            matches!(r.severity.as_str(), "problem" | "advice"),
            "{}",
            r.id
        );
        assert!(
            !r.what.is_empty() && !r.why.is_empty() && !r.instead.is_empty(),
            "{} is undocumented",
            r.id
        );
        // The title sits beside the rule's switch on one line; the description says the rest.
        assert!(
            !r.title.is_empty()
                && r.title.chars().count() <= 45
                && r.title.starts_with(|c: char| c.is_uppercase())
                && !r.title.ends_with('.'),
            "{}: a title is a short phrase with a capital and no full stop: {:?}",
            r.id,
            r.title
        );
        assert!(
            titles.insert(r.title.as_str()),
            "{}: title {:?} twice",
            r.id,
            r.title
        );
    }
    for c in CRITERIA {
        assert!(
            data().rules.criteria.contains_key(c),
            "{c} has no guidance text"
        );
        assert!(
            data()
                .rules
                .rule
                .iter()
                .any(|r| r.id.starts_with(&format!("{c}."))),
            "{c} has no rule"
        );
    }
}

#[test]
fn the_spec_rule_ids_all_exist() {
    // criteria.md's "typical findings" column.
    for id in [
        "timely.late",
        "timely.vague_when",
        "datetime.missing",
        "datetime.future",
        "datetime.entry_time",
        "datetime.out_of_hours",
        "datetime.conflict",
        "categories.none",
        "categories.suggest",
        "tagging.untagged",
        "tagging.unmentioned",
        "language.emotive",
        "language.intensifier",
        "language.exclamation",
        "language.label",
        "language.exaggeration",
        "child_voice.reported_speech",
        "evidence.unsupported",
        "names.staff_title",
        "names.staff_format",
        "names.first_person",
        "names.child_surname",
        "names.professional_role",
        "names.professional_name",
        "proofread.spelling",
        "proofread.repeated_word",
        "proofread.unbalanced",
        "proofread.text_speak",
        "proofread.capitals",
        "documents.missing",
        "loop.response",
        "loop.outcome",
        "loop.informed",
        "loop.actions",
        "five_w.where",
        "five_w.when",
        "five_w.who",
        "five_w.why",
    ] {
        assert!(cpoms_check::rules::is_rule(id), "{id}");
    }
}

#[test]
fn phrase_rules_name_existing_rules() {
    for p in &data().language.phrase {
        assert!(
            p.rule.starts_with("language.") && cpoms_check::rules::is_rule(&p.rule),
            "{}",
            p.rule
        );
    }
}

#[test]
fn docs_are_generated_from_the_rule_table() {
    let root = env!("CARGO_MANIFEST_DIR");
    let rules = std::fs::read_to_string(format!("{root}/docs/rules.md")).unwrap_or_default();
    assert!(
        rules == rules_markdown(),
        "docs/rules.md is stale: run `cargo run --bin gen-docs`"
    );
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    assert_eq!(
        readme_with_rules(&readme).as_deref(),
        Some(readme.as_str()),
        "README rule table is stale: run `cargo run --bin gen-docs`"
    );
}

#[test]
fn only_advice_rules_say_when_they_escalate() {
    for r in &data().rules.rule {
        if let Some(when) = &r.escalates {
            assert_eq!(
                r.severity, "advice",
                "{} escalates but is already a problem",
                r.id
            );
            assert!(
                when.starts_with("when ") || when.starts_with("for "),
                "{}: {when}",
                r.id
            );
        }
    }
    assert!(data()
        .rules
        .rule
        .iter()
        .any(|r| r.id == "names.first_person" && r.escalates.is_some()));
}
