//! `timely`: was the entry made promptly after the incident?

use super::{Applies, Ctx, Out, Raw};
use crate::datetime::{describe_minutes, Date, LocalDateTime};
use crate::text::{ACTIONS, SENTENCE_START};

pub fn check(cx: &Ctx, out: &mut Out) {
    if let Some(inc) = cx.entry.incident_at {
        // A date alone counts from the end of that day: the most lenient reading.
        let gap = cx.now.minutes(0) - inc.minutes(23 * 60 + 59);
        let limit = (cx.policy.timeliness_hours * 60.0) as i64;
        // The text opens on a later day than the field ("Thurs 13th Nov, period 1, …" with
        // the field on the 12th): the date is in doubt (`datetime.conflict` asks which is
        // right), and by the text's own day the entry is in time.
        if gap > limit && !in_time_by_text(cx, inc.date, limit) {
            out.push(Raw::field("timely.late", "incident_at").detail(describe_minutes(gap)));
        }
    } else {
        out.set("timely", Applies::NotApplicable);
    }
    let doc = cx.doc;
    let vague = &cx.k.time_vague_past;
    for m in vague
        .find(doc, |i| doc.own(i) && !doc.has(i, ACTIONS))
        .into_iter()
        .filter(|m| !super::when::span_or_comparison(doc, m.start))
        // "has recently been diagnosed": a perfect tense gives background, not the
        // incident's time.
        .filter(|m| {
            !doc.prev_in_sentence(m.start)
                .is_some_and(|p| matches!(doc.norm(p), "has" | "have" | "had" | "having"))
        })
    {
        out.push(Raw::at("timely.vague_when", doc.span(m.start, m.end)));
    }
    if cx.entry.incident_at.is_none() && out.findings.iter().any(|f| f.rule == "timely.vague_when")
    {
        out.set("timely", Applies::Yes);
    }
}

/// Whether the entry is in time counted from the day its text opens on, when that is later
/// than the field's day.
fn in_time_by_text(cx: &Ctx, field_day: Date, limit: i64) -> bool {
    let doc = cx.doc;
    cx.dates()
        .iter()
        .find(|m| doc.sentence_of[m.start] == 0 && doc.has(m.start, SENTENCE_START))
        .and_then(|m| m.date(field_day.year))
        .is_some_and(|d| {
            let text_day = LocalDateTime {
                date: d,
                minute_of_day: None,
            };
            d > field_day && cx.now.minutes(0) - text_day.minutes(23 * 60 + 59) <= limit
        })
}
