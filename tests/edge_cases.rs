//! Inputs that break naive checkers: empty text, odd Unicode, pasted emails, lists.

use cpoms_check::{check, Entry, LocalDateTime, Policy, Status};

fn run(e: &Entry) -> cpoms_check::Verdict {
    check(
        e,
        &Policy::default(),
        LocalDateTime::parse("2024-03-04T11:00").unwrap(),
    )
}

#[test]
fn empty_text_gives_a_full_checklist_and_no_text_findings() {
    let v = run(&Entry::from_text(""));
    assert_eq!(v.checklist.len(), 12);
    assert!(v.findings.iter().all(|f| f.start.is_none()));
    assert_eq!(v.status("proofread"), Some(Status::Check));
    assert_eq!(v.status("documents"), Some(Status::NotApplicable));
    assert_eq!(v.status("child_voice"), Some(Status::NotApplicable));
}

#[test]
fn offsets_count_utf16_after_emoji_and_combining_marks() {
    let text = "👩‍👧 Zoe\u{301} said “I’m fine” but Derek was kicking off!";
    let v = run(&Entry::from_text(text));
    let f = v
        .findings
        .iter()
        .find(|f| f.rule == "language.emotive")
        .unwrap();
    let units: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(
        String::from_utf16(&units[f.start.unwrap()..f.end.unwrap()]).unwrap(),
        "kicking off"
    );
    assert!(!v
        .findings
        .iter()
        .any(|f| f.excerpt.as_deref() == Some("fine")));
}

#[test]
fn curly_and_straight_apostrophes_are_the_same_word() {
    for t in ["She couldn't care less.", "She couldn’t care less."] {
        assert!(
            run(&Entry::from_text(t))
                .findings
                .iter()
                .any(|f| f.rule == "language.emotive"),
            "{t}"
        );
    }
}

#[test]
fn an_introduced_email_is_not_the_writers_language_but_an_own_email_is() {
    let theirs = "Email from mum below\n\nFrom: Leanne Fisher\nSent: 12 November 2024 21:14\nSubject: Kacey\n\nHi, the girls are horrible to her. I am sick of it!\nLeanne Fisher";
    let v = run(&Entry::from_text(theirs));
    assert!(
        !v.findings.iter().any(|f| f.criterion == "language"),
        "{:?}",
        v.findings
    );
    let own = "From: Gemma Lowe\nSent: 14 January 2025 15:52\nTo: Year 8 Team\n\nHi all, Tyler kicked off in Maths.\nThanks\nGemma";
    let v = run(&Entry::from_text(own));
    assert!(v.findings.iter().any(|f| f.rule == "language.emotive"));
    assert!(
        !v.findings
            .iter()
            .any(|f| f.excerpt.as_deref() == Some("Gemma")),
        "the signature is not a child"
    );
    assert!(v
        .findings
        .iter()
        .any(|f| f.rule == "tagging.untagged" && f.excerpt.as_deref() == Some("Tyler")));
}

#[test]
fn words_that_are_names_are_pupils_only_in_context() {
    let e = Entry {
        text: "KONeill will meet Will on Tuesday. I hope the summer term goes well.".into(),
        students: vec!["Will Harper".into()],
        pupils: Some(vec![
            "Will Harper".into(),
            "Hope Sinclair".into(),
            "Summer Hayes".into(),
        ]),
        ..Entry::default()
    };
    let v = run(&e);
    assert!(
        !v.findings.iter().any(|f| f.criterion == "tagging"),
        "{:?}",
        v.findings
    );
}

#[test]
fn a_pupil_on_the_list_named_but_not_tagged_is_flagged() {
    let e = Entry {
        text: "At lunch on the field, Callum and Ethan were fighting.".into(),
        students: vec!["Callum Reid".into()],
        pupils: Some(vec!["Callum Reid".into(), "Ethan Price".into()]),
        ..Entry::default()
    };
    let v = run(&e);
    let f = v
        .findings
        .iter()
        .find(|f| f.rule == "tagging.untagged")
        .expect("Ethan");
    assert_eq!(f.excerpt.as_deref(), Some("Ethan"));
}

#[test]
fn a_list_marker_bracket_is_not_unbalanced() {
    let v = run(&Entry::from_text(
        "Actions:\n1) KPatel to phone mum.\n2) Review on Friday.",
    ));
    assert!(
        !v.findings.iter().any(|f| f.rule == "proofread.unbalanced"),
        "{:?}",
        v.findings
    );
}

#[test]
fn a_trust_wide_pupil_list_costs_time_linear_in_its_length() {
    // 200,000 names, each listed twice: de-duplicating by scanning the list for every name
    // took minutes; a linear pass takes about a second even in a test build.
    let names: Vec<String> = (0..200_000)
        .map(|i| format!("Pupil{i} Surname{i}"))
        .collect();
    let e = Entry {
        text: "Pupil17 and Pupil199999 were fighting at break. Pupil17 was crying.".into(),
        students: vec!["Pupil17 Surname17".into()],
        pupils: Some(names.iter().chain(names.iter()).cloned().collect()),
        ..Entry::default()
    };
    let t = std::time::Instant::now();
    let v = run(&e);
    assert!(t.elapsed().as_secs() < 60, "{:?}", t.elapsed());
    assert!(v
        .findings
        .iter()
        .any(|f| f.rule == "tagging.untagged" && f.excerpt.as_deref() == Some("Pupil199999")));
}

#[test]
fn prose_that_opens_with_a_brace_is_checked_as_text() {
    let e = Entry::from_input("{Name removed} was kicking off in the hall.").unwrap();
    assert!(run(&e)
        .findings
        .iter()
        .any(|f| f.rule == "language.emotive"));
}
