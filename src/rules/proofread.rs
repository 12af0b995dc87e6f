//! `proofread`: spelling (British English), repeated words, unbalanced quotation marks
//! and brackets, text-speak and capitals. The person is always asked to re-read.

use super::util::one_of;
use super::{Applies, Ctx, Out, Raw};
use crate::names::{base, first_names, is_staff_code};
use crate::spell::{is_common_word, known, suggestion};
use crate::text::{Doc, Kind, EXCLUDED, PASTED};
use std::collections::HashSet;
use std::sync::OnceLock;

pub fn check(cx: &Ctx, out: &mut Out) {
    out.set("proofread", Applies::Confirm);
    let doc = cx.doc;
    text_speak_and_spelling(cx, doc, out);
    repeated_words(cx, doc, out);
    unbalanced(doc, out);
    capitals(cx, doc, out);
}

/// School vocabulary as written, and in lower case for words typed all in lower case.
fn vocabulary(cx: &Ctx, raw: &str) -> bool {
    static SETS: OnceLock<(HashSet<String>, HashSet<String>)> = OnceLock::new();
    let (exact, lower) = SETS.get_or_init(|| {
        let v = &crate::data::data().proofread.vocabulary;
        (
            v.iter().cloned().collect(),
            v.iter().map(|w| w.to_lowercase()).collect(),
        )
    });
    exact.contains(raw)
        || (raw.chars().all(|c| c.is_lowercase() || !c.is_alphabetic()) && lower.contains(raw))
        || cx.policy.never_flagged(raw)
}

/// Spelling suggestions computed per check, at most.
const MAX_SUGGESTIONS: usize = 20;

