//! `evidence`: interpretations and opinions need the evidence behind them.

use super::util::{one_of, set};
use super::{Ctx, Out, Raw};
use crate::text::{Doc, Kind, Match, ACTIONS};

/// Whether what follows token `from` in its sentence gives evidence: a colon or dash
/// then words, or a connector ("because", "as shown by") then an observation.
fn evidence_after(cx: &Ctx, doc: &Doc, from: usize) -> bool {
    let ev = &cx.data.evidence;
    let s = doc.sentence(from.min(doc.len() - 1));
    if from >= s.last {
        return false;
    }
    let words_after = |k: usize| (k..s.last).filter(|&x| doc.is_word(x)).count();
    for k in from..s.last {
        if matches!(doc.norm(k), ":" | "—" | "–") && words_after(k) >= 3 {
            return true;
        }
    }
    let connectors = set(&ev.connectors);
    if let Some(m) = connectors.any_in(doc, from, s.last, |_| true) {
        return observation_in(cx, doc, m.end, s.last);
    }
    false
}

/// An observed detail in tokens `a..b`: a quotation, a number or time, or an observation word.
fn observation_in(cx: &Ctx, doc: &Doc, a: usize, b: usize) -> bool {
    let obs = set(&cx.data.evidence.observations);
    (a..b).any(|k| !doc.own(k) || doc.tokens[k].kind == Kind::Number)
        || obs.any_in(doc, a, b, |_| true).is_some()
}

pub fn check(cx: &Ctx, out: &mut Out) {
    let doc = cx.doc;
    let ev = &cx.data.evidence;
    let own = |i: usize| doc.own(i);
    let strong: Vec<Match> = set(&ev.strong)
        .find(doc, own)
        .into_iter()
        .filter(|m| {
            let must_have = doc.norm(m.start) == "must";
            !(must_have && doc.is_word(m.end) && one_of(&ev.must_have_possession, doc, m.end))
        })
        .filter(|m| !evidence_after(cx, doc, m.end))
        .collect();
    // Soft markers in the plans, or in a condition ("if Grace seems unwell"), interpret nothing.
    let soft: Vec<Match> = set(&ev.soft)
        .find(doc, |i| own(i) && !doc.has(i, ACTIONS))
        .into_iter()
        .filter(|m| {
            !(m.start > 0 && matches!(doc.norm(m.start - 1), "if" | "whether")
                || m.start > 1 && matches!(doc.norm(m.start - 2), "if" | "whether"))
        })
        .filter(|m| {
            let s = doc.sentence_of[m.start];
            let next_has = doc
                .sentences
                .get(s + 1)
                .is_some_and(|n| observation_in(cx, doc, n.first, n.last));
            !evidence_after(cx, doc, m.end) && !next_has
        })
        .collect();
    // One finding per sentence, from its first marker to its last.
    let mut all: Vec<Match> = strong.into_iter().chain(soft).collect();
    all.sort_by_key(|m| m.start);
    let mut k = 0;
    while k < all.len() {
        let s = doc.sentence_of[all[k].start];
        let mut end = all[k].end;
        let mut j = k + 1;
        while j < all.len() && doc.sentence_of[all[j].start] == s {
            end = end.max(all[j].end);
            j += 1;
        }
        out.push(Raw::at("evidence.unsupported", doc.span(all[k].start, end)));
        k = j;
    }
}
