//! `datetime`: is the incident's own date and time given, and does the text agree?

use super::when::{span_or_comparison, DateMention, TimeMention};
use super::{Ctx, Out, Raw};
use crate::datetime::{describe_minutes, Date, MONTHS, WEEKDAYS};
use crate::text::{Doc, ACTIONS, EXCLUDED, SENTENCE_START};

/// Minutes within which a time in the text counts as the same time as the field.
const SAME_TIME: i64 = 15;
/// How far into its sentence a day or part of day may stand and still set the scene.
const SCENE_LEAD: usize = 6;

pub fn check(cx: &Ctx, out: &mut Out) {
    let Some(inc) = cx.entry.incident_at else {
        out.push(Raw::field("datetime.missing", "incident_at").detail(
            "The incident date and time are empty. Enter when it happened, not when you are writing.",
        ));
        return;
    };
    if inc.minute_of_day.is_none() {
        out.push(Raw::field("datetime.missing", "incident_at").detail(
            "The incident time is empty. Enter the time it happened (an approximate time is better than none).",
        ));
    }
    let now = cx.now;
    let future = match inc.minute_of_day {
        Some(_) => inc.minutes(0) > now.minutes(0) + 5,
        None => inc.date > now.date,
    };
    if future {
        out.push(
            Raw::field("datetime.future", "incident_at").detail(inc.to_string().replace('T', " ")),
        );
        return;
    }

    let doc = cx.doc;
    let all_times = cx.times();
    let all_dates = cx.dates();
    let opening = opening_sentences(doc, 2);
    let narrative = |i: usize| doc.own(i) && !doc.has(i, ACTIONS);

    let mut conflicts = weekday_conflicts(cx, all_dates, inc.date, &opening);
    // A date (and time) stated in the opening that differs from the field.
    // Only where the date sets the scene: the opening sentence starts with it, or "On …",
    // and not after a reporting or relative word ("told SKowalski that the visit planned
    // for Monday 26 January was cancelled": another event's day).
    let sets_scene = |m: &DateMention| {
        let first = doc.sentence(m.start).first;
        (doc.has(m.start, SENTENCE_START)
            || doc
                .prev_in_sentence(m.start)
                .is_some_and(|p| doc.norm(p) == "on"))
            && cx
                .k
                .time_other_event
                .any_in(doc, first, m.start, |_| true)
                .is_none()
    };
    // The field's own date given anywhere outside the plans makes the opening's other date
    // context ("Follow-up to the concern logged on Mon 29/9. Review meeting today, Fri 17th Oct").
    let field_date_given = all_dates
        .iter()
        .any(|o| !doc.has(o.start, ACTIONS) && o.date(inc.date.year) == Some(inc.date));
    if let Some(m) = all_dates.iter().find(|m| {
        !field_date_given
            && narrative(m.start)
            && opening.first() == Some(&doc.sentence_of[m.start])
    }) {
        if let Some(d) = m.date(inc.date.year).filter(|_| sets_scene(m)) {
            if d != inc.date && m.weekday.is_none_or(|w| w == d.weekday()) {
                conflicts.push((m.start, m.end));
            }
        }
    }
    let Some(minute) = inc.minute_of_day else {
        push_conflicts(doc, out, &conflicts, inc.date);
        return;
    };

    let gap = now.minutes(0) - inc.minutes(0);
    let explained_by_time = all_times
        .iter()
        .any(|t| t.minutes_from(minute) <= SAME_TIME);
    let context = &cx.k.time_out_of_hours_context;
    let explained = explained_by_time || context.any_in(doc, 0, doc.len(), |_| true).is_some();
    let weekend = inc.date.weekday() >= 5;
    let outside =
        minute < cx.policy.school_day_start || minute >= cx.policy.school_day_end || weekend;
    let out_of_hours = outside && !explained;
    if out_of_hours {
        let when = if weekend {
            format!("{} {}", WEEKDAYS[inc.date.weekday()], clock(minute))
        } else {
            clock(minute)
        };
        out.push(Raw::field("datetime.out_of_hours", "incident_at").detail(when));
    }

    // The first time of day the narrative gives, and whether the field's time fits it.
    let first_time: Option<&TimeMention> = all_times
        .iter()
        .find(|t| narrative(t.start) && !doc.has(t.start, EXCLUDED));
    // Only a time that sets the scene: early in the opening sentence ("At 12.40 on the field").
    let sets_scene = |t: &TimeMention, lead: usize| {
        t.start < doc.sentences[doc.sentence_of[t.start]].first + lead
    };
    // The story may open earlier and move on to the field's time ("Period 3 (11:20): she
    // asked to talk … At 12:05 she showed …"): a later sentence that starts at that time.
    // Or the text gives the field's time outside its plans, where the first time is when the
    // school heard of it ("Notification received at 8.12am … Police were called at 11.50pm").
    let story_reaches_field = all_times.iter().any(|t| {
        t.minutes_from(minute) <= SAME_TIME
            && ((narrative(t.start) && sets_scene(t, 3)) || !doc.has(t.start, ACTIONS))
    });
    let time_differs = !story_reaches_field
        && first_time.is_some_and(|t| {
            opening.first() == Some(&doc.sentence_of[t.start])
                && sets_scene(t, 8)
                && t.minutes_from(minute) > SAME_TIME
        });
    // With the field at the time of writing, a time opening either of the first two
    // sentences ("… detention in S4. At 3.45pm Harvey …") is enough to show it is not the
    // incident's.
    let opening_time_differs = !story_reaches_field
        && first_time.is_some_and(|t| {
            opening.contains(&doc.sentence_of[t.start])
                && sets_scene(t, 3)
                && t.minutes_from(minute) > SAME_TIME
        });
    let part_mismatch = part_of_day_mismatch(cx, &opening, minute);
    let vague =
        cx.k.time_vague_past
            .find(doc, narrative)
            .iter()
            .any(|m| !span_or_comparison(doc, m.start));
    let at_entry_time = (0..=i64::from(cx.policy.entry_time_minutes)).contains(&gap);
    // "The other day …" while the date field says today.
    let earlier = cx
        .k
        .time_earlier_day
        .find(doc, narrative)
        .into_iter()
        .find(|m| opening.contains(&doc.sentence_of[m.start]) && !span_or_comparison(doc, m.start))
        .filter(|_| inc.date == now.date);
    if let Some(m) = earlier {
        conflicts.push((m.start, m.end));
    }
    if at_entry_time
        && (vague
            || part_mismatch.is_some()
            || time_differs
            || opening_time_differs
            || out_of_hours
            || !conflicts.is_empty())
    {
        out.push(Raw::field("datetime.entry_time", "incident_at").detail(describe_minutes(gap)));
    } else if time_differs {
        let t = first_time.expect("time_differs implies a time");
        out.push(
            Raw::at("datetime.conflict", doc.span(t.start, t.end))
                .detail(format!("time, {}", clock(minute))),
        );
    } else if let Some((a, b)) = part_mismatch {
        out.push(
            Raw::at("datetime.conflict", doc.span(a, b)).detail(format!("time, {}", clock(minute))),
        );
    }
    push_conflicts(doc, out, &conflicts, inc.date);
}

