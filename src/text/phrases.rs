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
use super::{Doc, INSERTABLE};
use std::collections::HashMap;

/// The wildcard slot `*`.
const ANY: u64 = 0;

#[derive(Clone, Debug, Default)]
pub struct PhraseSet {
    /// Each pattern: per slot, the hashes of the words allowed there.
    patterns: Vec<(Vec<Slot>, usize)>,
    by_first: HashMap<u64, Vec<usize>, PrehashedBuild>,
    any_first: Vec<usize>,
    /// A 4,096-bit Bloom filter of first words: most tokens start no pattern, and two bit tests
    /// reject them before any map lookup (every bit is set when a pattern starts with `*`).
    first_bits: FirstWords,
    /// Forms, pronouns, spellings and inserted words (see the module comment).
    inflected: bool,
}

/// The words allowed in one place of a pattern, and a 64-bit filter of them: most words
/// of a text are none of them, and one bit test says so.
#[derive(Clone, Debug)]
struct Slot {
    filter: u64,
    words: Vec<u64>,
}

impl Slot {
    fn new(words: Vec<u64>) -> Slot {
        let filter = if words.contains(&ANY) {
            !0
        } else {
            words.iter().fold(0, |f, &w| f | filter_bit(w))
        };
        Slot { filter, words }
    }

    /// Whether token `i` is one of the slot's words.
    #[inline]
    fn allows(&self, doc: &Doc, i: usize) -> bool {
        let w = doc.tokens[i].hash;
        self.filter & filter_bit(w) != 0
            && self
                .words
                .iter()
                .any(|&a| a == w || (a == ANY && doc.is_word(i)))
    }
}

#[inline]
fn filter_bit(h: u64) -> u64 {
    1 << (h & 63)
}

#[derive(Clone, Debug)]
struct FirstWords([u64; 64]);

impl Default for FirstWords {
    fn default() -> Self {
        FirstWords([0; 64])
    }
}

