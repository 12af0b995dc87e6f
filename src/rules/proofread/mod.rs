//! `proofread`: spelling (British English), repeated words, unbalanced quotation marks
//! and brackets, text-speak, capitals, swapped sound-alike words and fixed grammar slips.
//! The person is always asked to re-read.

mod capitals;
mod confusables;
mod grammar;
mod marks;
mod spelling;
mod words;

use super::{Applies, Ctx, Out};
use std::collections::HashSet;
use std::sync::OnceLock;

pub fn check(cx: &Ctx, out: &mut Out) {
    out.set("proofread", Applies::Confirm);
    let doc = cx.doc;
    spelling::text_speak_and_spelling(cx, doc, out);
    marks::repeated_words(cx, doc, out);
    marks::unbalanced(doc, out);
    capitals::capitals(cx, doc, out);
    confusables::check(cx, doc, out);
    grammar::check(doc, out);
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
