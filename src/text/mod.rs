//! The text model the rules share: tokens, sentences, lines, quotations, the actions
//! section and pasted messages, all as byte spans into the entry's text. Offsets become
//! UTF-16 only at the edge (`crate::verdict`), because that is what the DOM uses.

pub mod morph;
pub mod phrases;
pub mod quotes;
pub mod regions;
pub mod tokens;

pub use phrases::{Match, PhraseSet};
pub use tokens::{Kind, Token};

use quotes::{Quote, Stray};
use regions::Regions;

/// Token flags.
pub const QUOTED: u8 = 1;
pub const PASTED: u8 = 2;
pub const EXCLUDED: u8 = 4;
pub const ACTIONS: u8 = 8;
pub const SENTENCE_START: u8 = 16;
pub const LINE_START: u8 = 32;
/// A word a phrase may have inserted in it ("kicked *right* off"; see `morph`).
pub const INSERTABLE: u8 = 64;
/// A token that starts with a capital letter (rules ask this of most words).
const CAPITAL: u8 = 128;

/// Not the writer's own words: quoted, pasted from someone else, or a header/signature.
pub const NOT_OWN: u8 = QUOTED | PASTED | EXCLUDED;

#[derive(Clone, Debug)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Token range `first..last`.
    pub first: usize,
    pub last: usize,
}

pub struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token<'a>>,
    pub flags: Vec<u8>,
    pub sentence_of: Vec<usize>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
    pub strays: Vec<Stray>,
    pub regions: Regions,
}

