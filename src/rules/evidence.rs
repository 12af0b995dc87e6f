//! `evidence`: interpretations, opinions and diagnoses need the evidence behind them.

use super::{Ctx, Out, Raw};
use crate::text::{Doc, Kind, Match, ACTIONS};

/// How many words before a marker an "if" or "whether" makes it a condition.
const CONDITION_WINDOW: usize = 2;

/// Whether what follows token `from` in its sentence gives evidence: a colon or dash
/// then words, or a connector ("because", "as shown by") then an observation.
fn evidence_after(cx: &Ctx, doc: &Doc, from: usize) -> bool {
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
    if let Some(m) = cx.k.evidence_connectors.any_in(doc, from, s.last, |_| true) {
        return observation_in(cx, doc, m.end, s.last);
    }
    false
}

/// An observed detail in tokens `a..b`: a quotation, a count or measure ("twice", "3cm"), or
/// an observation word. A clock time or a date is not one: "She seemed scared. I informed
/// the DSL at 9.30am." says when the writer acted, not what showed the fear.
fn observation_in(cx: &Ctx, doc: &Doc, a: usize, b: usize) -> bool {
    let obs = &cx.k.evidence_observations;
    let count = |k: usize| {
        doc.tokens[k].kind == Kind::Number
            && !cx.times().iter().any(|t| (t.start..t.end).contains(&k))
            && !cx.dates().iter().any(|d| (d.start..d.end).contains(&k))
    };
    (a..b).any(|k| !doc.own(k) || count(k)) || obs.any_in(doc, a, b, |_| true).is_some()
}

/// Whether the same sentence, or the next one, says what was observed.
fn observed_nearby(cx: &Ctx, doc: &Doc, m: &Match) -> bool {
    let s = doc.sentence_of[m.start];
    let sentence = &doc.sentences[s];
    let same = observation_in(cx, doc, sentence.first, m.start)
        || observation_in(cx, doc, m.end, sentence.last);
    let next = doc
        .sentences
        .get(s + 1)
        .is_some_and(|n| observation_in(cx, doc, n.first, n.last));
    same || next
}

/// "Clearly" that says how, not how sure: after a word at the end of a clause ("answered
/// questions clearly", "spoke clearly and calmly"), or before a word of seeing or showing
/// ("clearly visible"). After a comma or opening a clause it is the writer's stance.
fn manner(cx: &Ctx, doc: &Doc, m: &Match) -> bool {
    if m.end != m.start + 1 || !cx.k.evidence_manner_adverbs.has(doc, m.start) {
        return false;
    }
    let after_word = m.start > 0
        && doc.sentence_of[m.start - 1] == doc.sentence_of[m.start]
        && doc.is_word(m.start - 1);
    let clause_ends = m.end >= doc.len()
        || doc.sentence_of[m.end] != doc.sentence_of[m.start]
        || matches!(
            doc.norm(m.end),
            "," | ";" | "." | ":" | "and" | "but" | "when" | ")"
        )
        || (!doc.is_word(m.end) && doc.norm(m.end) != "-");
    (after_word && clause_ends)
        || (doc.is_word(m.end) && cx.k.evidence_manner_heads.has(doc, m.end))
}

/// A marker in a condition ("if Grace seems unwell") interprets nothing.
fn conditional(doc: &Doc, m: &Match) -> bool {
    (1..=CONDITION_WINDOW)
        .any(|back| m.start >= back && matches!(doc.norm(m.start - back), "if" | "whether"))
}

pub fn check(cx: &Ctx, out: &mut Out) {
    let doc = cx.doc;
    let own = |i: usize| doc.own(i);
    let strong: Vec<Match> = cx
        .k
        .evidence_strong
        .find(doc, own)
        .into_iter()
        .chain(cx.k.evidence_hearsay.find(doc, own))
        .filter(|m| {
            let must_have = doc.norm(m.start) == "must";
            !(must_have && doc.is_word(m.end) && cx.k.evidence_must_have_possession.has(doc, m.end))
        })
        .filter(|m| !manner(cx, doc, m))
        .filter(|m| !evidence_after(cx, doc, m.end))
        .collect();
    // Soft markers in the plans, or in a condition, interpret nothing.
    let soft: Vec<Match> =
        cx.k.evidence_soft
            .find(doc, |i| own(i) && !doc.has(i, ACTIONS))
            .into_iter()
            .filter(|m| !conditional(doc, m))
            .filter(|m| !evidence_after(cx, doc, m.end) && !observed_nearby(cx, doc, m))
            .collect();
    push_by_sentence(
        doc,
        strong.into_iter().chain(soft).collect(),
        "evidence.unsupported",
        out,
    );

    let diagnoses: Vec<Match> =
        cx.k.evidence_diagnoses
            .find(doc, |i| own(i) && !doc.has(i, ACTIONS))
            .into_iter()
            .filter(|m| !conditional(doc, m) && !diagnosed(cx, doc, m))
            .collect();
    push_by_sentence(doc, diagnoses, "evidence.diagnosis", out);
}

/// A diagnosis given as such ("diagnosed with ADHD", "CAMHS assessment for autism") or
/// someone else's report ("Mum said he is depressed").
fn diagnosed(cx: &Ctx, doc: &Doc, m: &Match) -> bool {
    let s = doc.sentence(m.start);
    (s.first..s.last).any(|k| cx.k.evidence_diagnosed.has(doc, k))
}

/// One finding per sentence, from its first marker to its last.
fn push_by_sentence(doc: &Doc, mut all: Vec<Match>, rule: &'static str, out: &mut Out) {
    crate::order::sort_by_key(&mut all, |m| m.start);
    let mut k = 0;
    while k < all.len() {
        let s = doc.sentence_of[all[k].start];
        let mut end = all[k].end;
        let mut j = k + 1;
        while j < all.len() && doc.sentence_of[all[j].start] == s {
            end = end.max(all[j].end);
            j += 1;
        }
        out.push(Raw::at(rule, doc.span(all[k].start, end)));
        k = j;
    }
}
