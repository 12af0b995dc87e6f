//! Word forms for inflected phrase lists: one entry covers its words' other forms.
//!
//! Verb tenses and noun plurals come from `data/inflections.txt` (generated from
//! lemminflect by `scripts/gen-inflections.py`); third-person pronouns stand for one
//! another; a few words (`data/matching.toml`'s `insertable`) may stand inside a phrase.

use super::tokens::{normalise, word_hash, PrehashedBuild};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// At most this many inserted words in one match ("kicked right off").
pub const MAX_INSERTED: usize = 2;

pub struct Morph {
    /// A word's hash → the hashes of all its forms (itself included).
    forms: HashMap<u64, Vec<u64>, PrehashedBuild>,
    insertable: HashSet<u64, PrehashedBuild>,
}

impl Morph {
    fn build() -> Morph {
        let data = crate::data::data();
        let mut forms: HashMap<u64, Vec<u64>, PrehashedBuild> = HashMap::default();
        let mut add = |words: Vec<&str>| {
            let hashes: Vec<u64> = words.iter().map(|w| word_hash(&normalise(w))).collect();
            for &h in &hashes[..1] {
                let entry = forms.entry(h).or_insert_with(|| vec![h]);
                for &f in &hashes {
                    if !entry.contains(&f) {
                        entry.push(f);
                    }
                }
            }
        };
        for line in data.inflections.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            add(line.split_whitespace().collect());
        }
        for row in &data.matching.pronouns {
            for (k, w) in row.iter().enumerate() {
                let mut words = vec![w.as_str()];
                words.extend(
                    row.iter()
                        .enumerate()
                        .filter(|(j, _)| *j != k)
                        .map(|(_, x)| x.as_str()),
                );
                add(words);
            }
        }
        let insertable = data
            .matching
            .insertable
            .iter()
            .map(|w| word_hash(&normalise(w)))
            .collect();
        Morph { forms, insertable }
    }

    /// Every form of the word with this hash (the word alone when none is known).
    pub fn forms(&self, hash: u64) -> Vec<u64> {
        self.forms.get(&hash).cloned().unwrap_or_else(|| vec![hash])
    }

    /// Whether the table knows this word (every word of an inflected list must be known).
    pub fn knows(&self, word: &str) -> bool {
        self.forms.contains_key(&word_hash(&normalise(word)))
    }

    pub fn insertable(&self, hash: u64) -> bool {
        self.insertable.contains(&hash)
    }
}

pub fn morph() -> &'static Morph {
    static M: OnceLock<Morph> = OnceLock::new();
    M.get_or_init(Morph::build)
}
