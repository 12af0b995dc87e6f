//! `timely`: was the entry made promptly after the incident?

use super::{Applies, Ctx, Out, Raw};
use crate::datetime::describe_minutes;
use crate::text::ACTIONS;

pub fn check(cx: &Ctx, out: &mut Out) {
    if let Some(inc) = cx.entry.incident_at {
        // A date alone counts from the end of that day: the most lenient reading.
        let gap = cx.now.minutes(0) - inc.minutes(23 * 60 + 59);
        if gap > (cx.policy.timeliness_hours * 60.0) as i64 {
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
    {
        out.push(Raw::at("timely.vague_when", doc.span(m.start, m.end)));
    }
    if cx.entry.incident_at.is_none() && out.findings.iter().any(|f| f.rule == "timely.vague_when")
    {
        out.set("timely", Applies::Yes);
    }
}
