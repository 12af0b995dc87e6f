//! The student pickers: native `<select>`s (also the hidden ones behind select2, chosen,
//! tom-select and Choices.js, which keep them up to date) and token widgets: a combobox
//! (the input itself, or its wrapper in the ARIA 1.1 pattern) whose chosen names are chips,
//! each with a remove control of any element type.

use super::names::{describe, mentions, shown};
use super::{all, chosen_elements, options, Read};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlSelectElement};

/// A student picker as the page shows it.
#[derive(Default)]
pub struct Picker {
    pub chosen: Vec<String>,
    /// Every name a native picker offers (the school's pupil list). A typeahead's options are
    /// only the matches for what was typed, so they are never taken as the list.
    pub offered: Vec<String>,
    pub anchor: Option<Element>,
    /// Whether a picker was found at all.
    pub found: bool,
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

    /// The chosen names, or whether the picker was empty or not found.
    pub fn read(&self) -> Read<Vec<String>> {
        match (self.found, self.chosen.is_empty()) {
            (false, _) => Read::Missing,
            (true, true) => Read::Empty,
            (true, false) => Read::Value(self.chosen.clone()),
        }
    }
}

/// Pickers described by one of `want` and none of `not`.
pub fn read(document: &Document, selector: Option<&str>, want: &[&str], not: &[&str]) -> Picker {
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
        None => {
            let selects: Vec<Element> = all(document, "select")
                .into_iter()
                .filter(|s| mentions(&describe(s), want, not))
                .collect();
            // A combobox input, or a wrapper with the role (ARIA 1.1) and its input.
            let boxes = all(
                document,
                "input[role=combobox], input[aria-autocomplete], [role=combobox]:not(input)",
            )
            .into_iter()
            .filter(|c| !selects.iter().any(|s| near(s, c)))
            .filter(|c| mentions(&combobox_name(c), want, not))
            .filter_map(|c| widget_of(&c))
            .collect();
            (selects, boxes)
        }
    };
    for el in &selects {
        let Ok(select) = el.clone().dyn_into::<HtmlSelectElement>() else {
            continue;
        };
        p.found = true;
        for (label, on) in options(&select) {
            p.offer(label, on);
        }
        if p.anchor.is_none() {
            p.anchor = if shown(el) {
                Some(el.clone())
            } else {
                // The widget drawn in the select's place.
                el.next_element_sibling().filter(shown)
            };
        }
    }
    for widget in boxes {
        p.found = true;
        for name in chips(&widget) {
            p.choose(name); // chosen, never taken as the pupil list
        }
        if p.anchor.is_none() {
            p.anchor = Some(widget);
        }
    }
    p
}

/// A combobox's name: its own words, or (a wrapper) those of the input inside it.
fn combobox_name(c: &Element) -> String {
    let mut name = describe(c);
    if c.local_name() != "input" {
        if let Ok(Some(input)) = c.query_selector("input") {
            name.push(' ');
            name.push_str(&describe(&input));
        }
    }
    name
}

/// Whether a combobox belongs to a native select's widget (drawn right after it).
fn near(select: &Element, combobox: &Element) -> bool {
    select
        .next_element_sibling()
        .is_some_and(|w| w.contains(Some(combobox.as_ref())))
        || select
            .parent_element()
            .is_some_and(|p| p.contains(Some(combobox.as_ref())) && !shown(select))
}

/// The token widget around a combobox: the nearest ancestor that holds chips, or the
/// combobox's own wrapper.
fn widget_of(combobox: &Element) -> Option<Element> {
    let mut el = if combobox.local_name() == "input" {
        combobox.parent_element()?
    } else {
        combobox.clone()
    };
    let start = el.clone();
    for _ in 0..4 {
        if !chips(&el).is_empty() || el.local_name() == "fieldset" {
            return Some(el);
        }
        match el.parent_element() {
            Some(p) if p.local_name() != "form" && p.local_name() != "body" => el = p,
            _ => break,
        }
    }
    Some(start)
}

/// Whether an element removes the chip it sits in: a button, link or icon whose name,
/// class or text says so ("Remove Derek Smith", `.remove`, "×").
fn removes(el: &Element) -> bool {
    let said = ["aria-label", "title"]
        .iter()
        .filter_map(|a| el.get_attribute(a))
        .any(|t| {
            let t = t.to_lowercase();
            ["remove", "delete", "clear", "unselect", "deselect"]
                .iter()
                .any(|w| t.starts_with(w))
        });
    let class = el.class_name().to_lowercase();
    let classed = ["remove", "close", "delete"]
        .iter()
        .any(|w| class.contains(w));
    let text = el.text_content().unwrap_or_default();
    let cross = matches!(text.trim(), "×" | "x" | "X" | "✕" | "✖" | "⨯");
    let control = matches!(el.local_name().as_str(), "button" | "a")
        || el.get_attribute("role").as_deref() == Some("button");
    said || classed || (control && cross)
}

/// The names on a widget's chips: each chip is the parent of a remove control, its text
/// without the control's.
fn chips(widget: &Element) -> Vec<String> {
    let mut names = Vec::new();
    for remove in all(widget, "button, a, [role=button], span, i")
        .into_iter()
        .filter(removes)
    {
        let Some(chip) = remove.parent_element() else {
            continue;
        };
        // A chip holds a name and its remove control (perhaps a hidden input); not a text
        // box, and not the list of options offered while typing.
        let typing = chip
            .query_selector("input:not([type=hidden]), select, textarea")
            .ok()
            .flatten()
            .is_some();
        let option = chip
            .closest("[role=listbox], [role=option]")
            .ok()
            .flatten()
            .is_some();
        if chip == *widget || typing || option {
            continue;
        }
        let all_text = chip.text_content().unwrap_or_default();
        let control_text = remove.text_content().unwrap_or_default();
        let name = all_text
            .replacen(&control_text, "", 1)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}
