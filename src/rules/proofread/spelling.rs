//! Spelling and text-speak in the writer's own words.

use super::vocabulary;
use crate::hash::FastSet;
use crate::names::{base, first_names, is_staff_code};
use crate::rules::{Ctx, Out, Raw};
use crate::spell::{edit_distance, known, suggestion};
use crate::text::{Doc, Kind, SENTENCE_START};

/// Spelling suggestions computed per check, at most.
const MAX_SUGGESTIONS: usize = 20;

/// The spans of the language rules' findings, made once per check (only if a word is
/// misspelt): sorted by start, with the furthest end so far, so that whether one covers a
/// word is a binary search rather than a pass over every finding.
struct Covered(Vec<(usize, usize)>);

impl Covered {
    fn of(out: &Out) -> Covered {
        let mut spans: Vec<(usize, usize)> = out
            .findings
            .iter()
            .filter(|f| f.rule.starts_with("language."))
            .filter_map(|f| f.span)
            .collect();
        crate::order::sort(&mut spans);
        let mut furthest = 0;
        for s in &mut spans {
            furthest = furthest.max(s.1);
            s.1 = furthest;
        }
        Covered(spans)
    }

    /// Whether a span starting at or before `a` reaches `b`.
    fn covers(&self, (a, b): (usize, usize)) -> bool {
        let n = self.0.partition_point(|&(s, _)| s <= a);
        n > 0 && self.0[n - 1].1 >= b
    }
}

/// Part of a username, tag or address ("xX_Gh0st_Xx", "@jaybo", "#fyp"): written as it is
/// on the screen, so never a misspelling or text-speak.
fn in_handle(doc: &Doc, i: usize) -> bool {
    let touches = |k: usize, marks: &[&str]| {
        k < doc.len()
            && (doc.tokens[k].end == doc.tokens[i].start
                || doc.tokens[k].start == doc.tokens[i].end)
            && marks.contains(&doc.raw(k))
    };
    (i > 0 && touches(i - 1, &["_", "@", "#"])) || touches(i + 1, &["_", "@"])
}

pub fn text_speak_and_spelling(cx: &Ctx, doc: &Doc, out: &mut Out) {
    let mut suggested = 0;
    let mut covered: Option<Covered> = None;
    let speak = &cx.k.proofread_text_speak;
    let lexicon = first_names(cx.data);
    for i in 0..doc.len() {
        if !doc.own(i) || doc.tokens[i].kind == Kind::Punct {
            continue;
        }
        let raw = doc.raw(i);
        let norm = doc.norm(i);
        if in_handle(doc, i) {
            continue;
        }
        // Text-speak, including "w/" (two tokens).
        // "w/o", "w/" (tokens joined by a slash with no space).
        let joined = |k: usize| k < doc.len() && doc.tokens[k].start == doc.tokens[k - 1].end;
        let mut hit = None;
        if joined(i + 1) && doc.norm(i + 1) == "/" {
            if joined(i + 2) && doc.is_word(i + 2) {
                let key = format!("{norm}/{}", doc.norm(i + 2));
                hit = speak.get(&key).map(|full| (full.clone(), i + 3));
            }
            hit = hit.or_else(|| {
                speak
                    .get(&format!("{norm}/"))
                    .map(|full| (full.clone(), i + 2))
            });
        }
        // One letter ("u", "n") counts only standing alone: "n/a", "Y/N" are not text-speak.
        let alone = raw.chars().count() > 1 || !(joined(i + 1) || (i > 0 && joined(i)));
        let hit = hit.or_else(|| {
            speak
                .get(norm)
                .filter(|_| alone)
                .map(|full| (full.clone(), i + 1))
        });
        let a_name = raw.starts_with(char::is_uppercase) && lexicon.contains(norm);
        if let Some((full, end)) =
            hit.filter(|_| !a_name && !vocabulary(cx, raw) && !a_code(doc, i))
        {
            out.push(
                Raw::at("proofread.text_speak", doc.span(i, end))
                    .detail(format!(": “{full}”"))
                    .suggest(full),
            );
            continue;
        }
        if doc.tokens[i].kind == Kind::Number
            || raw.chars().any(|c| c.is_ascii_digit())
            || raw.chars().count() < 2
        {
            continue;
        }
        if raw.starts_with(char::is_uppercase) || is_staff_code(raw) || known(raw) {
            // Names, places and acronyms: the dictionary cannot judge them. A sentence's
            // first word is capitalised whatever it is, so a long one that is plainly a
            // misspelt common word ("Definately needs looking into") is still flagged.
            if let Some(s) = misspelt_opening(cx, doc, i, lexicon) {
                suggested += 1;
                out.push(
                    Raw::at("proofread.spelling", doc.span(i, i + 1))
                        .detail(format!(" Did you mean “{s}”?"))
                        .suggest(s),
                );
            }
            continue;
        }
        if vocabulary(cx, raw)
            || cx
                .names
                .people
                .iter()
                .any(|p| p.forename == base(norm) || p.surname.as_deref() == Some(base(norm)))
        {
            continue;
        }
        let parts_known = raw
            .split(['-', '‐'])
            .all(|p| p.is_empty() || known(p) || vocabulary(cx, p));
        if parts_known || known(&fold_accents(raw)) || oxford_spelling(raw) {
            continue;
        }
        // Dropped g: "cryin" → "crying".
        if norm.ends_with("in") && known(&format!("{norm}g")) {
            out.push(
                Raw::at("proofread.text_speak", doc.span(i, i + 1))
                    .detail(format!(": “{norm}g”"))
                    .suggest(format!("{raw}g")),
            );
            continue;
        }
        // A word the language rules already flag ("gobby") is a word they know: one
        // finding says what is wrong with it.
        let span = doc.span(i, i + 1);
        if covered.get_or_insert_with(|| Covered::of(out)).covers(span) {
            continue;
        }
        let mut r = Raw::at("proofread.spelling", span);
        // Suggestions are slow to compute: a pasted wall of unknown words gets the first few.
        suggested += 1;
        if let Some(s) = (suggested <= MAX_SUGGESTIONS)
            .then(|| suggestion(raw))
            .flatten()
        {
            r = r.detail(format!(" Did you mean “{s}”?")).suggest(s);
        }
        out.push(r);
    }
}

