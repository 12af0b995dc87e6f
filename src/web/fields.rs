//! Finding the form's fields by role, label and structure (the real page's markup is unknown).

use crate::datetime::LocalDateTime;
use crate::Entry;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, HtmlInputElement, HtmlOptionElement, HtmlSelectElement, HtmlTextAreaElement,
};

/// The entry as the form shows it: the editor's text and whatever fields the page has.
pub fn read_entry(document: &Document, text: String) -> Entry {
    let (students, pupils) = picker(document, &["student"], &["linked"]);
    let (linked, _) = picker(document, &["linked"], &[]);
    let (categories, available) = categories(document);
    Entry {
        text,
        incident_at: incident_at(document),
        students,
        linked_students: linked,
        categories,
        available_categories: (!available.is_empty()).then_some(available),
        attachments: attachments(document),
        pupils: (!pupils.is_empty()).then_some(pupils),
        ..Entry::default()
    }
}

fn all(document: &Document, selector: &str) -> Vec<Element> {
    let Ok(list) = document.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// A native student picker (`<select>` whose name mentions one of `want` and none of
/// `not`): the chosen names, and every name it offers (the school's pupil list).
fn picker(document: &Document, want: &[&str], not: &[&str]) -> (Vec<String>, Vec<String>) {
    let (mut chosen, mut offered) = (Vec::new(), Vec::new());
    for el in all(document, "select") {
        let name = format!(
            "{} {}",
            el.get_attribute("name").unwrap_or_default(),
            el.id()
        )
        .to_lowercase();
        if !want.iter().any(|w| name.contains(w)) || not.iter().any(|w| name.contains(w)) {
            continue;
        }
        let Ok(select) = el.dyn_into::<HtmlSelectElement>() else {
            continue;
        };
        let options = select.options();
        for i in 0..options.length() {
            let Some(o) = options
                .item(i)
                .and_then(|o| o.dyn_into::<HtmlOptionElement>().ok())
            else {
                continue;
            };
            let label = o.text().trim().to_string();
            if label.is_empty() || o.value().is_empty() {
                continue;
            }
            if o.selected() {
                chosen.push(label.clone());
            }
            offered.push(label);
        }
    }
    (chosen, offered)
}

/// Category checkboxes (named for categories): the ticked labels and all labels offered.
fn categories(document: &Document) -> (Vec<String>, Vec<String>) {
    let (mut chosen, mut offered) = (Vec::new(), Vec::new());
    for el in all(document, "input[type=checkbox]") {
        let name = el.get_attribute("name").unwrap_or_default().to_lowercase();
        if !name.contains("categor") {
            continue;
        }
        let Ok(input) = el.dyn_into::<HtmlInputElement>() else {
            continue;
        };
        let label = input
            .labels()
            .and_then(|l| l.item(0))
            .and_then(|l| l.text_content())
            .map(|t| t.trim().to_string())
            .unwrap_or_default();
        if label.is_empty() {
            continue;
        }
        if input.checked() {
            chosen.push(label.clone());
        }
        offered.push(label);
    }
    (chosen, offered)
}

/// Names of the files chosen in the form's file inputs.
fn attachments(document: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for el in all(document, "input[type=file]") {
        let Some(files) = el
            .dyn_into::<HtmlInputElement>()
            .ok()
            .and_then(|i| i.files())
        else {
            continue;
        };
        for i in 0..files.length() {
            if let Some(f) = files.item(i) {
                out.push(f.name());
            }
        }
    }
    out
}

/// The entry editor: a textarea named for the incident, else the largest visible textarea.
pub fn find_editor(document: &Document) -> Option<HtmlTextAreaElement> {
    let list = document.query_selector_all("textarea").ok()?;
    let mut best: Option<(f64, HtmlTextAreaElement)> = None;
    for i in 0..list.length() {
        let Some(t) = list
            .item(i)
            .and_then(|n| n.dyn_into::<HtmlTextAreaElement>().ok())
        else {
            continue;
        };
        if t.disabled() || t.read_only() {
            continue;
        }
        let named = ["incident", "description", "details", "body"]
            .iter()
            .any(|w| t.name().to_lowercase().contains(w));
        let rect = t.get_bounding_client_rect();
        let area = rect.width() * rect.height() + if named { 1e9 } else { 0.0 };
        if area > 0.0 && best.as_ref().is_none_or(|(a, _)| area > *a) {
            best = Some((area, t));
        }
    }
    best.map(|(_, t)| t)
}

/// The incident's date and time from `type=date` and `type=time` inputs, if the form has them.
pub fn incident_at(document: &Document) -> Option<LocalDateTime> {
    let value = |sel: &str| {
        document
            .query_selector(sel)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            .map(|i| i.value())
            .filter(|v| !v.is_empty())
    };
    let date = value("input[type=date]")?;
    match value("input[type=time]") {
        Some(time) => LocalDateTime::parse(&format!("{date}T{time}")).ok(),
        None => LocalDateTime::parse(&date).ok(),
    }
}
