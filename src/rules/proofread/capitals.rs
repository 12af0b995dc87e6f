//! Capitals: shouting, emphasis, and a child's name typed in lower case.

use super::vocabulary;
use crate::names::{base, first_names, is_staff_code};
use crate::rules::{Ctx, Out, Raw};
use crate::spell::is_common_word;
use crate::text::{Doc, Kind, EXCLUDED, LINE_START, PASTED};

/// First on its line after any bullet or numbering ("• NEXT STEPS", "2. ACTIONS").
/// Walks back only as far as the first word: a long line is not read again for each token.
fn starts_line(doc: &Doc, k: usize) -> bool {
    for t in (0..=k).rev() {
        if t < k && doc.tokens[t].kind == Kind::Word {
            return false;
        }
        if doc.has(t, LINE_START) {
            return true;
        }
    }
    false
}

/// An ordinary word typed in capitals for emphasis ("NOT", "ONLY"): not an acronym (the
/// school's vocabulary, acronyms that are also words such as IT, PE, MASH), not a code,
/// not "10 AM", not a heading ("UPDATE:" or a line in capitals).
fn emphasis(cx: &Ctx, doc: &Doc, k: usize) -> bool {
    let raw = doc.raw(k);
    let norm = doc.norm(k);
    let acronym = cx.data.proofread.acronym_words.iter().any(|a| a == raw);
    let after_number = k > 0 && doc.tokens[k - 1].kind == Kind::Number;
    let heading = starts_line(doc, k)
        || doc
            .tokens
            .get(k + 1)
            .is_some_and(|t| matches!(&doc.text[t.start..t.end], ":" | "-" | "–"));
    // "(TACT)": an acronym spelt out just before it.
    let bracketed = k > 0
        && doc.norm(k - 1) == "("
        && doc
            .tokens
            .get(k + 1)
            .is_some_and(|t| &doc.text[t.start..t.end] == ")");
    let a_name = first_names(cx.data).contains(norm)
        || cx
            .names
            .people
            .iter()
            .any(|p| p.forename == norm || p.surname.as_deref() == Some(norm));
    // Two capitals are far more often an abbreviation (CC, MM, EH) than emphasis, and so is
    // a word with no vowel (CSC, CPS, DWP), whatever the dictionary lists in lower case.
    let vowelless = !norm.contains(['a', 'e', 'i', 'o', 'u', 'y']);
    raw.chars().count() >= 3
        && !vowelless
        && raw.chars().all(char::is_alphabetic)
        && !acronym
        && !bracketed
        && !a_name
        && !after_number
        && !heading
        && !is_staff_code(raw)
        && is_common_word(norm)
}

pub fn capitals(cx: &Ctx, doc: &Doc, out: &mut Out) {
    let shouty = |i: usize| doc.own(i) && doc.all_capitals(i) && !vocabulary(cx, doc.raw(i));
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
        // A heading in capitals ("ACTIONS TAKEN:") is layout; a sentence in capitals shouts.
        let heading = starts_line(doc, i)
            && (j >= doc.len() || doc.has(j, LINE_START) || doc.norm(j) == ":" || words < 3);
        if words >= 3 {
            out.push(
                Raw::at("proofread.capitals", doc.span(i, j))
                    .detail("Writing in capitals reads as shouting. Use ordinary sentence case.")
                    .escalate(!heading),
            );
        } else if !heading {
            for k in (i..j).filter(|&k| emphasis(cx, doc, k)) {
                let lower = doc.norm(k).to_string();
                out.push(
                    Raw::at("proofread.capitals", doc.span(k, k + 1))
                        .detail(format!(
                            "“{}” is in capitals for emphasis, which reads as shouting. Write “{lower}” and let the facts carry the weight.",
                            doc.raw(k)
                        ))
                        .suggest(lower)
                        .escalate(true),
                );
            }
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
                Raw::at(
                    "proofread.capitals",
                    crate::rules::tagging::name_span(doc, i),
                )
                .detail(format!("Names start with a capital letter: “{name}”."))
                .suggest(name),
            );
        }
    }
}
