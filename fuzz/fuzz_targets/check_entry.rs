//! Any bytes as the command line's input (auto-detected JSON entry or text): an error is one
//! line, an accepted entry is checked and its verdict well formed.
#![no_main]

use cpoms_check::{check, Entry, InputKind, LocalDateTime, Policy};
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let now = LocalDateTime::parse("2024-03-04T11:00").unwrap();
    for kind in [InputKind::Auto, InputKind::Json] {
        match Entry::from_input_as(input, kind) {
            Ok(entry) => {
                let v = check(&entry, &Policy::default(), now);
                common::assert_well_formed(&v, &entry.text);
            }
            Err(e) => {
                let line = e.to_string();
                assert!(!line.contains('\n'), "{line:?}");
            }
        }
    }
});