const ABBREVIATIONS: [&str; 16] = [
    "mr", "mrs", "ms", "dr", "st", "eg", "ie", "e", "g", "i", "etc", "approx", "no", "vs", "sgt",
    "mx",
];

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, action_headings: &[String]) -> Doc<'a> {
        let tokens = tokens::tokenize(text);
        let (quotes, strays) = quotes::find_quotes(text);
        let regions = regions::find_regions(text, action_headings);
        let morph = morph::morph();
        let mut flags: Vec<u8> = tokens
            .iter()
            .map(|t| {
                let capital = text[t.start..t.end].starts_with(char::is_uppercase);
                let insertable = morph.insertable(t.hash);
                (if capital { CAPITAL } else { 0 }) | if insertable { INSERTABLE } else { 0 }
            })
            .collect();
        mark(
            &tokens,
            &mut flags,
            quotes.iter().map(|q| (q.start, q.end)),
            QUOTED,
        );
        mark(&tokens, &mut flags, regions.pasted.iter().copied(), PASTED);
        mark(
            &tokens,
            &mut flags,
            regions.excluded.iter().copied(),
            EXCLUDED,
        );
        let in_actions = regions
            .lines
            .iter()
            .filter(|l| l.in_actions)
            .map(|l| (l.start, l.end));
        mark(&tokens, &mut flags, in_actions, ACTIONS);
        let mut doc = Doc {
            text,
            tokens,
            flags,
            sentence_of: Vec::new(),
            sentences: Vec::new(),
            quotes,
            strays,
            regions,
        };
        doc.split_sentences();
        doc
    }

    fn split_sentences(&mut self) {
        let n = self.tokens.len();
        let mut first = 0;
        for i in 0..n {
            let t = &self.tokens[i];
            let next = self.tokens.get(i + 1);
            let gap_has_newline = next.is_some_and(|nx| self.text[t.end..nx.start].contains('\n'));
            if i == 0 || self.text[self.tokens[i - 1].end..t.start].contains('\n') {
                self.flags[i] |= LINE_START;
            }
            let ends = gap_has_newline || next.is_none() || self.ends_sentence(i);
            if ends {
                self.push_sentence(first, i + 1);
                first = i + 1;
            }
        }
        if first < n {
            self.push_sentence(first, n);
        }
        self.sentence_of = vec![0; n];
        for (k, s) in self.sentences.iter().enumerate() {
            for i in s.first..s.last {
                self.sentence_of[i] = k;
            }
            if let Some(w) = (s.first..s.last).find(|&i| self.tokens[i].kind != Kind::Punct) {
                self.flags[w] |= SENTENCE_START;
            }
        }
    }

    fn ends_sentence(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        let next = &self.tokens[i + 1];
        let is_stop = |s: &str| matches!(s, "." | "!" | "?");
        let next_starts = next.kind == Kind::Number
            || self.text[next.start..].starts_with(|c: char| {
                c.is_uppercase() || matches!(c, '“' | '"' | '‘' | '-' | '•')
            });
        if t.kind != Kind::Punct || !self.text[t.end..next.start].starts_with(char::is_whitespace) {
            return false;
        }
        if is_stop(&t.norm) {
            if self.flags[i] & QUOTED != 0 && self.flags[i + 1] & QUOTED != 0 {
                return false; // inside a quotation: "Too loud. My ears hurt."
            }
            let initial = i > 0 && {
                let prev = &self.text[self.tokens[i - 1].start..self.tokens[i - 1].end];
                prev.chars().count() == 1 && prev.starts_with(char::is_uppercase) && prev != "I"
            };
            let abbrev = i > 0
                && t.norm == "."
                && (ABBREVIATIONS.contains(&&*self.tokens[i - 1].norm) || initial);
            return next_starts && !abbrev;
        }
        // A closing quotation mark after a full stop: “… go home.” Derek then …
        let closes_quote = matches!(&*t.norm, "”" | "\"" | "’" | "'")
            && i > 0
            && is_stop(&self.tokens[i - 1].norm)
            && self.flags[i + 1] & QUOTED == 0;
        closes_quote && next_starts
    }

    fn push_sentence(&mut self, first: usize, last: usize) {
        let start = self.tokens[first].start;
        let end = self.tokens[last - 1].end;
        self.sentences.push(Sentence {
            start,
            end,
            first,
            last,
        });
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The token's text as typed.
    pub fn raw(&self, i: usize) -> &'a str {
        &self.text[self.tokens[i].start..self.tokens[i].end]
    }

    pub fn norm(&self, i: usize) -> &str {
        &self.tokens[i].norm
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind != Kind::Punct)
    }

    /// A word of two or more letters written all in capitals ("HE", "NOT", "ELSA").
    pub fn all_capitals(&self, i: usize) -> bool {
        let raw = self.raw(i);
        self.tokens[i].kind == Kind::Word
            && raw.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !raw.chars().any(char::is_lowercase)
    }

    pub fn has(&self, i: usize, flag: u8) -> bool {
        self.flags[i] & flag != 0
    }

    /// The writer's own words (not quoted, pasted or a header/signature).
    pub fn own(&self, i: usize) -> bool {
        self.flags[i] & NOT_OWN == 0
    }

    pub fn capitalised(&self, i: usize) -> bool {
        self.has(i, CAPITAL)
    }

    pub fn sentence(&self, i: usize) -> &Sentence {
        &self.sentences[self.sentence_of[i]]
    }

    /// The previous token in the same sentence.
    pub fn prev_in_sentence(&self, i: usize) -> Option<usize> {
        (i > 0 && self.sentence_of[i - 1] == self.sentence_of[i]).then(|| i - 1)
    }

    pub fn next_in_sentence(&self, i: usize) -> Option<usize> {
        (i + 1 < self.tokens.len() && self.sentence_of[i + 1] == self.sentence_of[i]).then(|| i + 1)
    }

    /// Byte span of tokens `a..b`.
    pub fn span(&self, a: usize, b: usize) -> (usize, usize) {
        (self.tokens[a].start, self.tokens[b - 1].end)
    }

    /// Whether the sentence holding token `i` contains a direct quotation.
    pub fn sentence_has_quote(&self, sentence: usize) -> bool {
        let s = &self.sentences[sentence];
        self.quotes
            .iter()
            .any(|q| q.start < s.end && s.start < q.end)
    }
}

