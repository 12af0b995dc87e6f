//! `proofread`: spelling (British English), repeated words, unbalanced quotation marks
//! and brackets, text-speak, capitals, swapped sound-alike words and fixed grammar slips.
//! The person is always asked to re-read.

mod capitals;
mod confusables;
mod grammar;
mod marks;
mod spelling;
pub(in crate::rules) mod words;

use super::{Applies, Ctx, Out};

pub fn check(cx: &Ctx, out: &mut Out) {
    out.set("proofread", Applies::Confirm);
    let doc = cx.doc;
    spelling::text_speak_and_spelling(cx, doc, out);
    marks::repeated_words(cx, doc, out);
    marks::unbalanced(doc, out);
    capitals::capitals(cx, doc, out);
    // The word-use checks read words' classes, which come with the dictionary (read by the
    // first word looked up: an empty field's check, on a page's load, stays cheap).
    if !crate::spell::left_out() {
        confusables::check(cx, doc, out);
        grammar::check(doc, out);
    }
}

/// School, SEND, medical and safeguarding vocabulary as written, and in lower case for
/// words typed all in lower case; a plural or verb ending on a listed word is accepted
/// too (stims, stimming, sexualised), so the lists hold one form of each word.
fn vocabulary(cx: &Ctx, raw: &str) -> bool {
    let (exact, lower) = (&cx.k.proofread_vocabulary, &cx.k.proofread_vocabulary_lower);
    let all_lower = raw.chars().all(|c| c.is_lowercase() || !c.is_alphabetic());
    exact.contains(raw)
        || (all_lower && (lower.contains(raw) || bases(raw).iter().any(|b| lower.contains(b))))
        || cx.policy.never_flagged(raw)
}

/// The base forms a word may have been inflected from: stims → stim, stimming → stim,
/// sexualised → sexualise, cyberbullied → cyberbully, trafficked → traffic.
fn bases(w: &str) -> Vec<String> {
    let mut out = Vec::new();
    for end in ["s", "es", "ed", "d", "ing", "'s"] {
        if let Some(s) = w.strip_suffix(end).filter(|s| s.len() > 2) {
            out.push(s.to_string());
            out.push(format!("{s}e"));
            if let Some(single) = s.strip_suffix(|c: char| s.ends_with(&format!("{c}{c}"))) {
                out.push(single.to_string());
            }
            if let Some(y) = s.strip_suffix('i') {
                out.push(format!("{y}y"));
            }
            if let Some(k) = s.strip_suffix('k') {
                out.push(k.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::bases;

    #[test]
    fn inflected_forms_lead_back_to_their_base() {
        for (w, base) in [
            ("stims", "stim"),
            ("stimming", "stim"),
            ("sexualised", "sexualise"),
            ("cyberbullied", "cyberbully"),
            ("catfished", "catfish"),
        ] {
            assert!(bases(w).iter().any(|b| b == base), "{w}");
        }
        assert!(bases("stim").is_empty());
    }
}