fn push_conflicts(doc: &Doc, out: &mut Out, conflicts: &[(usize, usize)], date: Date) {
    for &(a, b) in conflicts {
        out.push(
            Raw::at("datetime.conflict", doc.span(a, b))
                .detail(format!("date, {}", long_date(date))),
        );
    }
}

/// Indices of the first `n` sentences that hold the writer's own words.
fn opening_sentences(doc: &Doc, n: usize) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for (k, s) in doc.sentences.iter().enumerate() {
        if out.len() == n {
            break;
        }
        if (s.first..s.last).any(|i| doc.own(i) && doc.is_word(i) && !doc.has(i, ACTIONS)) {
            out.push(k);
        }
    }
    out
}

/// Weekdays that contradict the incident date: "On Friday …" when the date is a Thursday
/// (only in the opening, where the incident is set), or "Monday 15th April" when 15 April
/// is not a Monday (anywhere in the narrative).
fn weekday_conflicts(
    cx: &Ctx,
    all: &[DateMention],
    inc: Date,
    opening: &[usize],
) -> Vec<(usize, usize)> {
    let doc = cx.doc;
    let planned = &cx.k.time_planned;
    let other_day = &cx.data.time.before_other_day;
    let mut out = Vec::new();
    for m in all {
        let Some(w) = m.weekday else { continue };
        if !doc.own(m.start) || doc.has(m.start, ACTIONS) {
            continue;
        }
        if let Some(d) = m.date(inc.year) {
            if d.weekday() != w {
                out.push((m.start, m.end));
            }
            continue;
        }
        let s = doc.sentence_of[m.start];
        let sent = &doc.sentences[s];
        let prev = doc.prev_in_sentence(m.start).map(|p| doc.norm(p));
        // "On Friday …", or a note's heading: "Phone call, Tuesday 11.20am."
        let sets_scene = (doc.has(m.start, SENTENCE_START)
            || matches!(
                prev,
                Some("on" | "last" | "this" | "," | ":" | "-" | "–" | "(")
            ))
            && in_lead(cx, m.start)
            && !recurring(cx, m.end);
        let about_other_time = planned
            .any_in(doc, sent.first, sent.last, |_| true)
            .is_some()
            || prev.is_some_and(|p| other_day.iter().any(|o| o == p));
        if opening.contains(&s) && sets_scene && !about_other_time && w != inc.weekday() {
            out.push((m.start, m.end));
        }
    }
    out
}

