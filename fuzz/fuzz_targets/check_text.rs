//! Any text as an entry: the engine, the JSON verdict and the terminal report never panic,
//! the verdict is well formed, and a second check gives the same bytes. Any text read as a
//! date is, if accepted, written back the same.
#![no_main]

use cpoms_check::{check, Entry, LocalDateTime, Policy};
use libfuzzer_sys::fuzz_target;

mod common;
#[path = "../../src/bin/cpoms-check/text_report.rs"]
#[allow(dead_code)]
mod text_report;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(d) = LocalDateTime::parse(text) {
        let again = LocalDateTime::parse(&d.to_string()).expect("its own output parses");
        assert_eq!(again.to_string(), d.to_string());
    }
    let _ = LocalDateTime::parse_form(text, None);
    let now = LocalDateTime::parse("2024-03-04T11:00").unwrap();
    let entry = Entry::from_text(text);
    let v = check(&entry, &Policy::default(), now);
    common::assert_well_formed(&v, text);
    let json = v.to_json();
    assert_eq!(json, check(&entry, &Policy::default(), now).to_json());
    let _ = text_report::render(&v, text, false);
});
