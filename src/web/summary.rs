//! The summary chip: how many criteria are not met, announced politely to screen readers.

use crate::verdict::{Status, Verdict};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, HtmlElement};

pub struct Summary {
    chip: HtmlElement,
}

impl Summary {
    pub fn new(document: &Document) -> Result<Summary, JsValue> {
        let (host, shadow) = super::shadow_host(
            document,
            "summary",
            "position: fixed; right: 16px; bottom: 16px; z-index: 2147483001",
        )?;
        let chip: HtmlElement = document.create_element("div")?.dyn_into()?;
        chip.set_attribute("role", "status")?;
        chip.set_attribute("aria-live", "polite")?;
        chip.set_attribute(
            "style",
            "font: 600 14px/1.4 system-ui, sans-serif; padding: 6px 12px; border-radius: 16px; background: #1d4f91; color: #fff; box-shadow: 0 1px 4px #0005",
        )?;
        shadow.append_child(&chip)?;
        document.body().ok_or("no body")?.append_child(&host)?;
        Ok(Summary { chip })
    }

    pub fn render(&self, verdict: &Verdict) {
        let n = verdict
            .checklist
            .iter()
            .filter(|r| r.status == Status::NotMet)
            .count();
        let _ = self.chip.set_attribute("data-count", &n.to_string());
        let label = match n {
            0 => "CPOMS check: no points open".to_string(),
            1 => "CPOMS check: 1 point to look at".to_string(),
            n => format!("CPOMS check: {n} points to look at"),
        };
        self.chip.set_text_content(Some(&label));
    }
}