/// The filter's two bits for a word (a Bloom filter with two probes: a long inflected list
/// sets a few hundred of the 4,096 bits, and common words would pass one probe too often).
fn bits(h: u64) -> [(usize, u64); 2] {
    let probe = |b: usize| (b / 64, 1 << (b % 64));
    [probe((h >> 52) as usize), probe((h >> 40) as usize & 0xfff)]
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
fn fit(doc: &Doc, slots: &[Slot], i: usize, sentence: usize, gaps: usize) -> Option<usize> {
    let (slot, rest) = slots.split_first()?;
    if i >= doc.len() || doc.sentence_of[i] != sentence || !slot.allows(doc, i) {
        return None;
    }
    fit_rest(doc, rest, i, sentence, gaps)
}

/// `fit` for the slots after the one token `i` matched.
#[inline]
fn fit_rest(doc: &Doc, rest: &[Slot], i: usize, sentence: usize, gaps: usize) -> Option<usize> {
    let Some(next) = rest.first() else {
        return Some(i + 1);
    };
    // The next slot right after this word, or after one inserted word, or two.
    let mut left = gaps;
    for j in i + 1..doc.len() {
        if doc.sentence_of[j] != sentence {
            return None;
        }
        if next.allows(doc, j) {
            if let Some(end) = fit(doc, rest, j, sentence, left) {
                return Some(end);
            }
        }
        if left == 0 || !doc.has(j, INSERTABLE) {
            return None;
        }
        left -= 1;
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
        let slots: Vec<Slot> = slots.into_iter().map(Slot::new).collect();
        if slots.is_empty() {
            return;
        }
        let k = self.patterns.len();
        if slots[0].words.contains(&ANY) {
            self.any_first.push(k);
            self.first_bits.0 = [!0; 64];
        }
        for &w in &slots[0].words {
            if w != ANY {
                self.by_first.entry(w).or_default().push(k);
                for (word, mask) in bits(w) {
                    self.first_bits.0[word] |= mask;
                }
            }
        }
        self.patterns.push((slots, payload));
    }

    /// Whether a pattern could start with this word (two bit tests; no false negatives).
    #[inline]
    fn may_start(&self, hash: u64) -> bool {
        bits(hash)
            .iter()
            .all(|&(word, mask)| self.first_bits.0[word] & mask != 0)
    }

    /// The patterns that may start with this word: those listed under it, and those
    /// starting with `*`.
    fn starting_with(&self, hash: u64) -> impl Iterator<Item = &usize> {
        self.by_first
            .get(&hash)
            .into_iter()
            .flatten()
            .chain(self.any_first.iter())
    }

    /// `fit` for a pattern listed under token `i`'s word: its first slot is matched by
    /// that (the look-up is by the word's hash), so only a `*` first slot is tested again.
    #[inline]
    fn fit_at(&self, doc: &Doc, slots: &[Slot], i: usize, gaps: usize) -> Option<usize> {
        let sentence = doc.sentence_of[i];
        if self.any_first.is_empty() {
            fit_rest(doc, &slots[1..], i, sentence, gaps)
        } else {
            fit(doc, slots, i, sentence, gaps)
        }
    }

    /// The longest match starting at token `i`.
    pub fn match_at(&self, doc: &Doc, i: usize) -> Option<Match> {
        if !self.may_start(doc.tokens[i].hash) {
            return None;
        }
        let candidates = self.starting_with(doc.tokens[i].hash);
        let mut best: Option<Match> = None;
        let gaps = if self.inflected { MAX_INSERTED } else { 0 };
        for &k in candidates {
            let (slots, payload) = &self.patterns[k];
            if let Some(end) = self.fit_at(doc, slots, i, gaps) {
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

    /// `find` for each payload `0..payloads` at once, as if each payload's patterns were a
    /// set of their own: one pass over the text for many small lists.
    pub fn find_each(
        &self,
        doc: &Doc,
        payloads: usize,
        keep: impl Fn(usize) -> bool,
    ) -> Vec<Vec<Match>> {
        let mut out = vec![Vec::new(); payloads];
        // Where each payload's own scan stands (a match there skips the words it covers).
        let mut next = vec![0; payloads];
        let mut best: Vec<(usize, usize)> = Vec::new();
        for i in 0..doc.len() {
            if !self.may_start(doc.tokens[i].hash) {
                continue;
            }
            best.clear();
            let candidates = self.starting_with(doc.tokens[i].hash);
            let gaps = if self.inflected { MAX_INSERTED } else { 0 };
            for &k in candidates {
                let (slots, p) = &self.patterns[k];
                if *p >= payloads || next[*p] > i {
                    continue;
                }
                if let Some(end) = self.fit_at(doc, slots, i, gaps) {
                    match best.iter_mut().find(|(q, _)| q == p) {
                        Some((_, e)) => *e = (*e).max(end),
                        None => best.push((*p, end)),
                    }
                }
            }
            for &(p, end) in &best {
                if (i..end).all(&keep) {
                    out[p].push(Match {
                        start: i,
                        end,
                        payload: p,
                    });
                    next[p] = end;
                }
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

    #[test]
    fn find_each_is_find_per_payload() {
        let lists: [&[&str]; 3] = [
            &["hit", "hit him hard"],
            &["him hard", "hard"],
            &["fell", "he fell over"],
        ];
        let d = Doc::new(
            "He hit him hard and he fell over. “Hit him hard,” he said. He fell.",
            &[],
        );
        let all = PhraseSet::new(
            lists
                .iter()
                .enumerate()
                .flat_map(|(p, l)| l.iter().map(move |w| (*w, p))),
        );
        let keep = |i: usize| !d.has(i, crate::text::QUOTED);
        let each = all.find_each(&d, lists.len(), keep);
        for (p, l) in lists.iter().enumerate() {
            let alone = PhraseSet::new(l.iter().map(|w| (*w, p)));
            assert_eq!(each[p], alone.find(&d, keep), "list {p}");
        }
        assert_eq!(
            each[1].len(),
            1,
            "“him hard” inside the quotation is left out"
        );
    }
}
