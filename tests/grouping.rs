//! Findings that say the same thing about different spans share a `group` key
//! (entry-json.md), so a person reads them once; each span stays its own finding.

use cpoms_check::{check, Entry, LocalDateTime, Policy, Verdict};

fn verdict(text: &str) -> Verdict {
    let now = LocalDateTime::parse("2023-12-07T16:00").unwrap();
    check(&Entry::from_text(text), &Policy::default(), now)
}

#[test]
fn six_i_and_me_are_six_findings_in_one_group() {
    let v = verdict(
        "I saw Derek at break. He shouted at me. I asked him to stop and he pushed me. \
         I told him to come with me to the office.",
    );
    let mine: Vec<_> = v
        .findings
        .iter()
        .filter(|f| f.rule == "names.first_person")
        .collect();
    assert_eq!(mine.len(), 6, "{mine:#?}");
    let group = mine[0].group.as_deref().expect("a group key");
    assert!(mine.iter().all(|f| f.group.as_deref() == Some(group)));
    // Each span is still its own finding, with its own place.
    let starts: std::collections::HashSet<_> = mine.iter().map(|f| f.start).collect();
    assert_eq!(starts.len(), mine.len());
    // No other rule's finding shares it.
    assert!(v
        .findings
        .iter()
        .filter(|f| f.group.as_deref() == Some(group))
        .all(|f| f.rule == "names.first_person"));
}

#[test]
fn a_finding_alone_has_no_group_and_different_reasons_do_not_share_one() {
    let v = verdict("Derek was kicking off. He was really upset.");
    let emotive: Vec<_> = v
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("language."))
        .collect();
    assert!(!emotive.is_empty());
    for f in &emotive {
        let same = emotive
            .iter()
            .filter(|g| {
                g.rule == f.rule && g.message.rsplit('”').next() == f.message.rsplit('”').next()
            })
            .count();
        assert_eq!(f.group.is_some(), same > 1, "{f:#?}");
    }
    let json = serde_json::to_value(verdict("Derek was kicking off.")).unwrap();
    assert!(json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f.get("group").is_none()));
}
