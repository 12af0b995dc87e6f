//! Fixed grammar slips: "could of" for "could have", "each others" for "each other's".

use super::confusables::{own_word, push, word_at, Hit};
use super::words::read;
use crate::rules::Out;
use crate::text::Doc;

pub fn check(doc: &Doc, out: &mut Out) {
    for i in 0..doc.len() {
        if !own_word(doc, i) {
            continue;
        }
        let w = doc.norm(i);
        let next = word_at(doc, i, i + 1);
        let modal = matches!(
            w,
            "could"
                | "should"
                | "would"
                | "must"
                | "might"
                | "couldn't"
                | "shouldn't"
                | "wouldn't"
                | "mustn't"
                | "mightn't"
        );
        // "could, of course, …" without its commas is still right.
        if modal && next == Some("of") && word_at(doc, i, i + 2) != Some("course") {
            push(
                doc,
                out,
                "proofread.grammar",
                &Hit {
                    from: i,
                    to: i + 2,
                    word: i + 1,
                    meant: "have",
                },
            );
        }
        if w == "each" && next == Some("others") {
            // Before a noun it is the possessive; otherwise the plain "each other".
            let owned = word_at(doc, i, i + 2).is_some_and(|n| read(n).noun);
            push(
                doc,
                out,
                "proofread.grammar",
                &Hit {
                    from: i,
                    to: i + 2,
                    word: i + 1,
                    meant: if owned { "other's" } else { "other" },
                },
            );
        }
    }
}
