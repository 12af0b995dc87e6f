//! The categories ("tabs"): checkboxes (in a fieldset or not), a `<select multiple>` (plain
//! or under Choices.js, select2 or tom-select, which keep the native select up to date),
//! toggle buttons with `aria-pressed`, and lozenges with `role=checkbox`.

use super::names::{describe, group_name, mentions, shown};
use super::{all, chosen_elements, options, Read};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement};

const WORDS: [&str; 2] = ["categor", "tabs"];

/// What the categories read as.
pub struct Categories {
    pub chosen: Read<Vec<String>>,
    pub offered: Vec<String>,
    /// The whole group (a note goes after it, never inside a label).
    pub group: Option<Element>,
}

pub fn read(document: &Document, selector: Option<&str>) -> Categories {
    let (roots, by_selector) = match chosen_elements(document, selector) {
        Some(els) => (els, true),
        None => (document.document_element().into_iter().collect(), false),
    };
    let mut chosen = Vec::new();
    let mut offered = Vec::new();
    let mut controls: Vec<Element> = Vec::new();
    let mut take = |label: String, on: bool, el: Element| {
        let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
        if label.is_empty() || offered.contains(&label) {
            return;
        }
        if on {
            chosen.push(label.clone());
        }
        offered.push(label);
        controls.push(el);
    };
    for root in &roots {
        // Checkboxes: named for categories, or in a group introduced as categories.
        for el in all(root, "input[type=checkbox]") {
            let Ok(input) = el.clone().dyn_into::<HtmlInputElement>() else {
                continue;
            };
            let named = mentions(&input.name().to_lowercase(), &WORDS, &[]);
            if !by_selector && !named && !in_category_group(&el) {
                continue;
            }
            take(checkbox_label(&input), input.checked(), el);
        }
        // Selects (hidden ones behind a widget too).
        for el in all(root, "select") {
            if !by_selector && !mentions(&describe(&el), &WORDS, &[]) {
                continue;
            }
            let Ok(select) = el.clone().dyn_into::<HtmlSelectElement>() else {
                continue;
            };
            for (label, on) in options(&select) {
                take(label, on, el.clone());
            }
        }
        // Toggle buttons and lozenges.
        for el in all(
            root,
            "[aria-pressed], [role=checkbox][aria-checked], [role=switch]",
        ) {
            if !by_selector && !in_category_group(&el) {
                continue;
            }
            let on = ["aria-pressed", "aria-checked"]
                .iter()
                .any(|a| el.get_attribute(a).as_deref() == Some("true"));
            let label = el
                .get_attribute("aria-label")
                .or_else(|| el.text_content())
                .unwrap_or_default();
            take(label, on, el);
        }
    }
    let group = common_group(&controls);
    let chosen = if controls.is_empty() {
        Read::Missing
    } else if chosen.is_empty() {
        Read::Empty
    } else {
        Read::Value(chosen)
    };
    Categories {
        chosen,
        offered,
        group,
    }
}

/// Whether a control sits in a group (fieldset, `role=group`, a list, or its parent's
/// parent) introduced as the categories.
fn in_category_group(el: &Element) -> bool {
    let mut g = el.parent_element();
    for _ in 0..4 {
        let Some(e) = g else { return false };
        if e.local_name() == "form" || e.local_name() == "body" {
            return false;
        }
        if e.local_name() != "label" && mentions(&group_name(&e), &WORDS, &[]) {
            return true;
        }
        g = e.parent_element();
    }
    false
}

/// A checkbox's label: its `<label>`s, else `aria-label`, else the text right after it.
fn checkbox_label(input: &HtmlInputElement) -> String {
    if let Some(t) = input
        .labels()
        .and_then(|l| l.item(0))
        .and_then(|l| l.text_content())
        .filter(|t| !t.trim().is_empty())
    {
        return t;
    }
    let el: &Element = input.as_ref();
    el.get_attribute("aria-label")
        .or_else(|| el.next_element_sibling().and_then(|s| s.text_content()))
        .or_else(|| el.next_sibling().and_then(|s| s.text_content()))
        .unwrap_or_default()
}

/// The smallest element holding every control, shown on the page, and not a label: a
/// note after it reads after the whole group.
fn common_group(controls: &[Element]) -> Option<Element> {
    let first = controls.first()?;
    let mut g = first.parent_element()?;
    loop {
        let holds_all = controls.iter().all(|c| g.contains(Some(c.as_ref())));
        let is_label = g.local_name() == "label";
        if holds_all && !is_label && shown(&g) {
            return Some(g);
        }
        g = g.parent_element()?;
        if g.local_name() == "body" {
            return None;
        }
    }
}
