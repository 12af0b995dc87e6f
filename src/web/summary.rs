//! The summary chip: how many criteria are not met, announced politely to screen readers; a
//! button that opens the full list of points.

use super::checklist;
use crate::verdict::{Status, Verdict};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement, KeyboardEvent};

const STYLE: &str = "
  button { font: 600 14px/1.4 system-ui, sans-serif; padding: 6px 12px; border-radius: 16px; border: 2px solid #fff;
           background: #1d4f91; color: #fff; box-shadow: 0 1px 4px #0005; cursor: pointer; }
  button:focus-visible { outline: 3px solid #f9a825; outline-offset: 2px; }
  .said { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
";

pub struct Summary {
    host: HtmlElement,
    chip: HtmlElement,
    _open: Closure<dyn FnMut()>,
}

impl Summary {
    pub fn new(document: &Document) -> Result<Summary, JsValue> {
        let (host, shadow) = super::shadow_host(
            document,
            "summary",
            "position: fixed; right: 16px; bottom: 16px; z-index: 2147483001",
        )?;
        shadow.set_inner_html(&format!(
            "<style>{STYLE}</style><div role=status aria-live=polite><button type=button aria-haspopup=dialog></button><span class=said></span></div>"
        ));
        let chip: HtmlElement = shadow
            .query_selector("button")?
            .ok_or("no chip")?
            .dyn_into()?;
        // Hidden until a check finds something written (`render`): an empty pill would
        // otherwise show on an empty form until the first check ends.
        chip.style().set_property("display", "none")?;
        let open = Closure::<dyn FnMut()>::new(open_list);
        chip.add_event_listener_with_callback("click", open.as_ref().unchecked_ref())?;
        document.body().ok_or("no body")?.append_child(&host)?;
        Ok(Summary {
            host,
            chip,
            _open: open,
        })
    }

    pub fn show(&self, on: bool) {
        let _ = self
            .host
            .style()
            .set_property("display", if on { "block" } else { "none" });
    }

    /// Says `text` to screen readers (the finding the caret has entered), without showing it.
    pub fn announce(&self, text: &str) {
        if let Some(said) = self
            .host
            .shadow_root()
            .and_then(|s| s.query_selector(".said").ok().flatten())
        {
            said.set_text_content(Some(text));
        }
    }

    /// The count; `capped` is the length checked when the entry was longer. Before anything
    /// is written the chip stays out of sight: an empty form is not yet a record. What must
    /// reach the DSL today is said first.
    pub fn render(&self, verdict: &Verdict, capped: Option<usize>, written: bool) {
        let _ = self
            .chip
            .style()
            .set_property("display", if written { "inline-block" } else { "none" });
        let n = verdict
            .checklist
            .iter()
            .filter(|r| r.status == Status::NotMet)
            .count();
        let _ = self.chip.set_attribute("data-count", &n.to_string());
        let urgent = if verdict.findings.iter().any(|f| f.priority) {
            "tell the DSL today · "
        } else {
            ""
        };
        let mut label = match n {
            0 => format!("CPOMS check: {urgent}no points open"),
            1 => format!("CPOMS check: {urgent}1 point to look at"),
            n => format!("CPOMS check: {urgent}{n} points to look at"),
        };
        let _ = self
            .chip
            .style()
            .set_property("background", if urgent.is_empty() { "" } else { "#a4161a" });
        if let Some(units) = capped {
            label.push_str(&format!(
                " (the first {} characters checked)",
                crate::shown::thousands(units as u64)
            ));
        }
        if self.chip.text_content().as_deref() != Some(label.as_str()) {
            self.chip.set_text_content(Some(&label));
        }
    }
}

/// The chip was pressed: the full list of points, to read (Close or Escape returns to the chip).
fn open_list() {
    super::run_check(); // the list reflects the entry as it is now, not at the last pause
    let mut shown = None;
    super::with_app(|app| shown = app.verdict.clone().map(|v| (v, app.policy.checklist_rows)));
    let (Some((verdict, rows)), Some(document)) = (shown, super::document_of_page()) else {
        return;
    };
    let Ok(host) = checklist::show(&document, &verdict, checklist::Mode::Review, rows) else {
        return;
    };
    let close = {
        let host = host.clone();
        move || {
            host.remove();
            super::with_app(|app| {
                let _ = app.summary.chip.focus();
            });
        }
    };
    checklist::on_action(&host, "back", close.clone());
    checklist::on_action(&host, "settings", super::open_settings);
    checklist::on_action(&host, "page-check", {
        let close = close.clone();
        move || {
            close();
            super::page_check::open();
        }
    });
    let on_key = Closure::<dyn FnMut(KeyboardEvent)>::new(move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            close();
        }
    });
    let _ = host.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
    on_key.forget(); // one per opening; small
}
