//! The rule data in `data/`, compiled into the binary and read once.
//!
//! Word lists live in TOML so a school (or a reviewer) can read and extend them without
//! reading Rust. Each file's shape is a struct (`data_types.rs`); `build.rs` reads the TOML
//! when the crate is built (a malformed file fails the build) and stores it in postcard's
//! binary form, which is all the engine carries: no TOML text, no TOML reader. The rules'
//! `flag` and `pass` examples are for the tests and the docs, which read them from the TOML
//! (natively only: [`RuleDef::flag`]).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

include!("data_types.rs");

/// All rule data, parsed: the TOML files as `build.rs` stored them (reached through `Deref`,
/// so `data().rules` reads the bundle's) and the plain-text lists.
pub struct Data {
    bundle: Bundle,
    pub first_names: Vec<String>,
    /// `data/inflections.txt`: a word, a tab, its other forms.
    pub inflections: &'static str,
    /// `data/subjective.txt`: judgement adjectives from a subjectivity lexicon.
    pub subjective: Vec<String>,
}

impl std::ops::Deref for Data {
    type Target = Bundle;

    fn deref(&self) -> &Bundle {
        &self.bundle
    }
}

/// The source text of every data file, for tests and the docs generator (not in the engine).
#[cfg(not(target_arch = "wasm32"))]
pub const FILES: [(&str, &str); 16] = [
    ("rules.toml", include_str!("../data/rules.toml")),
    ("language.toml", include_str!("../data/language.toml")),
    ("evidence.toml", include_str!("../data/evidence.toml")),
    ("speech.toml", include_str!("../data/speech.toml")),
    ("names.toml", include_str!("../data/names.toml")),
    ("categories.toml", include_str!("../data/categories.toml")),
    ("documents.toml", include_str!("../data/documents.toml")),
    ("loop.toml", include_str!("../data/loop.toml")),
    ("five_w.toml", include_str!("../data/five_w.toml")),
    ("time.toml", include_str!("../data/time.toml")),
    ("proofread.toml", include_str!("../data/proofread.toml")),
    ("first_names.txt", include_str!("../data/first_names.txt")),
    ("matching.toml", include_str!("../data/matching.toml")),
    ("inflections.txt", include_str!("../data/inflections.txt")),
    ("subjective.txt", include_str!("../data/subjective.txt")),
    ("priority.toml", include_str!("../data/priority.toml")),
];

/// The TOML data as `build.rs` stored it.
static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/data.postcard"));

/// A plain-text list: a word a line, `#` comments.
fn word_list(src: &str) -> Vec<String> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
}

/// The data, read on first use. The bundle was made from the files when the crate was
/// built, so a read failure is a build defect, not a run-time condition.
pub fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| Data {
        bundle: postcard::from_bytes(BUNDLE).expect("build.rs stored the rule data"),
        first_names: word_list(include_str!("../data/first_names.txt")),
        inflections: include_str!("../data/inflections.txt"),
        subjective: word_list(include_str!("../data/subjective.txt")),
    })
}

/// Each rule's examples in `data/rules.toml`, by rule id: (`flag`, `pass`).
#[cfg(not(target_arch = "wasm32"))]
type Examples = BTreeMap<String, (Vec<toml::Value>, Vec<toml::Value>)>;

#[cfg(not(target_arch = "wasm32"))]
fn examples() -> &'static Examples {
    #[derive(Deserialize)]
    struct File {
        rule: Vec<Rule>,
    }
    #[derive(Deserialize)]
    struct Rule {
        id: String,
        flag: Vec<toml::Value>,
        pass: Vec<toml::Value>,
    }
    static EXAMPLES: OnceLock<Examples> = OnceLock::new();
    EXAMPLES.get_or_init(|| {
        let file: File = toml::from_str(FILES[0].1).expect("data/rules.toml parses");
        file.rule
            .into_iter()
            .map(|r| (r.id, (r.flag, r.pass)))
            .collect()
    })
}

#[cfg(not(target_arch = "wasm32"))]
impl RuleDef {
    /// Entries the rule must flag (its `flag` examples in `data/rules.toml`).
    pub fn flag(&self) -> &'static [toml::Value] {
        examples().get(&self.id).map_or(&[], |e| &e.0)
    }

    /// Entries the rule must pass (its `pass` examples).
    pub fn pass(&self) -> &'static [toml::Value] {
        examples().get(&self.id).map_or(&[], |e| &e.1)
    }
}

/// The data's word lists compiled into matchers (`crate::rules::compiled`), built once
/// on first use from `data()`.
pub fn compiled() -> &'static crate::rules::compiled::Compiled {
    static COMPILED: OnceLock<crate::rules::compiled::Compiled> = OnceLock::new();
    COMPILED.get_or_init(|| crate::rules::compiled::Compiled::new(data()))
}