fn text_speak_and_spelling(cx: &Ctx, doc: &Doc, out: &mut Out) {
    let mut suggested = 0;
    let pf = &cx.data.proofread;
    let lexicon = first_names(cx.data);
    for i in 0..doc.len() {
        if !doc.own(i) || doc.tokens[i].kind == Kind::Punct {
            continue;
        }
        let raw = doc.raw(i);
        let norm = doc.norm(i);
        // Text-speak, including "w/" (two tokens).
        // "w/o", "w/" (tokens joined by a slash with no space).
        let joined = |k: usize| k < doc.len() && doc.tokens[k].start == doc.tokens[k - 1].end;
        let mut hit = None;
        if joined(i + 1) && doc.norm(i + 1) == "/" {
            if joined(i + 2) && doc.is_word(i + 2) {
                let key = format!("{norm}/{}", doc.norm(i + 2));
                hit = pf.text_speak.get(&key).map(|full| (full.clone(), i + 3));
            }
            hit = hit.or_else(|| {
                pf.text_speak
                    .get(&format!("{norm}/"))
                    .map(|full| (full.clone(), i + 2))
            });
        }
        let hit = hit.or_else(|| pf.text_speak.get(norm).map(|full| (full.clone(), i + 1)));
        let a_name = raw.starts_with(char::is_uppercase) && lexicon.contains(norm);
        if let Some((full, end)) = hit.filter(|_| !a_name && !vocabulary(cx, raw)) {
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
            continue; // names, places and acronyms: the dictionary cannot judge them
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
        let mut r = Raw::at("proofread.spelling", doc.span(i, i + 1));
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

fn repeated_words(cx: &Ctx, doc: &Doc, out: &mut Out) {
    for i in 0..doc.len().saturating_sub(1) {
        let j = i + 1;
        if doc.is_word(i)
            && doc.tokens[i].kind == Kind::Word
            && doc.norm(i) == doc.norm(j)
            && doc.own(i)
            && doc.own(j)
            && doc.sentence_of[i] == doc.sentence_of[j]
            && doc.text[doc.tokens[i].end..doc.tokens[j].start]
                .chars()
                .all(char::is_whitespace)
            && !one_of(&cx.data.proofread.repeat_ok, doc, i)
        {
            out.push(
                Raw::at("proofread.repeated_word", doc.span(i, j + 1))
                    .suggest(doc.raw(i).to_string()),
            );
        }
    }
}

fn unbalanced(doc: &Doc, out: &mut Out) {
    // Someone else's words and quotations are not the writer's to balance. One sorted list
    // of those spans, walked once alongside the text, keeps this linear in the length.
    let mut shielded: Vec<(usize, usize)> = doc
        .regions
        .pasted
        .iter()
        .chain(&doc.regions.excluded)
        .copied()
        .collect();
    let others = shielded.clone();
    shielded.extend(doc.quotes.iter().map(|q| (q.start, q.end)));
    shielded.sort_unstable();
    for s in &doc.strays {
        if !others.iter().any(|&(a, e)| (a..e).contains(&s.pos)) {
            let detail =
                "This quotation mark has no partner. Close the quotation after the last word said.";
            out.push(
                Raw::at("proofread.unbalanced", (s.pos, s.pos + s.ch.len_utf8())).detail(detail),
            );
        }
    }
    let mut next_span = 0;
    for line in &doc.regions.lines {
        let text = &doc.text[line.start..line.end];
        let mut open: Vec<usize> = Vec::new();
        for (k, c) in text.char_indices() {
            if c != '(' && c != ')' {
                continue;
            }
            let pos = line.start + k;
            while next_span < shielded.len() && shielded[next_span].1 <= pos {
                next_span += 1;
            }
            if shielded[next_span..]
                .iter()
                .take_while(|&&(a, _)| a <= pos)
                .any(|&(a, e)| a <= pos && pos < e)
            {
                continue;
            }
            if c == '(' {
                open.push(pos);
            } else {
                // "1)" or "a)" at the start of a line is a list marker.
                let before = text[..k].trim_start();
                let marker = before.len() <= 2 && before.chars().all(char::is_alphanumeric);
                if open.pop().is_none() && !marker {
                    out.push(
                        Raw::at("proofread.unbalanced", (pos, pos + 1))
                            .detail("This bracket closes but never opens."),
                    );
                }
            }
        }
        for pos in open {
            out.push(
                Raw::at("proofread.unbalanced", (pos, pos + 1))
                    .detail("This bracket is never closed."),
            );
        }
    }
}

fn capitals(cx: &Ctx, doc: &Doc, out: &mut Out) {
    let shouty = |i: usize| {
        let raw = doc.raw(i);
        doc.own(i)
            && doc.tokens[i].kind == Kind::Word
            && raw.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && raw.chars().all(|c| !c.is_lowercase())
            && !vocabulary(cx, raw)
    };
    let mut i = 0;
    while i < doc.len() {
        if !shouty(i) {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut words = 0;
        while j < doc.len()
            && (shouty(j)
                || (doc.tokens[j].kind == Kind::Punct && j + 1 < doc.len() && shouty(j + 1)))
        {
            if doc.tokens[j].kind == Kind::Word {
                words += 1;
            }
            j += 1;
        }
        if words >= 3 {
            out.push(
                Raw::at("proofread.capitals", doc.span(i, j))
                    .detail("Writing in capitals reads as shouting. Use ordinary sentence case."),
            );
        }
        i = j.max(i + 1);
    }
    // A tagged child's name typed in lower case.
    for p in cx.names.tagged() {
        if is_common_word(&p.forename) {
            continue;
        }
        if let Some(i) = (0..doc.len()).find(|&i| {
            doc.own(i)
                && !doc.has(i, EXCLUDED | PASTED)
                && base(doc.norm(i)) == p.forename
                && doc.raw(i).starts_with(char::is_lowercase)
        }) {
            let name = p.display_forename().to_string();
            out.push(
                Raw::at("proofread.capitals", super::tagging::name_span(doc, i))
                    .detail(format!("Names start with a capital letter: “{name}”."))
                    .suggest(name),
            );
        }
    }
}
