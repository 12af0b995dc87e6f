//! British English spelling: the en-GB Hunspell dictionary (`data/dictionary/`, from the
//! npm package `dictionary-en-gb`, MIT AND BSD; see its LICENSE) read by `spellbook`.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

static AFF: &str = include_str!("../data/dictionary/en-GB.aff");
static DIC: &str = include_str!("../data/dictionary/en-GB.dic");

pub fn dictionary() -> &'static spellbook::Dictionary {
    static DICT: OnceLock<spellbook::Dictionary> = OnceLock::new();
    DICT.get_or_init(|| {
        spellbook::Dictionary::new(AFF, DIC).expect("the bundled en-GB dictionary parses")
    })
}

/// Whether the dictionary knows the word as written (curly apostrophes allowed).
/// Answers are remembered: entries repeat the same few hundred words, and a look-up in
/// a map is cheaper than the dictionary's affix rules. The memory is capped.
pub fn known(word: &str) -> bool {
    const CAP: usize = 50_000;
    static SEEN: OnceLock<Mutex<HashMap<String, bool>>> = OnceLock::new();
    let seen = SEEN.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(&k) = seen.lock().unwrap_or_else(|p| p.into_inner()).get(word) {
        return k;
    }
    let w: String = word
        .chars()
        .map(|c| if c == '’' { '\'' } else { c })
        .collect();
    let k = dictionary().check(&w);
    let mut map = seen.lock().unwrap_or_else(|p| p.into_inner());
    if map.len() < CAP {
        map.insert(word.to_string(), k);
    }
    k
}

/// Whether the word, in lower case, is an ordinary English word ("will", "grace", "summer").
pub fn is_common_word(lower: &str) -> bool {
    known(lower)
}

/// One replacement, offered only when the dictionary's best guess is close to the word.
/// Suggesting is the dictionary's slow path (milliseconds), so answers are remembered.
pub fn suggestion(word: &str) -> Option<String> {
    const CAP: usize = 10_000;
    static SEEN: OnceLock<Mutex<HashMap<String, Option<String>>>> = OnceLock::new();
    let seen = SEEN.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(s) = seen.lock().unwrap_or_else(|p| p.into_inner()).get(word) {
        return s.clone();
    }
    let mut out = Vec::new();
    dictionary().suggest(word, &mut out);
    let best = out
        .into_iter()
        .next()
        .filter(|b| edit_distance(&b.to_lowercase(), &word.to_lowercase()) <= 2);
    let mut map = seen.lock().unwrap_or_else(|p| p.into_inner());
    if map.len() < CAP {
        map.insert(word.to_string(), best.clone());
    }
    best
}

/// Damerau–Levenshtein (optimal string alignment) distance.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn british_spellings_pass_and_slips_fail() {
        for w in [
            "colour",
            "organise",
            "programme",
            "practise",
            "couldn't",
            "couldn’t",
            "behaviour",
        ] {
            assert!(known(w), "{w}");
        }
        for w in ["recieved", "untill", "seperate", "happend"] {
            assert!(!known(w), "{w}");
        }
        assert_eq!(suggestion("recieved").as_deref(), Some("received"));
        assert_eq!(edit_distance("untill", "until"), 1);
    }
}
