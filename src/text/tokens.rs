//! Words, numbers and punctuation with their byte spans.

use std::borrow::Cow;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    Punct,
}

#[derive(Clone, Debug)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Lower case, curly apostrophes made straight: what word lists are matched against.
    /// Most words are already so, and borrow the text (no allocation per word).
    pub norm: Cow<'a, str>,
    /// `word_hash(norm)`, so phrase matching compares numbers, not strings.
    pub hash: u64,
}

/// FNV-1a: a fast, stable 64-bit hash of a normalised word. Never 0 (0 marks a wildcard).
pub fn word_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h.max(1)
}

pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Splits text into tokens. A word keeps inner apostrophes and hyphens
/// (`Derek’s`, `Ellie-Mae`, `AJones-Smith`); a number keeps inner `.` and `:`
/// (`12.40`, `8.35am`, `14:25`). Everything else that is not space is punctuation,
/// one character each.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut it = text.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            let norm = Cow::Borrowed(&text[start..start + c.len_utf8()]);
            out.push(Token {
                start,
                end: start + c.len_utf8(),
                kind: Kind::Punct,
                hash: word_hash(&norm),
                norm,
            });
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut prev = c;
        while let Some(&(b, c)) = it.peek() {
            if c.is_alphanumeric() {
                it.next();
                end = b + c.len_utf8();
                prev = c;
                continue;
            }
            // A joiner needs a letter or digit on both sides: Derek’s, Ellie-Mae, 12.40.
            let next = text[b + c.len_utf8()..].chars().next();
            let joins = match next {
                Some(n) if n.is_alphanumeric() => {
                    ((is_apostrophe(c) && c != '‘') || is_hyphen(c)) && prev.is_alphanumeric()
                        || (matches!(c, '.' | ':') && prev.is_ascii_digit() && n.is_ascii_digit())
                }
                _ => false,
            };
            if !joins {
                break;
            }
            it.next();
            let (nb, n) = it.next().expect("the joiner is followed by a character");
            end = nb + n.len_utf8();
            prev = n;
        }
        let raw = &text[start..end];
        let kind = if raw.starts_with(|c: char| c.is_ascii_digit()) {
            Kind::Number
        } else {
            Kind::Word
        };
        let norm = if raw.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            Cow::Borrowed(raw)
        } else {
            Cow::Owned(normalise(raw))
        };
        out.push(Token {
            start,
            end,
            kind,
            hash: word_hash(&norm),
            norm,
        });
    }
    out
}

/// Lower case with straight apostrophes and plain hyphens.
pub fn normalise(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase(); // most words: no curly marks, no Unicode case rules
    }
    s.chars()
        .map(|c| match c {
            '’' | 'ʼ' | '‘' => '\'',
            '‐' | '‑' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<String> {
        tokenize(t)
            .into_iter()
            .map(|t| t.norm.into_owned())
            .collect()
    }

    #[test]
    fn keeps_apostrophes_hyphens_and_times_inside_tokens() {
        assert_eq!(words("Derek’s mum didn't"), ["derek's", "mum", "didn't"]);
        assert_eq!(
            words("Ellie-Mae met AJones-Smith at 12.40, 8.35am"),
            [
                "ellie-mae",
                "met",
                "ajones-smith",
                "at",
                "12.40",
                ",",
                "8.35am"
            ]
        );
        assert_eq!(words("girls’ toilets"), ["girls", "’", "toilets"]);
        assert_eq!(words("“Hi!”"), ["“", "hi", "!", "”"]);
    }

    #[test]
    fn spans_cover_the_text() {
        let t = "Zoë said “ça va” 😀 ok";
        for tok in tokenize(t) {
            assert!(t.is_char_boundary(tok.start) && t.is_char_boundary(tok.end));
        }
        assert!(tokenize("").is_empty());
    }
}

/// A hasher for keys that are already `word_hash` values: hashing them again is wasted work.
#[derive(Default)]
pub struct Prehashed(u64);

impl std::hash::Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type PrehashedBuild = std::hash::BuildHasherDefault<Prehashed>;
