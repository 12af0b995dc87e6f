//! What a field is called, as a person sees it: its labels, `aria-labelledby`,
//! `aria-label`, placeholder and title, the heading or legend just before its group, and,
//! for the hidden input a widget replaced, the visible control's words too (and the
//! reverse). The page's own words for it (name and id) come last: the markup is unknown.

use super::all;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Everything a field is called, lower-cased and joined.
pub fn describe(el: &Element) -> String {
    let mut parts = own_words(el);
    // A widget's hidden input and the visible control beside it name one field.
    for twin in [el.previous_element_sibling(), el.next_element_sibling()]
        .into_iter()
        .flatten()
        .filter(|t| is_widget_twin(el, t))
    {
        parts.extend(own_words(&twin));
        if let Ok(Some(inner)) = twin.query_selector("input, [role=combobox]") {
            parts.extend(own_words(&inner));
        }
    }
    parts.join(" ").to_lowercase()
}

/// Whether `twin` is the other half of a widget around `el`: one of them is hidden and the
/// other is (or holds) the control a person uses.
fn is_widget_twin(el: &Element, twin: &Element) -> bool {
    let control = |e: &Element| {
        matches!(e.local_name().as_str(), "input" | "select")
            || e.query_selector("input, [role=combobox]")
                .ok()
                .flatten()
                .is_some()
    };
    (!shown(el) && shown(twin) && control(twin)) || (shown(el) && !shown(twin) && control(twin))
}

fn own_words(el: &Element) -> Vec<String> {
    let mut parts = Vec::new();
    let document = el.owner_document();
    if let (Some(ids), Some(d)) = (el.get_attribute("aria-labelledby"), &document) {
        for id in ids.split_whitespace() {
            if let Some(t) = d.get_element_by_id(id).and_then(|l| l.text_content()) {
                parts.push(t);
            }
        }
    }
    for a in ["aria-label", "placeholder", "title", "data-placeholder"] {
        parts.extend(el.get_attribute(a));
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
    for a in ["name", "id"] {
        parts.extend(el.get_attribute(a));
    }
    parts
}

/// The words that introduce a group of controls: its `aria-label(ledby)`, its fieldset's
/// legend, or the heading, label or short text just before it (or before an ancestor, up
/// to three levels), lower-cased.
pub fn group_name(group: &Element) -> String {
    let mut parts = own_words(group);
    if let Some(legend) = group
        .closest("fieldset")
        .ok()
        .flatten()
        .and_then(|f| f.query_selector("legend").ok().flatten())
    {
        parts.extend(legend.text_content());
    }
    let mut el = Some(group.clone());
    for _ in 0..3 {
        let Some(e) = el else { break };
        if let Some(before) = e.previous_element_sibling() {
            let text = before.text_content().unwrap_or_default();
            if text.trim().len() <= 60 && !text.trim().is_empty() {
                parts.push(text);
                break;
            }
        }
        el = e.parent_element();
    }
    parts.join(" ").to_lowercase()
}

/// Whether an element takes up room on the page (a hidden input, `display: none` or the
/// `hidden` attribute do not).
pub fn shown(el: &Element) -> bool {
    el.dyn_ref::<HtmlElement>()
        .is_some_and(|h| h.offset_width() > 0 || h.offset_height() > 0)
}

/// Whether `description` names one of `want` and none of `not`.
pub fn mentions(description: &str, want: &[&str], not: &[&str]) -> bool {
    want.iter().any(|w| description.contains(w)) && !not.iter().any(|w| description.contains(w))
}
