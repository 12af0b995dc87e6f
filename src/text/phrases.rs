//! Word-sequence matching for the phrase lists in `data/`.
//!
//! A pattern is words separated by spaces; `a|b` allows either word in that slot and
//! `*` any one word. Patterns are tokenised like the text, so `couldn't care less`
//! matches "couldn’t care less" and `(attached)` matches the brackets too. A match never
//! crosses a sentence boundary. At each position the longest pattern wins.

use super::tokens::tokenize;
use super::Doc;
use std::collections::HashMap;

#[derive(Clone, Debug, Default)]
pub struct PhraseSet {
    patterns: Vec<(Vec<Vec<String>>, usize)>,
    by_first: HashMap<String, Vec<usize>>,
    any_first: Vec<usize>,
}

/// Tokens `start..end` matched the pattern carrying `payload`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub payload: usize,
}

impl PhraseSet {
    pub fn new<S: AsRef<str>>(items: impl IntoIterator<Item = (S, usize)>) -> PhraseSet {
        let mut set = PhraseSet::default();
        for (pattern, payload) in items {
            set.add(pattern.as_ref(), payload);
        }
        set
    }

    pub fn add(&mut self, pattern: &str, payload: usize) {
        let mut slots: Vec<Vec<String>> = Vec::new();
        for chunk in pattern.split_whitespace() {
            if chunk.contains('|') || chunk == "*" {
                slots.push(chunk.split('|').map(|w| tokenize(w).first().map_or(String::new(), |t| t.norm.clone())).collect());
            } else {
                slots.extend(tokenize(chunk).into_iter().map(|t| vec![t.norm]));
            }
        }
        if slots.is_empty() {
            return;
        }
        let k = self.patterns.len();
        if slots[0].iter().any(|w| w == "*") {
            self.any_first.push(k);
        }
        for w in &slots[0] {
            if w != "*" {
                self.by_first.entry(w.clone()).or_default().push(k);
            }
        }
        self.patterns.push((slots, payload));
    }

    /// The longest match starting at token `i`.
    pub fn match_at(&self, doc: &Doc, i: usize) -> Option<Match> {
        let candidates = self.by_first.get(doc.norm(i)).into_iter().flatten().chain(self.any_first.iter());
        let mut best: Option<Match> = None;
        for &k in candidates {
            let (slots, payload) = &self.patterns[k];
            let end = i + slots.len();
            if end > doc.len() || doc.sentence_of[end - 1] != doc.sentence_of[i] {
                continue;
            }
            let fits = slots.iter().enumerate().all(|(o, alts)| {
                let w = doc.norm(i + o);
                alts.iter().any(|a| a == w || (a == "*" && doc.is_word(i + o)))
            });
            if fits && best.is_none_or(|b| end > b.end) {
                best = Some(Match { start: i, end, payload: *payload });
            }
        }
        best
    }

    /// Non-overlapping matches, left to right, whose every token passes `keep`.
    pub fn find(&self, doc: &Doc, keep: impl Fn(usize) -> bool) -> Vec<Match> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < doc.len() {
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
    pub fn any_in(&self, doc: &Doc, a: usize, b: usize, keep: impl Fn(usize) -> bool) -> Option<Match> {
        (a..b).find_map(|i| self.match_at(doc, i).filter(|m| m.end <= b && (m.start..m.end).all(&keep)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_alternatives_apostrophes_and_longest() {
        let set = PhraseSet::new([("kick|kicked|kicking off", 0), ("couldn't care less", 1), ("nightmare", 2), ("a nightmare", 3)]);
        let d = Doc::new("He was kicking off. She couldn’t care less, a nightmare.", &[]);
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
