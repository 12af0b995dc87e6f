//! The card for the findings on one stretch of words, on hover (after a short pause) or at
//! once when the caret enters them: for each finding its plain title, the suggestion or what
//! to write instead, a count when the same point repeats ("“I” ×2, “me” ×4"), "Apply" (only
//! for a safe suggestion), "Dismiss", and, folded away, the guidance line and "Turn off this
//! rule" (which asks first: it is saved). It is placed above or below the words, whichever
//! fits, always inside the window and never over the form's submit control.
//! "Apply" goes through the editor's own input path, so undo works and the page's scripts
//! see the change like typing.

use super::checklist::words;
use crate::verdict::{Finding, Severity, Verdict};
use wasm_bindgen::JsValue;
use web_sys::{Document, DomRect, HtmlElement};

const STYLE: &str = "
  .card { font: 14px/1.45 system-ui, sans-serif; background: #fff; color: #1b1b1b; border: 1px solid #8a8a8a;
          border-radius: 8px; box-shadow: 0 4px 16px #0004; padding: 8px 12px; width: max-content; max-width: 360px;
          max-height: calc(100vh - 16px); overflow: auto; box-sizing: border-box; }
  section + section { border-top: 1px solid #ddd; margin-top: 8px; padding-top: 8px; }
  .kind { font-weight: 700; margin-bottom: 2px; }
  .urgent { color: #a4161a; }
  .times { color: #444; font-size: 13px; }
  .buttons { display: flex; gap: 8px; margin-top: 6px; align-items: center; flex-wrap: wrap; }
  button { font: 600 13px system-ui, sans-serif; padding: 4px 10px; border-radius: 5px; border: 2px solid #1d4f91; background: #fff; color: #1d4f91; cursor: pointer; }
  button[data-action=apply] { background: #1d4f91; color: #fff; }
  details { font-size: 13px; color: #444; margin-top: 6px; }
  summary { cursor: pointer; }
  .guidance { border-left: 3px solid #1d4f91; padding-left: 6px; margin-top: 4px; }
  .menu button { font-weight: 400; border-width: 1px; margin-top: 4px; }
  button:focus-visible, summary:focus-visible { outline: 3px solid #f9a825; outline-offset: 2px; }
";

/// Space kept between the card, the words and the window's edges (px).
const GAP: f64 = 6.0;

pub struct Card {
    pub host: HtmlElement,
    /// The first finding shown: rule and UTF-16 span (the card's identity).
    pub showing: Option<(String, usize, usize)>,
    /// Every finding shown, in the card's order: its buttons carry their index here.
    pub findings: Vec<Finding>,
    /// A hover waiting to open the card, or a pointer gone waiting to close it.
    pub pending: Option<i32>,
}

fn title(f: &Finding) -> String {
    let t = crate::data::data()
        .rules
        .criteria
        .get(f.criterion)
        .map_or(f.criterion, |c| c.title.as_str());
    t.to_string()
}

/// One finding's part of the card; `k` is its index in the card.
fn section(verdict: &Verdict, f: &Finding, k: usize) -> String {
    let esc = super::escape;
    let urgent = if f.priority {
        " <span class=urgent>· tell the DSL today</span>"
    } else {
        ""
    };
    let kind = match f.severity {
        Severity::Problem => "",
        Severity::Advice => " <span class=times>(advice)</span>",
    };
    let count = match &f.group {
        Some(g) => verdict
            .findings
            .iter()
            .filter(|x| x.group.as_ref() == Some(g))
            .count(),
        None => 1,
    };
    let times = if count > 1 {
        format!(
            "<div class=times>{count} times in this entry: {}</div>",
            words(verdict, f)
        )
    } else {
        String::new()
    };
    let apply = f
        .suggestion
        .as_ref()
        .map(|s| {
            format!(
                "<button type=button data-action=apply data-k={k}>Apply: “{}”</button>",
                esc(s)
            )
        })
        .unwrap_or_default();
    let said = esc(&f.message);
    format!(
        "<section data-rule=\"{rule}\"><div class=kind>{t}{urgent}{kind}</div><div class=message>{said}</div>{times}\
         <div class=buttons>{apply}<button type=button data-action=dismiss data-k={k}>Dismiss</button></div>\
         <details><summary data-action=more>Why, and more</summary>\
         <div class=guidance>Guidance: “{guidance}”</div>\
         <div class=menu data-k={k}><button type=button data-action=turn-off data-k={k}>Turn off this rule…</button></div></details></section>",
        rule = f.rule,
        t = esc(&title(f)),
        guidance = esc(f.guidance),
    )
}

/// Whether two boxes overlap.
fn overlaps(a: (f64, f64, f64, f64), b: &DomRect) -> bool {
    let (l, t, w, h) = a;
    l < b.right() && l + w > b.left() && t < b.bottom() && t + h > b.top()
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
            findings: Vec::new(),
            pending: None,
        })
    }

    /// Shows the card for `findings` (the first is the one pointed at) by the words' box
    /// `at` (viewport coordinates), away from `avoid` (the form's submit control).
    pub fn show(
        &mut self,
        verdict: &Verdict,
        findings: Vec<Finding>,
        at: &DomRect,
        avoid: Option<DomRect>,
    ) {
        let Some(first) = findings.first() else {
            return;
        };
        let (Some(s), Some(e)) = (first.start, first.end) else {
            return;
        };
        if self
            .showing
            .as_ref()
            .is_some_and(|(r, a, b)| r == first.rule && *a == s && *b == e)
        {
            return;
        }
        let Some(shadow) = self.host.shadow_root() else {
            return;
        };
        let label = title(first);
        let sections: String = findings
            .iter()
            .enumerate()
            .map(|(k, f)| section(verdict, f, k))
            .collect();
        shadow.set_inner_html(&format!(
            "<style>{STYLE}</style><div class=card role=dialog data-cpoms-check-card data-rule=\"{rule}\" aria-label=\"{label}\">{sections}</div>",
            rule = first.rule,
            label = super::escape(&label),
        ));
        self.showing = Some((first.rule.to_string(), s, e));
        self.findings = findings;
        self.place(at, avoid);
    }

    /// Measures the card and puts it below the words, or above them when it does not fit
    /// below or would cover the submit control; always inside the window.
    fn place(&self, at: &DomRect, avoid: Option<DomRect>) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let style = self.host.style();
        let _ = style.set_property("visibility", "hidden");
        let _ = style.set_property("display", "block");
        let _ = style.set_property("left", "0px");
        let _ = style.set_property("top", "0px");
        let size = self
            .host
            .shadow_root()
            .and_then(|s| s.query_selector(".card").ok().flatten())
            .map(|c| c.get_bounding_client_rect());
        let (w, h) = size.map_or((360.0, 160.0), |r| (r.width(), r.height()));
        let num = |v: Result<JsValue, JsValue>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
        let (vw, vh) = (num(window.inner_width()), num(window.inner_height()));
        let left = at.left().min(vw - w - GAP).max(GAP);
        let below = at.bottom() + GAP;
        let above = at.top() - h - GAP;
        let fits = |top: f64| top >= GAP && top + h <= vh - GAP;
        let clear = |top: f64| {
            avoid
                .as_ref()
                .is_none_or(|b| !overlaps((left, top, w, h), b))
        };
        let top = [below, above]
            .into_iter()
            .find(|&t| fits(t) && clear(t))
            .or_else(|| [below, above].into_iter().find(|&t| fits(t)))
            .unwrap_or_else(|| below.min(vh - h - GAP).max(GAP));
        let (sx, sy) = (
            window.scroll_x().unwrap_or(0.0),
            window.scroll_y().unwrap_or(0.0),
        );
        let _ = style.set_property("left", &format!("{}px", left + sx));
        let _ = style.set_property("top", &format!("{}px", top + sy));
        let _ = style.set_property("visibility", "visible");
    }

    pub fn hide(&mut self) {
        let _ = self.host.style().set_property("display", "none");
        self.showing = None;
        self.findings.clear();
    }

    pub fn button(&self, action: &str) -> Option<web_sys::Element> {
        self.host
            .shadow_root()?
            .query_selector(&format!("[data-action={action}]"))
            .ok()
            .flatten()
    }
}
