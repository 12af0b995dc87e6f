//! The incident's date and time: native date, time and date-time inputs, text fields in UK
//! or ISO form (one combined field, or two), and widgets that keep the value in a hidden
//! input (flatpickr with `altInput`, Bootstrap-style pickers): the hidden input's value,
//! written for machines, is read first, and the visible control is where the note goes.

use super::names::{describe, mentions, shown};
use super::{all, chosen_elements, Read};
use crate::datetime::LocalDateTime;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement};

/// Words that name the incident's date field, and those that name another date.
const DATE_WORDS: [&str; 4] = ["date", "when", "occurred", "happened"];
const NOT_DATE: [&str; 6] = ["search", "birth", "dob", "review", "due", "updated"];
const TIME_WORDS: [&str; 1] = ["time"];

/// The date and time as read, and the element a note sits beside (the visible control).
pub fn incident_at(
    document: &Document,
    date_selector: Option<&str>,
    time_selector: Option<&str>,
) -> (Read<LocalDateTime>, Option<Element>) {
    let dates = candidates(
        document,
        date_selector,
        &["input[type=datetime-local]", "input[type=date]"],
        &DATE_WORDS,
        &NOT_DATE,
    );
    if dates.is_empty() {
        return (Read::Missing, None);
    }
    let anchor = dates
        .iter()
        .find(|d| shown(d))
        .map(|d| d.clone().unchecked_into::<Element>())
        .or_else(|| visible_near(&dates[0]));
    let values: Vec<String> = dates
        .iter()
        .map(|d| d.value().trim().to_string())
        .filter(|v| !v.is_empty())
        .collect();
    if values.is_empty() {
        return (Read::Empty, anchor);
    }
    // The time, where the date field holds none: a time input, or a field named for it.
    let times = candidates(
        document,
        time_selector,
        &["input[type=time]"],
        &TIME_WORDS,
        &["date"],
    );
    let times: Vec<HtmlInputElement> = times.into_iter().filter(|t| !dates.contains(t)).collect();
    let time = times
        .iter()
        .map(|t| t.value().trim().to_string())
        .find(|v| !v.is_empty());
    let read = values.iter().find_map(|v| {
        let alone = LocalDateTime::parse_form(v, None)?;
        if alone.minute_of_day.is_some() || time.is_none() {
            return Some(alone);
        }
        LocalDateTime::parse_form(v, time.as_deref())
    });
    match read {
        Some(at) => (Read::Value(at), anchor),
        None => (Read::Unreadable, anchor),
    }
}

/// The inputs for one part of the date: a school's selector, else typed inputs, else inputs
/// (hidden ones too) named for it.
fn candidates(
    document: &Document,
    selector: Option<&str>,
    typed: &[&str],
    want: &[&str],
    not: &[&str],
) -> Vec<HtmlInputElement> {
    let inputs = |els: Vec<Element>| -> Vec<HtmlInputElement> {
        els.into_iter()
            .flat_map(|e| {
                if e.local_name() == "input" {
                    vec![e]
                } else {
                    all(&e, "input")
                }
            })
            .filter_map(|e| e.dyn_into::<HtmlInputElement>().ok())
            .collect()
    };
    if let Some(found) = chosen_elements(document, selector) {
        return inputs(found);
    }
    if let Some(found) = typed
        .iter()
        .map(|t| all(document, t))
        .find(|found| !found.is_empty())
    {
        return inputs(found);
    }
    let named = all(
        document,
        "input:not([type]), input[type=text], input[type=hidden], input[type=search]",
    )
    .into_iter()
    .filter(|i| mentions(&describe(i), want, not))
    .collect();
    inputs(named)
}

/// The visible control beside a hidden input (a widget's own), if any.
fn visible_near(input: &HtmlInputElement) -> Option<Element> {
    let el: &Element = input.as_ref();
    [el.next_element_sibling(), el.previous_element_sibling()]
        .into_iter()
        .flatten()
        .find(shown)
        .or_else(|| el.parent_element().filter(shown))
}
