//! `five_w`: who, what, where, when and why.

use super::tagging::mentioned;
use super::{Ctx, Out, Raw};
use crate::names::is_staff_code;
use crate::text::EXCLUDED;

pub fn check(cx: &Ctx, out: &mut Out) {
    let doc = cx.doc;
    let not_header = |i: usize| !doc.has(i, EXCLUDED);
    if cx
        .k
        .five_w_places
        .any_in(doc, 0, doc.len(), not_header)
        .is_none()
    {
        out.push(Raw::whole("five_w.where"));
    }
    let field_time = cx
        .entry
        .incident_at
        .is_some_and(|d| d.minute_of_day.is_some());
    if !field_time
        && cx.times().is_empty()
        && cx
            .k
            .five_w_times
            .any_in(doc, 0, doc.len(), not_header)
            .is_none()
    {
        out.push(Raw::whole("five_w.when"));
    }
    let tagged: Vec<_> = cx.names.tagged().collect();
    let child = tagged.is_empty() || tagged.iter().any(|p| mentioned(doc, &p.forename));
    let staff = (0..doc.len()).any(|i| !doc.has(i, EXCLUDED) && is_staff_code(doc.raw(i)))
        || cx
            .names
            .staff
            .iter()
            .any(|c| (0..doc.len()).any(|i| doc.raw(i) == c));
    if !child || !staff {
        let detail = match (child, staff) {
            (false, false) => {
                "Name the child and the staff involved (staff as their code, for example JBloggs)."
            }
            (false, true) => "Name the child the entry is about.",
            _ => "Name the staff involved by their code (for example JBloggs), not “I” or a title.",
        };
        out.push(Raw::whole("five_w.who").detail(detail));
    }
    let why_words =
        cx.k.five_w_why
            .any_in(doc, 0, doc.len(), not_header)
            .is_some();
    let after_name = (0..doc.len().saturating_sub(1)).any(|i| {
        matches!(doc.norm(i), "after" | "following") && doc.capitalised(i + 1) && doc.is_word(i + 1)
    });
    let account = doc.quotes.iter().any(|q| q.end > q.start + 4) || !cx.reported().is_empty();
    if !(why_words || after_name || account) {
        out.push(Raw::whole("five_w.why"));
    }
}
