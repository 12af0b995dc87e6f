//! `documents`: a document the text mentions should be attached.

use super::util::{negated, one_of, set};
use super::{Applies, Ctx, Out, Raw};
use crate::text::{EXCLUDED, QUOTED};

pub fn check(cx: &Ctx, out: &mut Out) {
    let doc = cx.doc;
    let d = &cx.data.documents;
    let future = set(&d.future);
    let mentions: Vec<_> = set(&d.mentions)
        .find(doc, |i| !doc.has(i, QUOTED | EXCLUDED))
        .into_iter()
        .filter(|m| !(doc.regions.has_email && d.email_words.contains(&d.mentions[m.payload])))
        .filter(|m| {
            !(negated(doc, m.start, 3) || (m.start > 0 && one_of(&d.negations, doc, m.start - 1)))
        })
        .filter(|m| {
            let s = doc.sentence(m.start);
            future.any_in(doc, s.first, s.last, |_| true).is_none()
        })
        .collect();
    if !cx.entry.attachments.is_empty() {
        return;
    }
    if mentions.is_empty() {
        out.set("documents", Applies::NotApplicable);
        return;
    }
    for m in mentions.into_iter().take(5) {
        out.push(Raw::at("documents.missing", doc.span(m.start, m.end)));
    }
}
