//! Finding the form's fields by role, label and structure (the real page's markup is unknown).

use crate::datetime::LocalDateTime;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlInputElement, HtmlTextAreaElement};

/// The entry editor: a textarea named for the incident, else the largest visible textarea.
pub fn find_editor(document: &Document) -> Option<HtmlTextAreaElement> {
    let list = document.query_selector_all("textarea").ok()?;
    let mut best: Option<(f64, HtmlTextAreaElement)> = None;
    for i in 0..list.length() {
        let Some(t) = list.item(i).and_then(|n| n.dyn_into::<HtmlTextAreaElement>().ok()) else { continue };
        if t.disabled() || t.read_only() {
            continue;
        }
        let named = ["incident", "description", "details", "body"].iter().any(|w| t.name().to_lowercase().contains(w));
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
