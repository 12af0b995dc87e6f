//! Texts both benchmarks check: the guidance's examples, and realistic prose of any length.

use cpoms_check::Entry;

pub fn fixture(name: &str) -> Entry {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    Entry::from_input(&std::fs::read_to_string(path).expect("the fixture")).expect("an entry")
}

/// The good example's paragraphs, then the bad one's, repeated to `len` bytes: realistic prose.
pub fn text_of_length(len: usize) -> String {
    let (good, bad) = (
        fixture("guidance-good.json").text,
        fixture("guidance-bad.json").text,
    );
    let mut s = String::with_capacity(len + good.len() + bad.len());
    while s.len() < len {
        s.push_str(&good);
        s.push('\n');
        s.push_str(&bad);
        s.push('\n');
    }
    let mut cut = len;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}
