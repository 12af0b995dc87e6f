//! Word-sequence matching for the phrase lists in `data/`.
//!
//! A pattern is words separated by spaces; `a|b` allows either word in that slot and
//! `*` any one word. Patterns are tokenised like the text, so `couldn't care less`
//! matches "couldn’t care less" and `(attached)` matches the brackets too. A match never
//! crosses a sentence boundary. At each position the longest pattern wins.
//!
//! An *inflected* set (`PhraseSet::inflected`) lets one entry cover its words' forms
//! (`text::morph`): verbs in every tense, nouns in the plural, he/she/they and their
//! kin for one another, hyphenated and spaced spellings ("attention-seeking"), and up to
//! `MAX_INSERTED` filler words inside the phrase ("kicked right off"). A word written
//! `=word` keeps its one form.

use super::morph::{morph, MAX_INSERTED};
use super::tokens::{tokenize, word_hash, PrehashedBuild};
use super::Doc;
use std::collections::HashMap;

/// The wildcard slot `*`.
const ANY: u64 = 0;

#[derive(Clone, Debug, Default)]
pub struct PhraseSet {
    /// Each pattern: per slot, the hashes of the words allowed there.
    patterns: Vec<(Vec<Vec<u64>>, usize)>,
    by_first: HashMap<u64, Vec<usize>, PrehashedBuild>,
    any_first: Vec<usize>,
    /// A 4,096-bit filter of first words: most tokens start no pattern, and a bit test
    /// rejects them before any map lookup.
    first_bits: Vec<u64>,
    /// Forms, pronouns, spellings and inserted words (see the module comment).
    inflected: bool,
}

fn bit(h: u64) -> (usize, u64) {
    let b = (h >> 52) as usize; // top 12 bits
    (b / 64, 1 << (b % 64))
}

/// Tokens `start..end` matched the pattern carrying `payload`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub payload: usize,
}

/// Whether `slots` match from token `i` (within sentence `sentence`), with up to `gaps`
/// insertable words between two slots; the end of the match if so.
fn fit(doc: &Doc, slots: &[Vec<u64>], i: usize, sentence: usize, gaps: usize) -> Option<usize> {
    let (alts, rest) = slots.split_first()?;
    if i >= doc.len() || doc.sentence_of[i] != sentence {
        return None;
    }
    let w = doc.tokens[i].hash;
    if !alts.iter().any(|&a| a == w || (a == ANY && doc.is_word(i))) {
        return None;
    }
    if rest.is_empty() {
        return Some(i + 1);
    }
    // Try the next slot right after this word, then after one inserted word, then two.
    for (j, left) in (i + 1..).zip((0..=gaps).rev()) {
        if let Some(end) = fit(doc, rest, j, sentence, left) {
            return Some(end);
        }
        if left == 0 || j >= doc.len() || !morph().insertable(doc.tokens[j].hash) {
            return None;
        }
    }
    None
}

impl PhraseSet {
    pub fn new<S: AsRef<str>>(items: impl IntoIterator<Item = (S, usize)>) -> PhraseSet {
        let mut set = PhraseSet::default();
        for (pattern, payload) in items {
            set.add(pattern.as_ref(), payload);
        }
        set
    }

    /// A set whose entries cover their words' other forms (see the module comment).
    pub fn inflected<S: AsRef<str>>(items: impl IntoIterator<Item = (S, usize)>) -> PhraseSet {
        let mut set = PhraseSet {
            inflected: true,
            ..PhraseSet::default()
        };
        for (pattern, payload) in items {
            set.add(pattern.as_ref(), payload);
        }
        set
    }

    pub fn add(&mut self, pattern: &str, payload: usize) {
        for variant in self.spellings(pattern) {
            let slots = self.slots(&variant);
            self.push(slots, payload);
        }
    }

    /// The pattern as written and, in an inflected set, its other spellings: a
    /// hyphenated word spaced ("attention-seeking" → "attention seeking") and two plain
    /// words hyphenated ("attention seeking" → "attention-seeking").
    fn spellings(&self, pattern: &str) -> Vec<String> {
        let mut out = vec![pattern.to_string()];
        if !self.inflected {
            return out;
        }
        let chunks: Vec<&str> = pattern.split_whitespace().collect();
        let plain = |c: &str| {
            !c.contains(['|', '*', '=']) && c.chars().all(|ch| ch.is_alphabetic() || ch == '-')
        };
        if chunks.iter().any(|c| plain(c) && c.contains('-')) {
            out.push(pattern.replace('-', " "));
        }
        for k in 1..chunks.len() {
            if plain(chunks[k - 1]) && plain(chunks[k]) {
                let mut joined: Vec<String> = chunks.iter().map(|c| c.to_string()).collect();
                joined[k - 1] = format!("{}-{}", chunks[k - 1], chunks[k]);
                joined.remove(k);
                out.push(joined.join(" "));
            }
        }
        out
    }

