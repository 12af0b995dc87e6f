//! The card for one finding, on hover or when the caret enters it: the message, the
//! guidance line, "Apply" (only for a safe suggestion) and "Dismiss".
//! "Apply" goes through the editor's own input path (`insertText`), so undo works and the
//! page's scripts see the change like typing.

use crate::verdict::Finding;
use wasm_bindgen::JsValue;
use web_sys::{Document, HtmlElement};

const STYLE: &str = "
  .card { font: 14px/1.45 system-ui, sans-serif; background: #fff; color: #1b1b1b; border: 1px solid #8a8a8a;
          border-radius: 8px; box-shadow: 0 4px 16px #0004; padding: 10px 12px; max-width: 360px; }
  .kind { font-weight: 700; margin-bottom: 4px; }
  .guidance { color: #444; font-size: 13px; margin-top: 6px; border-left: 3px solid #1d4f91; padding-left: 6px; }
  .buttons { display: flex; gap: 8px; margin-top: 8px; }
  button { font: 600 13px system-ui, sans-serif; padding: 4px 10px; border-radius: 5px; border: 2px solid #1d4f91; background: #fff; color: #1d4f91; cursor: pointer; }
  button[data-action=apply] { background: #1d4f91; color: #fff; }
  button:focus-visible { outline: 3px solid #f9a825; outline-offset: 2px; }
";

pub struct Card {
    pub host: HtmlElement,
    /// The finding shown: rule and UTF-16 span.
    pub showing: Option<(String, usize, usize)>,
}

impl Card {
    pub fn new(document: &Document) -> Result<Card, JsValue> {
        let (host, _) = super::shadow_host(
            document,
            "card",
            "position: absolute; z-index: 2147483001; display: none",
        )?;
        document.body().ok_or("no body")?.append_child(&host)?;
        Ok(Card {
            host,
            showing: None,
        })
    }

    /// Shows the card for `f` below the point (`x`, `y`) in page coordinates.
    pub fn show(&mut self, f: &Finding, x: f64, y: f64) {
        let (Some(s), Some(e)) = (f.start, f.end) else {
            return;
        };
        if self
            .showing
            .as_ref()
            .is_some_and(|(r, a, b)| r == f.rule && *a == s && *b == e)
        {
            return;
        }
        let Some(shadow) = self.host.shadow_root() else {
            return;
        };
        let apply = f
            .suggestion
            .as_ref()
            .map(|s| {
                format!(
                    "<button type=button data-action=apply>Apply: “{}”</button>",
                    super::escape(s)
                )
            })
            .unwrap_or_default();
        shadow.set_inner_html(&format!(
            "<style>{STYLE}</style><div class=card role=dialog data-cpoms-check-card data-rule=\"{rule}\" aria-label=\"{label}\">\
             <div class=kind>{label}</div><div class=message>{message}</div>\
             <div class=guidance>Guidance: “{guidance}”</div>\
             <div class=buttons>{apply}<button type=button data-action=dismiss>Dismiss</button>\
             <button type=button data-action=turn-off title=\"Stop checking for this everywhere (you can turn it back on in the options)\">Turn off this rule</button></div></div>",
            rule = f.rule,
            label = super::escape(&f.criterion.replace('_', " ")),
            message = super::escape(&f.message),
            guidance = super::escape(f.guidance),
        ));
        let style = self.host.style();
        let _ = style.set_property("left", &format!("{x}px"));
        let _ = style.set_property("top", &format!("{y}px"));
        let _ = style.set_property("display", "block");
        self.showing = Some((f.rule.to_string(), s, e));
    }

    pub fn hide(&mut self) {
        let _ = self.host.style().set_property("display", "none");
        self.showing = None;
    }

    pub fn button(&self, action: &str) -> Option<web_sys::Element> {
        self.host
            .shadow_root()?
            .query_selector(&format!("[data-action={action}]"))
            .ok()
            .flatten()
    }
}