/// Sets `flag` on every token inside one of the (sorted or unsorted) spans.
fn mark(tokens: &[Token], flags: &mut [u8], spans: impl Iterator<Item = (usize, usize)>, flag: u8) {
    for (s, e) in spans {
        let first = tokens.partition_point(|t| t.end <= s);
        for (k, t) in tokens.iter().enumerate().skip(first) {
            if t.start >= e {
                break;
            }
            flags[k] |= flag;
        }
    }
}

/// A UTF-16 offset (as the DOM and the verdict count) → the byte offset in `text`;
/// past the end, the text's length.
pub fn byte_offset(text: &str, units: usize) -> usize {
    let mut u = 0;
    for (b, c) in text.char_indices() {
        if u >= units {
            return b;
        }
        u += c.len_utf16();
    }
    text.len()
}

/// UTF-16 offsets → byte offsets (as [`byte_offset`]), for many offsets in one pass: in
/// order of the text, however `units` are ordered.
pub fn byte_offsets(text: &str, units: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..units.len()).collect();
    crate::order::positions(&mut order, &|a, b| units[a].cmp(&units[b]));
    let mut out = vec![text.len(); units.len()];
    let (mut b, mut u) = (0usize, 0usize);
    let mut chars = text.chars();
    for k in order {
        while u < units[k] {
            let Some(c) = chars.next() else { break };
            b += c.len_utf8();
            u += c.len_utf16();
        }
        out[k] = b;
    }
    out
}

/// Byte offsets → UTF-16 code units, for many offsets in one pass.
pub fn utf16_offsets(text: &str, bytes: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..bytes.len()).collect();
    crate::order::positions(&mut order, &|a, b| bytes[a].cmp(&bytes[b]));
    let mut out = vec![0; bytes.len()];
    let (mut b, mut u) = (0usize, 0usize);
    let mut chars = text.char_indices().peekable();
    for k in order {
        let target = bytes[k];
        while b < target {
            match chars.next() {
                Some((_, c)) => {
                    b += c.len_utf8();
                    u += c.len_utf16();
                }
                None => break,
            }
        }
        out[k] = u;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(t: &str) -> Vec<String> {
        let d = Doc::new(t, &["actions".to_string()]);
        d.sentences
            .iter()
            .map(|s| t[s.start..s.end].to_string())
            .collect()
    }

    #[test]
    fn splits_sentences_without_breaking_quotations() {
        assert_eq!(
            sentences(
                "Oscar said “Too loud. My ears hurt.” Back in class he sat down. Mr. Smith came!"
            ),
            [
                "Oscar said “Too loud. My ears hurt.”",
                "Back in class he sat down.",
                "Mr. Smith came!"
            ]
        );
        assert_eq!(
            sentences("At 12.40 Jacob fell.\nActions:\n- KSmith to phone dad"),
            ["At 12.40 Jacob fell.", "Actions:", "- KSmith to phone dad"]
        );
    }

    #[test]
    fn quoted_words_are_not_the_writers() {
        let d = Doc::new("Derek said “I hate it” today.", &[]);
        let hate = d.tokens.iter().position(|t| t.norm == "hate").unwrap();
        let today = d.tokens.iter().position(|t| t.norm == "today").unwrap();
        assert!(!d.own(hate) && d.own(today));
    }

    #[test]
    fn many_byte_offsets_agree_with_one_at_a_time() {
        let t = "a😀b“c”d\n€";
        let units: Vec<usize> = (0..16).rev().collect();
        let one: Vec<usize> = units.iter().map(|&u| byte_offset(t, u)).collect();
        assert_eq!(byte_offsets(t, &units), one);
    }

    #[test]
    fn byte_offsets_from_utf16() {
        assert_eq!(byte_offset("a😀b", 3), 5);
        assert_eq!(byte_offset("a😀b", 9), 6);
    }

    #[test]
    fn utf16_counts_surrogate_pairs() {
        let t = "a😀b“c”";
        let bytes = [0, 1, 5, 6, t.len()];
        assert_eq!(utf16_offsets(t, &bytes), [0, 1, 3, 4, 7]);
    }
}