    fn slots(&self, pattern: &str) -> Vec<Vec<u64>> {
        let mut slots: Vec<Vec<u64>> = Vec::new();
        let word = |w: &str| -> Vec<u64> {
            if w == "*" {
                return vec![ANY];
            }
            let exact = w.starts_with('=');
            let h = tokenize(w.trim_start_matches('='))
                .first()
                .map_or(ANY, |t| word_hash(&t.norm));
            if self.inflected && !exact && h != ANY {
                morph().forms(h)
            } else {
                vec![h]
            }
        };
        for chunk in pattern.split_whitespace() {
            if chunk.contains('|') || chunk == "*" || chunk.starts_with('=') {
                let mut alts: Vec<u64> = chunk.split('|').flat_map(word).collect();
                alts.dedup();
                slots.push(alts);
            } else {
                for t in tokenize(chunk) {
                    slots.push(if t.kind == super::Kind::Word {
                        word(&t.norm)
                    } else {
                        vec![word_hash(&t.norm)]
                    });
                }
            }
        }
        slots
    }

    fn push(&mut self, slots: Vec<Vec<u64>>, payload: usize) {
        if slots.is_empty() {
            return;
        }
        let k = self.patterns.len();
        if slots[0].contains(&ANY) {
            self.any_first.push(k);
        }
        if self.first_bits.is_empty() {
            self.first_bits = vec![0; 64];
        }
        for &w in &slots[0] {
            if w != ANY {
                self.by_first.entry(w).or_default().push(k);
                let (word, mask) = bit(w);
                self.first_bits[word] |= mask;
            }
        }
        self.patterns.push((slots, payload));
    }

    /// Whether a pattern could start with this word (a bit test; no false negatives).
    #[inline]
    fn may_start(&self, hash: u64) -> bool {
        if !self.any_first.is_empty() {
            return true;
        }
        let (word, mask) = bit(hash);
        self.first_bits.get(word).is_some_and(|w| w & mask != 0)
    }

    /// The longest match starting at token `i`.
    pub fn match_at(&self, doc: &Doc, i: usize) -> Option<Match> {
        if !self.may_start(doc.tokens[i].hash) {
            return None;
        }
        let candidates = self
            .by_first
            .get(&doc.tokens[i].hash)
            .into_iter()
            .flatten()
            .chain(self.any_first.iter());
        let mut best: Option<Match> = None;
        let gaps = if self.inflected { MAX_INSERTED } else { 0 };
        for &k in candidates {
            let (slots, payload) = &self.patterns[k];
            if let Some(end) = fit(doc, slots, i, doc.sentence_of[i], gaps) {
                if best.is_none_or(|b| end > b.end) {
                    best = Some(Match {
                        start: i,
                        end,
                        payload: *payload,
                    });
                }
            }
        }
        best
    }

    /// Non-overlapping matches, left to right, whose every token passes `keep`.
    pub fn find(&self, doc: &Doc, keep: impl Fn(usize) -> bool) -> Vec<Match> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < doc.len() {
            if !self.may_start(doc.tokens[i].hash) {
                i += 1;
                continue;
            }
            match self.match_at(doc, i) {
                Some(m) if (m.start..m.end).all(&keep) => {
                    out.push(m);
                    i = m.end;
                }
                _ => i += 1,
            }
        }
        out
    }

    /// Whether any pattern matches anywhere in tokens `a..b` whose tokens pass `keep`.
    pub fn any_in(
        &self,
        doc: &Doc,
        a: usize,
        b: usize,
        keep: impl Fn(usize) -> bool,
    ) -> Option<Match> {
        (a..b).find_map(|i| {
            self.match_at(doc, i)
                .filter(|m| m.end <= b && (m.start..m.end).all(&keep))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_alternatives_apostrophes_and_longest() {
        let set = PhraseSet::new([
            ("kick|kicked|kicking off", 0),
            ("couldn't care less", 1),
            ("nightmare", 2),
            ("a nightmare", 3),
        ]);
        let d = Doc::new(
            "He was kicking off. She couldn’t care less, a nightmare.",
            &[],
        );
        let found: Vec<usize> = set.find(&d, |_| true).iter().map(|m| m.payload).collect();
        assert_eq!(found, [0, 1, 3]);
    }

    #[test]
    fn never_crosses_a_sentence() {
        let set = PhraseSet::new([("kicking off", 0)]);
        let d = Doc::new("He was kicking. Off he went.", &[]);
        assert!(set.find(&d, |_| true).is_empty());
    }
}