/// Whether token `i` is in its sentence's opening words ("On Friday, …", "Mum phoned on
/// Friday …", "At break on Friday …"), where a day or time sets the scene of the incident,
/// and not after a reporting or relative word ("to say that she went missing on Friday",
/// "the clothes he wore on Monday"): there it belongs to another event.
fn in_lead(cx: &Ctx, i: usize) -> bool {
    let doc = cx.doc;
    let first = doc.sentence(i).first;
    let other_event = &cx.k.time_other_event;
    i <= first + SCENE_LEAD && other_event.any_in(doc, first, i, |_| true).is_none()
}

/// Whether the day or part of day ending before token `end` names a pattern rather than
/// one day: "on Friday and Saturday nights", "Monday to Wednesday", "Friday evenings".
fn recurring(cx: &Ctx, end: usize) -> bool {
    let doc = cx.doc;
    let Some(n) = doc.next_in_sentence(end - 1) else {
        return false;
    };
    let repeated = cx.k.time_recurring_next.has(doc, n);
    let another_day = matches!(doc.norm(n), "and" | "or" | "to" | "-" | "–")
        && doc
            .next_in_sentence(n)
            .is_some_and(|k| WEEKDAYS.iter().any(|w| w.eq_ignore_ascii_case(doc.norm(k))));
    repeated || another_day
}

/// The first part-of-day phrase of the opening ("this morning", "at lunchtime") when it
/// rules out the field's time.
fn part_of_day_mismatch(cx: &Ctx, opening: &[usize], minute: u32) -> Option<(usize, usize)> {
    let doc = cx.doc;
    let groups = &cx.data.time.part_of_day;
    let phrases = &cx.k.time_part_of_day;
    // Only a phrase that says when this happened: "At lunchtime", "during lunchtime",
    // "This morning" — not "save them for lunchtime".
    let says_when = |m: &crate::text::Match| {
        doc.has(m.start, SENTENCE_START)
            || matches!(doc.norm(m.start), "this" | "at" | "in" | "during")
            || doc
                .prev_in_sentence(m.start)
                .is_some_and(|p| matches!(doc.norm(p), "at" | "during" | "in" | "over" | "on"))
    };
    // A clock time in the text that agrees with the field already places the incident;
    // "at lunch" is then a later part of the story ("… at 10.30am, and back in at lunch").
    if cx
        .times()
        .iter()
        .any(|t| t.minutes_from(minute) <= SAME_TIME)
    {
        return None;
    }
    let first = phrases
        .find(doc, |i| doc.own(i) && !doc.has(i, ACTIONS))
        .into_iter()
        .find(|m| says_when(m) && in_lead(cx, m.start) && !recurring(cx, m.end))?;
    let fits = groups[first.payload]
        .windows
        .iter()
        .any(|[a, b]| (*a..=*b).contains(&minute));
    (!fits && opening.contains(&doc.sentence_of[first.start])).then_some((first.start, first.end))
}

fn clock(minute: u32) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

fn long_date(d: Date) -> String {
    format!(
        "{} {} {} {}",
        WEEKDAYS[d.weekday()],
        d.day,
        MONTHS[d.month as usize - 1],
        d.year
    )
}
