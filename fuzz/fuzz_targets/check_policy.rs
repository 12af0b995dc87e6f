//! A school's settings from any bytes: the part before the first NUL is the policy JSON,
//! the rest the entry's text. A policy is refused with a reason or used, never a panic, and
//! an accepted policy writes out and reads back the same.
#![no_main]

use cpoms_check::policy::layered;
use cpoms_check::{check, Entry, LocalDateTime, Policy};
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let (json, text) = input
        .split_once('\0')
        .unwrap_or((input, "Derek was kicking off."));
    let Ok(value) = serde_json::from_str::<serde_json::Value>(json) else {
        return;
    };
    let l = layered(Some(&value), None);
    let policy = match Policy::from_value(&value) {
        Ok(p) => {
            assert_eq!(Policy::from_value(&p.to_value()).as_ref(), Ok(&p));
            assert_eq!(l.policy, p);
            p
        }
        Err(e) => {
            assert!(!e.to_string().contains('\n'));
            l.policy
        }
    };
    let now = LocalDateTime::parse("2024-03-04T11:00").unwrap();
    let v = check(&Entry::from_text(text), &policy, now);
    common::assert_well_formed(&v, text);
});
