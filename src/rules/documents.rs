//! `documents`: a document the text mentions should be attached.

use super::util::{negated, NEGATION_WINDOW};
use super::{Applies, Ctx, Out, Raw};
use crate::names::is_staff_code;
use crate::text::{Doc, Kind, EXCLUDED, PASTED, QUOTED};

/// How many words a document's kind may take before its head ("record of concern").
const KIND_WORDS: usize = 3;

/// How many words before a mention "consented to", "accepted" and the like reach
/// ("consented to a young carers referral").
const NOT_YET_WINDOW: usize = 5;

/// How many steps a document's name reaches back over kinds and capitalised words.
const NAME_STEPS: usize = 3;

/// "PI", "MASH", "CAF": a capitalised abbreviation naming a kind of form or report.
fn abbreviation(doc: &Doc, i: usize) -> bool {
    let raw = doc.raw(i);
    doc.tokens[i].kind == Kind::Word
        && (2..=6).contains(&raw.len())
        && raw.chars().all(|c| c.is_ascii_uppercase())
}

/// Where the kind words ending just before token `head` start ("accident", "record of
/// concern", "first aid"), if any.
fn kind_before(doc: &Doc, head: usize) -> Option<usize> {
    let kinds = &crate::data::compiled().documents_kinds;
    (1..=KIND_WORDS)
        .rev()
        .filter_map(|k| head.checked_sub(k))
        .filter(|&s| doc.sentence_of[s] == doc.sentence_of[head])
        .find(|&s| kinds.match_at(doc, s).is_some_and(|m| m.end == head))
        .or_else(|| {
            doc.prev_in_sentence(head)
                .filter(|&p| abbreviation(doc, p) && !is_staff_code(doc.raw(p)))
        })
}

/// The document's name reaches back over what kind it is: "MASH referral", "Operation
/// Encompass notification", "physical intervention form".
fn extend_left(doc: &Doc, mut start: usize) -> usize {
    for _ in 0..NAME_STEPS {
        if let Some(k) = kind_before(doc, start) {
            start = k;
            continue;
        }
        match doc.prev_in_sentence(start) {
            Some(p)
                if doc.capitalised(p)
                    && doc.tokens[p].kind == Kind::Word
                    && !is_staff_code(doc.raw(p))
                    && !doc.raw(p).ends_with("'s")
                    && !doc.raw(p).ends_with("’s")
                    && !matches!(doc.norm(p), "a" | "an" | "the" | "this" | "that" | "i") =>
            {
                start = p
            }
            _ => break,
        }
    }
    start
}

/// "Dylan's EHCP records sensitivity to noise", "the MASH notes his …": a kind head in -s
/// followed by its object (a word that can only be a noun, or a determiner) is a verb, not
/// a document. "Police records show …" keeps its document. Needs the dictionary's classes.
fn head_is_verb(doc: &Doc, head: usize) -> bool {
    use super::proofread::words;
    let next = head + 1;
    if !doc.norm(head).ends_with('s') || !doc.is_word(next) || crate::spell::left_out() {
        return false;
    }
    let w = doc.norm(next);
    let r = words::read(w);
    (w != "that" && (words::determiner(w) || words::possessive(w)))
        || (r.noun && !r.verb && !r.adjective)
}

/// The tokens of `walk` up to the first clause break ("and", "but", "then", a comma).
fn in_clause<'d>(
    doc: &'d Doc,
    walk: impl Iterator<Item = usize> + 'd,
) -> impl Iterator<Item = usize> + 'd {
    walk.take_while(|&k| !matches!(doc.norm(k), "and" | "but" | "then" | "," | ";"))
}

/// Where the text names a document among the tokens `keep` allows: a mention, or a kind
/// head after its kind ("PI form").
fn find_mentions(cx: &Ctx, keep: impl Fn(usize) -> bool + Copy) -> Vec<(usize, usize)> {
    let doc = cx.doc;
    let d = &cx.data.documents;
    let mut found: Vec<(usize, usize)> =
        cx.k.documents_mentions
            .find(doc, keep)
            .into_iter()
            .filter(|m| {
                let email = d.email_words.contains(&d.mentions[m.payload]);
                // "her email address", "the email account": not a message.
                !(email
                    && (doc.regions.has_email
                        || (doc.is_word(m.end) && cx.k.documents_not_email_after.has(doc, m.end))))
            })
            .map(|m| (m.start, m.end))
            .collect();
    // "PI form", "accident report", "first aid log": a kind head after its kind.
    for m in cx.k.documents_kind_heads.find(doc, keep) {
        let after_other = doc.is_word(m.end)
            && (cx.k.documents_not_documents_after.has(doc, m.end) || head_is_verb(doc, m.end - 1));
        if let Some(k) = kind_before(doc, m.start).filter(|_| !after_other) {
            found.push((k, m.end));
        }
    }
    found
}

