//! What every target asserts about a verdict, whatever the input.

use cpoms_check::{Verdict, CRITERIA};

/// One row per criterion in order; every excerpt is exactly the text between its UTF-16
/// offsets; findings sorted (priority ones first, then field findings, whole-entry ones,
/// then by position).
pub fn assert_well_formed(v: &Verdict, text: &str) {
    let criteria: Vec<&str> = v.checklist.iter().map(|r| r.criterion).collect();
    assert_eq!(criteria, CRITERIA);
    let units: Vec<u16> = text.encode_utf16().collect();
    for f in &v.findings {
        match (f.start, f.end, &f.excerpt) {
            (Some(s), Some(e), Some(x)) => {
                assert!(s <= e && e <= units.len(), "{s}..{e} of {}", units.len());
                let slice = String::from_utf16(&units[s..e]).expect("no split surrogate pair");
                assert_eq!(&slice, x);
            }
            (None, None, None) => {}
            _ => panic!("offsets without an excerpt, or the reverse: {f:?}"),
        }
    }
    let keys: Vec<_> = v
        .findings
        .iter()
        .map(|f| (!f.priority, f.start.is_some(), f.field.is_none(), f.start))
        .collect();
    assert!(
        keys.windows(2).all(|w| w[0] <= w[1]),
        "findings out of order"
    );
}
