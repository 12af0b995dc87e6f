//! `tagging`: is every child named in the text tagged, and is every tag named?

use super::{Ctx, Out, Raw};
use crate::names::{base, first_names, is_staff_code};
use crate::spell::is_common_word;
use crate::text::{Doc, EXCLUDED, SENTENCE_START};

/// How far after a name a role may follow it ("Priya (school nurse)", "Sam, the social worker").
const ROLE_AFTER_NAME_WINDOW: usize = 6;

/// Whether a tagged child (by forename, any case) is named anywhere in the text.
pub fn mentioned(doc: &Doc, forename: &str) -> bool {
    (0..doc.len()).any(|i| base(doc.norm(i)) == forename)
}

/// The raw text of token `i` without a possessive ending.
pub fn name_span(doc: &Doc, i: usize) -> (usize, usize) {
    let raw = doc.raw(i);
    let trimmed = raw
        .strip_suffix("'s")
        .or_else(|| raw.strip_suffix("’s"))
        .or_else(|| raw.strip_suffix(['\'', '’']))
        .unwrap_or(raw);
    let start = doc.tokens[i].start;
    (start, start + trimmed.len())
}

pub fn check(cx: &Ctx, out: &mut Out) {
    let doc = cx.doc;
    for p in cx.names.tagged() {
        if !mentioned(doc, &p.forename) && !p.surname.as_deref().is_some_and(|s| mentioned(doc, s))
        {
            out.push(Raw::field("tagging.unmentioned", "students").detail(p.full.clone()));
        }
    }
    let lexicon = first_names(cx.data);
    let names = &cx.data.names;
    // Forenames of adults named in full elsewhere ("Mark Ellis (social worker)" … "Mark").
    let adult_forenames: Vec<String> = (0..doc.len().saturating_sub(1))
        .filter(|&i| doc.capitalised(i) && doc.capitalised(i + 1) && doc.is_word(i + 1))
        .filter(|&i| {
            cx.names
                .by_full_name(doc.norm(i), base(doc.norm(i + 1)))
                .is_none()
        })
        .filter(|&i| cx.names.by_forename(doc.norm(i)).is_none_or(|p| !p.tagged))
        .filter(|&i| !(cx.names.pupil_list_known && cx.names.by_forename(doc.norm(i)).is_some()))
        .map(|i| doc.norm(i).to_string())
        .collect();
    let mut reported: Vec<String> = Vec::new();
    for i in 0..doc.len() {
        if !doc.is_word(i) || doc.has(i, EXCLUDED) {
            continue;
        }
        let name = base(doc.norm(i));
        // Most words are no one's name: rule them out before any allocation.
        let pupil = cx.names.by_forename(name);
        if pupil.is_none() && (cx.names.pupil_list_known || !lexicon.contains(name)) {
            continue;
        }
        let name = name.to_string();
        if reported.contains(&name) || is_staff_code(doc.raw(i)) {
            continue;
        }
        // The second word of a full name is a surname ("Jade Carter"), not another child.
        let after_first_name = doc.prev_in_sentence(i).is_some_and(|p| {
            doc.capitalised(p)
                && (cx.names.by_forename(base(doc.norm(p))).is_some()
                    || lexicon.contains(doc.norm(p)))
        });
        if after_first_name
            || cx
                .names
                .tagged()
                .any(|p| p.surname.as_deref() == Some(name.as_str()))
        {
            continue;
        }
        if pupil.is_some_and(|p| p.tagged) {
            continue;
        }
        let known_pupil = pupil.is_some();
        if cx.names.pupil_list_known && !known_pupil {
            continue; // the school's list says who its pupils are
        }
        if !known_pupil && !lexicon.contains(&name) {
            continue;
        }
        let word_name = is_common_word(&name);
        let capital = doc.capitalised(i);
        if !capital && (word_name || !known_pupil) {
            continue;
        }
        // "Will you …", "Hope this helps": a word, unless a pupil of that name then does
        // something ("Mason filmed the whole thing").
        let acts = known_pupil
            && doc
                .next_in_sentence(i)
                .is_some_and(|n| super::proofread::words::finite_verb(doc.norm(n)));
        if word_name && doc.has(i, SENTENCE_START) && !acts {
            continue;
        }
        let prev = doc.prev_in_sentence(i).map(|p| doc.norm(p).to_string());
        let next = doc.next_in_sentence(i);
        if prev.as_deref().is_some_and(|p| {
            names
                .relative_titles
                .iter()
                .chain(&names.staff_titles)
                .chain(&names.professional_titles)
                .any(|t| t == p)
        }) {
            continue; // Uncle Dean, Mrs Grace, PC Will
        }
        if adult_named(cx, doc, i) {
            continue; // mum's partner Dean, Mum, Kelly, …; the TA Sarah
        }
        if next.is_some_and(|n| cx.k.names_word_name_contexts.has(doc, n)) {
            continue; // Summer term
        }
        if let Some(n) = next.filter(|&n| doc.capitalised(n) && doc.is_word(n)) {
            let full_pupil = cx.names.by_full_name(&name, base(doc.norm(n))).is_some();
            if !full_pupil {
                continue; // an adult's full name: the names rule looks at it
            }
        }
        if !known_pupil && adult_forenames.contains(&name) {
            continue;
        }
        if next.is_some_and(|n| matches!(doc.norm(n), "(" | ","))
            && professional_follows(cx, doc, i)
        {
            continue;
        }
        reported.push(name);
        out.push(Raw::at("tagging.untagged", name_span(doc, i)));
    }
}

/// "Priya (school nurse)", "Sam, the social worker": a role right after the name.
fn professional_follows(cx: &Ctx, doc: &Doc, i: usize) -> bool {
    (i + 2..(i + ROLE_AFTER_NAME_WINDOW).min(doc.len())).any(|k| {
        (cx.k.names_role_words.has(doc, k) && !cx.k.names_parent_words.has(doc, k))
            || cx.k.names_adult_ties.has(doc, k)
    })
}

/// "mum's partner Dean", "her stepdad, Lee", "Mum, Kelly,", "the family support worker
/// Sam", "the TA Sarah": a first name right after a word that makes it an adult's.
fn adult_named(cx: &Ctx, doc: &Doc, i: usize) -> bool {
    let n = &cx.data.names;
    let Some(mut p) = doc.prev_in_sentence(i) else {
        return false;
    };
    let comma = doc.norm(p) == ",";
    if comma {
        match doc.prev_in_sentence(p) {
            Some(q) => p = q,
            None => return false,
        }
    }
    // "mum's boyfriend Dean": a parent's partner, where a child's boyfriend may be a child.
    let parents_partner = matches!(doc.norm(p), "boyfriend" | "girlfriend")
        && doc.prev_in_sentence(p).is_some_and(|q| {
            doc.norm(q) != base(doc.norm(q))
                && n.parent_words.iter().any(|w| w == base(doc.norm(q)))
        });
    parents_partner
        || cx.k.names_adult_ties.has(doc, p)
        || (comma && cx.k.names_parent_words.has(doc, p))
        || (cx.k.names_role_words.has(doc, p) && !cx.k.names_parent_words.has(doc, p))
        || cx.k.names_staff_roles_words.has(doc, p)
}
