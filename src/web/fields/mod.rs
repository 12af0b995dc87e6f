//! The form's other fields, found as a person finds them: by their accessible names (labels,
//! `aria-label(ledby)`, placeholders, the heading before a group), their roles and
//! structure, with the hidden native inputs that widgets keep used for the values (the
//! real page's markup is unknown); or by CSS selectors from the school's settings, which
//! win when they match.
//!
//! A field that is not found, or holds something that cannot be read, is reported as
//! unread: the checklist then says so instead of calling it empty (`unread`).

mod categories;
mod dates;
mod names;
mod pickers;

pub use crate::unread::without_unread;
use crate::Entry;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement};

/// A field's value as read from the page.
pub enum Read<T> {
    Value(T),
    /// Found, and empty.
    Empty,
    /// Found, but what it holds could not be understood.
    Unreadable,
    /// Not found on the page.
    Missing,
}

impl<T> Read<T> {
    fn value(self) -> Option<T> {
        match self {
            Read::Value(v) => Some(v),
            _ => None,
        }
    }

    fn unread(&self) -> bool {
        matches!(self, Read::Unreadable | Read::Missing)
    }
}

/// What was found for one field, for the page check: whether, how, what it holds, where.
pub struct FieldReport {
    pub field: &'static str,
    pub found: bool,
    /// How it was found: "selector", "label", "type", or that the school's selector
    /// matched nothing.
    pub how: String,
    /// The value as read, in words ("07/12/2023 09:30", "Derek Smith", "empty").
    pub value: String,
    pub element: Option<Element>,
}

/// The entry as the form shows it, and where each field is on the page.
pub struct Fields {
    pub entry: Entry,
    /// Field name (`incident_at`, `categories`, `students`, `attachments`) → its element.
    pub anchors: Vec<(&'static str, Element)>,
    /// Fields the extension could not find or read.
    pub unread: Vec<&'static str>,
    /// Each field as found, for the page check.
    pub report: Vec<FieldReport>,
}

pub fn read(document: &Document, text: String, selectors: &BTreeMap<String, String>) -> Fields {
    let chosen = |key: &str| selectors.get(key).map(String::as_str);
    let mut anchors = Vec::new();
    let mut unread = Vec::new();

    let students = pickers::read(
        document,
        chosen("students"),
        &["student", "pupil", "child"],
        &["linked"],
    );
    let linked = pickers::read(document, chosen("linked_students"), &["linked"], &[]);
    if let Some(a) = &students.anchor {
        anchors.push(("students", a.clone()));
    }
    let students_read = students.read();
    if students_read.unread() {
        unread.push("students");
    }
    let cats = categories::read(document, chosen("categories"));
    if let Some(g) = &cats.group {
        anchors.push(("categories", g.clone()));
    }
    if cats.chosen.unread() {
        unread.push("categories");
    }
    let (when, anchor) =
        dates::incident_at(document, chosen("incident_date"), chosen("incident_time"));
    if let Some(w) = anchor {
        anchors.push(("incident_at", w));
    }
    if when.unread() {
        unread.push("incident_at");
    }
    let (attachments, files) = attachments(document, chosen("attachments"));
    if let Some(f) = files {
        anchors.push(("attachments", f));
    }
    let how = |key: &str, usual: &str| match chosen(key) {
        Some(sel) if chosen_elements(document, Some(sel)).is_some() => "selector".to_string(),
        Some(sel) => format!("{usual} (the school's selector “{sel}” matched nothing)"),
        None => usual.to_string(),
    };
    let listed = |names: &[String]| {
        if names.is_empty() {
            "empty".to_string()
        } else {
            names.join(", ")
        }
    };
    let anchor_of = |field: &str| {
        anchors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e): &(&str, Element)| e.clone())
    };
    let report = vec![
        FieldReport {
            field: "incident_at",
            found: !matches!(when, Read::Missing),
            how: how("incident_date", "label or type"),
            value: match &when {
                Read::Value(at) => uk(at),
                Read::Empty => "empty".into(),
                Read::Unreadable => "not understood".into(),
                Read::Missing => "not found".into(),
            },
            element: anchor_of("incident_at"),
        },
        FieldReport {
            field: "students",
            found: students.found,
            how: how("students", "label or role"),
            value: listed(&students.chosen),
            element: anchor_of("students"),
        },
        FieldReport {
            field: "linked_students",
            found: linked.found,
            how: how("linked_students", "label or role"),
            value: listed(&linked.chosen),
            element: linked.anchor.clone(),
        },
        FieldReport {
            field: "categories",
            found: !matches!(cats.chosen, Read::Missing),
            how: how("categories", "label"),
            value: match &cats.chosen {
                Read::Value(c) => listed(c),
                Read::Missing => "not found".into(),
                _ => "empty".into(),
            },
            element: anchor_of("categories"),
        },
        FieldReport {
            field: "attachments",
            found: anchor_of("attachments").is_some(),
            how: how("attachments", "type"),
            value: listed(&attachments),
            element: anchor_of("attachments"),
        },
    ];
    let entry = Entry {
        text,
        incident_at: when.value(),
        students: students_read.value().unwrap_or_default(),
        linked_students: linked.chosen,
        categories: cats.chosen.value().unwrap_or_default(),
        available_categories: (!cats.offered.is_empty()).then_some(cats.offered),
        attachments,
        pupils: (!students.offered.is_empty()).then_some(students.offered),
        ..Entry::default()
    };
    Fields {
        entry,
        anchors,
        unread,
        report,
    }
}

/// "07/12/2023 09:30": a date as the school writes it.
fn uk(at: &crate::LocalDateTime) -> String {
    let d = &at.date;
    let day = format!("{:02}/{:02}/{:04}", d.day, d.month, d.year);
    match at.minute_of_day {
        Some(m) => format!("{day} {:02}:{:02}", m / 60, m % 60),
        None => format!("{day} (no time)"),
    }
}

pub(super) fn all(root: &impl AsRef<web_sys::Node>, selector: &str) -> Vec<Element> {
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

/// A select's options that stand for a choice (a value, a label): (label, selected).
fn options(select: &web_sys::HtmlSelectElement) -> Vec<(String, bool)> {
    let options = select.options();
    (0..options.length())
        .filter_map(|i| {
            options
                .item(i)?
                .dyn_into::<web_sys::HtmlOptionElement>()
                .ok()
        })
        .filter(|o| !o.value().is_empty())
        .map(|o| (o.text().trim().to_string(), o.selected()))
        .filter(|(label, _)| !label.is_empty())
        .collect()
}

/// Elements matching a school's selector, or `None` when it is unset, invalid or matches nothing
/// (then the fields are found as usual).
fn chosen_elements(document: &Document, selector: Option<&str>) -> Option<Vec<Element>> {
    let found = all(document, selector?);
    (!found.is_empty()).then_some(found)
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
    // The note goes beside what a person sees (a styled drop zone may hide the input).
    let anchor = inputs
        .iter()
        .find(|i| names::shown(i))
        .or(inputs.first())
        .cloned();
    (out, anchor)
}