/// How far from a document in a pasted message "attached" may stand ("Minutes attached",
/// "please find attached the core group minutes").
const SENT_WITH_WINDOW: usize = 4;

pub fn check(cx: &Ctx, out: &mut Out) {
    let doc = cx.doc;
    let future = &cx.k.documents_future;
    let mut found = find_mentions(cx, |i| !doc.has(i, QUOTED | EXCLUDED));
    // A message pasted between quotation marks is someone else's words, but a document it
    // says came with it belongs with the record too.
    let message = |i: usize| doc.has(i, QUOTED) && doc.has(i, PASTED) && !doc.has(i, EXCLUDED);
    let pasted = if doc.regions.pasted.is_empty() {
        Vec::new()
    } else {
        find_mentions(cx, message)
    };
    let sent_with: Vec<(usize, usize)> = pasted
        .into_iter()
        .filter(|&(s, e)| {
            let (a, b) = (
                s.saturating_sub(SENT_WITH_WINDOW),
                (e + SENT_WITH_WINDOW).min(doc.len()),
            );
            cx.k.documents_sent_with
                .any_in(doc, a, b, message)
                .is_some()
        })
        .collect();
    found.extend(sent_with);
    crate::order::sort(&mut found);
    // One mention per document: overlapping pieces ("record of concern" + "form") join.
    found.retain(|&(s, _)| {
        !(negated(doc, s, NEGATION_WINDOW) || (s > 0 && cx.k.documents_negations.has(doc, s - 1)))
    });
    let mut mentions: Vec<(usize, usize)> = Vec::new();
    for (s, e) in found {
        let s = extend_left(doc, s);
        match mentions.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => mentions.push((s, e)),
        }
    }
    let someone_elses_words = !doc.regions.pasted.is_empty() || doc.regions.has_email;
    mentions.retain(|&(s, e)| {
        if doc.has(s, QUOTED) {
            return true;
        }
        let sent = doc.sentence(s);
        let in_sentence = |set: &crate::text::PhraseSet| {
            set.any_in(doc, sent.first, sent.last, |_| true).is_some()
        };
        let standing_plan =
            cx.k.documents_standing
                .any_in(doc, s, e, |_| true)
                .is_some()
                && !in_sentence(&cx.k.documents_made_now);
        // Within the document's own clause: "Mum agreed and KPatel completed the referral"
        // is done; "referral to the school counsellor offered and accepted" is not yet.
        let only_offered = in_clause(
            doc,
            (s.saturating_sub(NOT_YET_WINDOW).max(sent.first)..s).rev(),
        )
        .any(|k| cx.k.documents_not_yet.has(doc, k))
            || in_clause(doc, e..(e + NOT_YET_WINDOW + 2).min(sent.last))
                .any(|k| cx.k.documents_not_yet_after.has(doc, k));
        // A plan or condition: "will send the letter", "If there is no improvement, referral
        // to …". An "if" after the document is another clause ("see the attached summary
        // and let me know if …").
        let planned = future
            .any_in(doc, sent.first, sent.last, |k| {
                k < s || !matches!(doc.norm(k), "if" | "unless")
            })
            .is_some();
        !(planned
            || cx
                .k
                .documents_plans
                .any_in(doc, sent.first, s, |_| true)
                .is_some()
            || in_sentence(&cx.k.documents_kept_elsewhere)
            || (in_sentence(&cx.k.documents_spoken) && !in_sentence(&cx.k.documents_made_now))
            || in_sentence(&cx.k.documents_never_attach)
            || (someone_elses_words && in_sentence(&cx.k.documents_in_entry))
            || standing_plan
            || only_offered)
    });
    if !cx.entry.attachments.is_empty() {
        return;
    }
    if mentions.is_empty() {
        out.set("documents", Applies::NotApplicable);
        return;
    }
    for (s, e) in mentions.into_iter().take(5) {
        out.push(Raw::at("documents.missing", doc.span(s, e)));
    }
}