/// Determiners and object pronouns: after a sentence's first word they show it is a verb
/// with its object ("Recieved a call"), where a name is followed by its verb ("Roisin cried").
const OBJECT_STARTS: [&str; 18] = [
    "a", "an", "the", "his", "her", "their", "my", "our", "your", "this", "that", "these", "those",
    "some", "him", "them", "me", "us",
];

/// Letters a sentence's first word must have before it is judged: short capitalised words
/// are as often names ("Kai", "Leyla") as slips.
const OPENING_LETTERS: usize = 6;

/// The correction of a sentence's capitalised first word ("Definately", "Apparantly") when it
/// is a misspelt adverb or verb, not a name: long, not a name the school or the first-name list knows, not used elsewhere
/// in the text with its capital (a name recurs), unknown in lower case, and the dictionary's
/// guess is an ordinary lower-case word one slip away (a letter wrong, added, dropped or
/// swapped) with the same first letter.
fn misspelt_opening(cx: &Ctx, doc: &Doc, i: usize, lexicon: &FastSet<String>) -> Option<String> {
    let raw = doc.raw(i);
    let norm = doc.norm(i);
    let plain = raw.chars().skip(1).all(|c| c.is_lowercase());
    if !doc.has(i, SENTENCE_START)
        || !plain
        || raw.chars().count() < OPENING_LETTERS
        || lexicon.contains(norm)
        || vocabulary(cx, raw)
        || known(norm)
        || cx.names.by_forename(base(norm)).is_some()
        || cx
            .names
            .people
            .iter()
            .any(|p| p.surname.as_deref() == Some(base(norm)))
        || (0..doc.len()).any(|k| k != i && doc.raw(k) == raw && !doc.has(k, SENTENCE_START))
    {
        return None;
    }
    let guess = suggestion(norm)?;
    let ordinary = guess.chars().all(char::is_lowercase);
    let slip = edit_distance(&guess, norm) == 1 && guess.chars().next() == norm.chars().next();
    // Only adverbs ("Definately", "Unfortunatly"), which open a sentence far more often than
    // they are names, and verbs of a note with no subject, known by the object that follows
    // ("Recieved a call", "Refered him"): other guesses too often turn a name the school has
    // not listed into a word ("Roisin" → "raisin", "Waleed" → "walled").
    let adverb = guess.ends_with("ly") && norm.ends_with("ly");
    let verb_with_object = doc
        .next_in_sentence(i)
        .is_some_and(|k| OBJECT_STARTS.contains(&doc.norm(k)));
    let past = guess.ends_with("ed") && norm.ends_with("ed");
    (ordinary && slip && (adverb || (past && verb_with_object))).then(|| {
        let mut cased = guess.chars();
        cased
            .next()
            .map(|c| c.to_uppercase().chain(cased).collect())
            .unwrap_or_default()
    })
}

/// Letters and digits typed as a code, not as text-speak: a room (B4, M8), a year group
/// or set (Y6), a grade (U), an abbreviation in capitals (BC); and "yr" before a number
/// is the school's "year" (Yr 9). Text-speak is typed in lower case.
fn a_code(doc: &Doc, i: usize) -> bool {
    let raw = doc.raw(i);
    let next_is_number = doc
        .tokens
        .get(i + 1)
        .is_some_and(|t| t.kind == Kind::Number);
    let shorthand = raw.chars().any(|c| c.is_ascii_digit()) || raw.chars().count() <= 2;
    (shorthand && raw.chars().any(char::is_uppercase)) || (doc.norm(i) == "yr" && next_is_number)
}

/// "café" → "cafe", "naïve" → "naive": the dictionary lists the plain forms.
fn fold_accents(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        })
        .collect()
}

/// "organized", "apologize": Oxford spelling is British too; the dictionary has the -ise forms.
fn oxford_spelling(s: &str) -> bool {
    s.contains("iz") && known(&s.replace("iz", "is"))
}
