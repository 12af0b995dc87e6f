//! The form's other fields, found by role, label text and structure (the real page's markup
//! is unknown), or by CSS selectors from the school's settings, which win when they match.
//!
//! Each field found also gives the element a field note sits beside (`Fields::anchors`).

use crate::datetime::LocalDateTime;
use crate::Entry;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlOptionElement, HtmlSelectElement};

/// The entry as the form shows it, and where each field is on the page.
pub struct Fields {
    pub entry: Entry,
    /// Field name (`incident_at`, `categories`, `students`, `attachments`) → its element.
    pub anchors: Vec<(&'static str, Element)>,
}

pub fn read(document: &Document, text: String, selectors: &BTreeMap<String, String>) -> Fields {
    let chosen = |key: &str| selectors.get(key).map(String::as_str);
    let mut anchors = Vec::new();

    let students = picker(
        document,
        chosen("students"),
        &["student", "pupil", "child"],
        &["linked"],
    );
    let linked = picker(document, chosen("linked_students"), &["linked"], &[]);
    if let Some(a) = &students.anchor {
        anchors.push(("students", a.clone()));
    }
    let (categories, available, group) = categories(document, chosen("categories"));
    if let Some(g) = group {
        anchors.push(("categories", g));
    }
    let (incident_at, when) =
        incident_at(document, chosen("incident_date"), chosen("incident_time"));
    if let Some(w) = when {
        anchors.push(("incident_at", w));
    }
    let (attachments, files) = attachments(document, chosen("attachments"));
    if let Some(f) = files {
        anchors.push(("attachments", f));
    }
    let entry = Entry {
        text,
        incident_at,
        students: students.chosen,
        linked_students: linked.chosen,
        categories,
        available_categories: (!available.is_empty()).then_some(available),
        attachments,
        pupils: (!students.offered.is_empty()).then_some(students.offered),
        ..Entry::default()
    };
    Fields { entry, anchors }
}

fn all(root: &impl AsRef<web_sys::Node>, selector: &str) -> Vec<Element> {
    let node: &web_sys::Node = root.as_ref();
    let list = if let Some(d) = node.dyn_ref::<Document>() {
        d.query_selector_all(selector)
    } else if let Some(e) = node.dyn_ref::<Element>() {
        e.query_selector_all(selector)
    } else {
        return Vec::new();
    };
    let Ok(list) = list else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// Elements matching a school's selector, or `None` when it is unset, invalid or matches nothing
/// (then the fields are found as usual).
fn chosen_elements(document: &Document, selector: Option<&str>) -> Option<Vec<Element>> {
    let found = all(document, selector?);
    (!found.is_empty()).then_some(found)
}

/// What a field is called: its name, id, labels, aria-label(ledby) and placeholder, lower-cased.
pub fn describe(el: &Element) -> String {
    let mut parts: Vec<String> = ["name", "id", "aria-label", "placeholder", "title"]
        .iter()
        .filter_map(|a| el.get_attribute(a))
        .collect();
    let document = el.owner_document();
    if let (Some(ids), Some(d)) = (el.get_attribute("aria-labelledby"), &document) {
        for id in ids.split_whitespace() {
            if let Some(t) = d.get_element_by_id(id).and_then(|l| l.text_content()) {
                parts.push(t);
            }
        }
    }
    if let (false, Some(d)) = (el.id().is_empty(), &document) {
        for l in all(d, "label[for]") {
            if l.get_attribute("for").as_deref() == Some(el.id().as_str()) {
                parts.extend(l.text_content());
            }
        }
    }
    if let Some(l) = el.closest("label").ok().flatten() {
        parts.extend(l.text_content());
    }
    parts.join(" ").to_lowercase()
}

fn mentions(description: &str, want: &[&str], not: &[&str]) -> bool {
    want.iter().any(|w| description.contains(w)) && !not.iter().any(|w| description.contains(w))
}

/// A student picker as the page shows it.
#[derive(Default)]
struct Picker {
    chosen: Vec<String>,
    /// Every name a native picker offers (the school's pupil list). A typeahead's options are
    /// only the matches for what was typed, so they are never taken as the list.
    offered: Vec<String>,
    anchor: Option<Element>,
}

impl Picker {
    /// A name a native picker offers, chosen or not.
    fn offer(&mut self, name: String, chosen: bool) {
        if chosen {
            self.choose(name.clone());
        }
        if !self.offered.contains(&name) {
            self.offered.push(name);
        }
    }

    /// A name chosen (a selected option, or a chip).
    fn choose(&mut self, name: String) {
        if !self.chosen.contains(&name) {
            self.chosen.push(name);
        }
    }
}

/// Native `<select>`s (also the hidden ones behind select2/chosen widgets) and token widgets
/// (a combobox whose chosen names are chips with a remove button) described by one of `want`
/// and none of `not`.
fn picker(document: &Document, selector: Option<&str>, want: &[&str], not: &[&str]) -> Picker {
    let mut p = Picker::default();
    let (selects, boxes) = match chosen_elements(document, selector) {
        // A school's selector names the picker: its selects, or the widget holding the chips.
        Some(els) => {
            let selects: Vec<_> = els
                .iter()
                .flat_map(|e| {
                    if e.local_name() == "select" {
                        vec![e.clone()]
                    } else {
                        all(e, "select")
                    }
                })
                .collect();
            (selects, els)
        }
        None => (
            all(document, "select")
                .into_iter()
                .filter(|s| mentions(&describe(s), want, not))
                .collect(),
            all(document, "input[role=combobox], input[aria-autocomplete]")
                .into_iter()
                .filter(|c| mentions(&describe(c), want, not))
                .filter_map(|c| widget_of(&c))
                .collect(),
        ),
    };
    for el in selects {
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
            if !label.is_empty() && !o.value().is_empty() {
                p.offer(label, o.selected());
            }
        }
        if p.anchor.is_none() && select.offset_width() > 0 {
            p.anchor = Some(select.into());
        }
    }
    for widget in boxes {
        for name in chips(&widget) {
            p.choose(name); // chosen, never taken as the pupil list
        }
        if p.anchor.is_none() {
            p.anchor = Some(widget);
        }
    }
    p
}

/// The token widget around a combobox: the nearest ancestor that holds chips or the input's
/// own wrapper.
fn widget_of(combobox: &Element) -> Option<Element> {
    let mut el = combobox.parent_element()?;
    for _ in 0..4 {
        if !chips(&el).is_empty() || el.local_name() == "fieldset" {
            return Some(el);
        }
        match el.parent_element() {
            Some(p) if p.local_name() != "form" && p.local_name() != "body" => el = p,
            _ => break,
        }
    }
    combobox.parent_element()
}

/// The names on a widget's chips: each chip is the parent of a remove button, its text
/// without the button's.
fn chips(widget: &Element) -> Vec<String> {
    let mut names = Vec::new();
    for remove in all(
        widget,
        "button, [role=button], .select2-selection__choice__remove, .search-choice-close",
    ) {
        let Some(chip) = remove.parent_element() else {
            continue;
        };
        // A chip holds a name and its remove button (perhaps a hidden input); not a text box.
        let typing = chip
            .query_selector("input:not([type=hidden]), select, textarea")
            .ok()
            .flatten()
            .is_some();
        if chip == *widget || typing {
            continue;
        }
        let all_text = chip.text_content().unwrap_or_default();
        let button_text = remove.text_content().unwrap_or_default();
        let name = all_text.replacen(&button_text, "", 1).trim().to_string();
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// Category checkboxes: the ticked labels, all labels offered, and the group holding them.
fn categories(
    document: &Document,
    selector: Option<&str>,
) -> (Vec<String>, Vec<String>, Option<Element>) {
    let boxes: Vec<Element> = match chosen_elements(document, selector) {
        Some(groups) => groups
            .iter()
            .flat_map(|g| all(g, "input[type=checkbox]"))
            .collect(),
        None => all(document, "input[type=checkbox]")
            .into_iter()
            .filter(|c| {
                c.get_attribute("name")
                    .unwrap_or_default()
                    .to_lowercase()
                    .contains("categor")
                    || c.closest("fieldset")
                        .ok()
                        .flatten()
                        .and_then(|f| f.query_selector("legend").ok().flatten())
                        .and_then(|l| l.text_content())
                        .is_some_and(|t| t.to_lowercase().contains("categor"))
            })
            .collect(),
    };
    let (mut chosen, mut offered, mut group) = (Vec::new(), Vec::new(), None);
    for el in boxes {
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
        if group.is_none() {
            group = input
                .closest("fieldset")
                .ok()
                .flatten()
                .or_else(|| input.parent_element());
        }
        if input.checked() {
            chosen.push(label.clone());
        }
        offered.push(label);
    }
    (chosen, offered, group)
}

/// Names of the files chosen in the form's file inputs, and the first file input.
fn attachments(document: &Document, selector: Option<&str>) -> (Vec<String>, Option<Element>) {
    let inputs = chosen_elements(document, selector)
        .map(|els| {
            els.iter()
                .flat_map(|e| {
                    if e.local_name() == "input" {
                        vec![e.clone()]
                    } else {
                        all(e, "input[type=file]")
                    }
                })
                .collect()
        })
        .unwrap_or_else(|| all(document, "input[type=file]"));
    let mut out = Vec::new();
    for el in &inputs {
        let Some(files) = el.dyn_ref::<HtmlInputElement>().and_then(|i| i.files()) else {
            continue;
        };
        for i in 0..files.length() {
            if let Some(f) = files.item(i) {
                out.push(f.name());
            }
        }
    }
    (out, inputs.into_iter().next())
}

/// The incident's date and time: `type=date` (or `datetime-local`) and `type=time` inputs,
/// or text fields labelled as a date and a time (`dd/mm/yyyy`, `HH:MM`), and the element a
/// note sits beside.
fn incident_at(
    document: &Document,
    date_selector: Option<&str>,
    time_selector: Option<&str>,
) -> (Option<LocalDateTime>, Option<Element>) {
    let find = |selector: Option<&str>, typed: &[&str], word: &str| {
        chosen_elements(document, selector)
            .or_else(|| {
                typed
                    .iter()
                    .map(|t| all(document, t))
                    .find(|found| !found.is_empty())
            })
            .unwrap_or_else(|| {
                all(document, "input[type=text], input:not([type])")
                    .into_iter()
                    .filter(|i| mentions(&describe(i), &[word], &["search"]))
                    .collect()
            })
            .into_iter()
            .find_map(|e| e.dyn_into::<HtmlInputElement>().ok())
    };
    let Some(date) = find(
        date_selector,
        &["input[type=date]", "input[type=datetime-local]"],
        "date",
    ) else {
        return (None, None);
    };
    let time = find(time_selector, &["input[type=time]"], "time")
        .filter(|t| *t != date)
        .map(|t| t.value());
    let at = LocalDateTime::parse_form(&date.value(), time.as_deref());
    (at, Some(date.into()))
}
