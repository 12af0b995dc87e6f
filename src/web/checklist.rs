//! The pre-submit checklist: one row per criterion, shown when the person submits.
//! It never blocks: "Submit" (focused) submits exactly as the page would have, with the
//! same submit button; "Go back" and Escape return to the form.

use crate::verdict::{Status, Verdict};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement, KeyboardEvent};

const STYLE: &str = "
  .backdrop { position: fixed; inset: 0; background: #0007; display: flex; align-items: center; justify-content: center; }
  .dialog { background: #fff; color: #1b1b1b; font: 15px/1.45 system-ui, sans-serif; max-width: 640px; width: 92vw;
            max-height: 86vh; overflow: auto; border-radius: 10px; padding: 20px 24px; box-shadow: 0 8px 30px #0006; }
  h2 { margin: 0 0 12px; font-size: 19px; }
  ul { list-style: none; margin: 0; padding: 0; }
  li.row { border-top: 1px solid #ddd; padding: 8px 0; }
  .status { display: inline-block; min-width: 8.5em; font-weight: 600; }
  .not_met .status { color: #a4161a; } .met .status { color: #1b5e20; } .check .status { color: #7a4a00; } .not_applicable .status { color: #555; }
  .point { margin: 4px 0 0 8.5em; font-size: 14px; }
  .buttons { display: flex; gap: 12px; justify-content: flex-end; margin-top: 16px; }
  button { font: 600 15px system-ui, sans-serif; padding: 8px 16px; border-radius: 6px; border: 2px solid #1d4f91; cursor: pointer; }
  button[data-action=submit] { background: #1d4f91; color: #fff; }
  button[data-action=back] { background: #fff; color: #1d4f91; }
  button:focus-visible { outline: 3px solid #f9a825; outline-offset: 2px; }
  @media (prefers-reduced-motion: no-preference) { .dialog { animation: rise .12s ease-out; } }
  @keyframes rise { from { transform: translateY(8px); opacity: .6; } }
";

fn label(status: Status) -> &'static str {
    match status {
        Status::Met => "✓ Met",
        Status::NotMet => "✗ Not met",
        Status::Check => "? Please check",
        Status::NotApplicable => "– Not applicable",
    }
}

fn human(criterion: &str) -> &'static str {
    crate::data::data()
        .rules
        .criteria
        .get(criterion)
        .map_or("Other", |c| c.title.as_str())
}

/// Why the list is open: the person pressed the form's submit control, or the summary chip.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Submit,
    Review,
}

/// Builds and shows the checklist; returns its host so the caller can wire the buttons and remove it.
pub fn show(document: &Document, verdict: &Verdict, mode: Mode) -> Result<HtmlElement, JsValue> {
    let (host, shadow) = super::shadow_host(
        document,
        "checklist",
        "position: fixed; inset: 0; z-index: 2147483002",
    )?;
    let mut rows = String::new();
    for row in &verdict.checklist {
        let c = row.criterion;
        let mut points = String::new();
        for f in verdict.findings.iter().filter(|f| f.criterion == c) {
            let at = f
                .excerpt
                .as_deref()
                .map(|e| format!("“{}”: ", super::escape(e)))
                .unwrap_or_default();
            points.push_str(&format!(
                "<div class=point data-rule=\"{}\">{at}{}</div>",
                f.rule,
                super::escape(&f.message)
            ));
        }
        if row.status == Status::Check {
            points.push_str("<label class=point><input type=checkbox data-confirm> I have read the entry through once.</label>");
        }
        rows.push_str(&format!(
            "<li class=\"row {s}\" data-criterion=\"{c}\" data-status=\"{s}\"><span class=status>{l}</span> <strong>{h}</strong> — {summary}{points}</li>",
            s = row.status.as_str(),
            l = label(row.status),
            h = human(c),
            summary = super::escape(&row.summary),
        ));
    }
    let open = verdict
        .checklist
        .iter()
        .filter(|r| r.status == Status::NotMet)
        .count();
    let lead = match mode {
        Mode::Submit => "Before you submit",
        Mode::Review => "This entry so far",
    };
    let title = match open {
        0 => format!("{lead}: nothing is flagged"),
        1 => format!("{lead}: 1 point to look at"),
        n => format!("{lead}: {n} points to look at"),
    };
    let (note, buttons) = match mode {
        Mode::Submit => (
            "You can submit now or go back and change the entry. Nothing has been sent yet.",
            "<button type=button data-action=back>Go back</button><button type=button data-action=submit>Submit</button>",
        ),
        Mode::Review => (
            "Each point is also underlined in the entry, with a card that explains it.",
            "<button type=button data-action=page-check>What did it find on this page?</button>\
             <button type=button data-action=settings>Settings</button><button type=button data-action=back>Close</button>",
        ),
    };
    shadow.set_inner_html(&format!(
        "<style>{STYLE}</style><div class=backdrop><div class=dialog role=dialog aria-modal=true aria-labelledby=t aria-describedby=d>\
         <h2 id=t>{title}</h2><p id=d>{note}</p><ul>{rows}</ul><div class=buttons>{buttons}</div></div></div>"
    ));
    document.body().ok_or("no body")?.append_child(&host)?;
    let first = if mode == Mode::Submit {
        "submit"
    } else {
        "back"
    };
    if let Some(b) = shadow
        .query_selector(&format!("[data-action={first}]"))?
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        b.focus()?;
    }
    keep_focus_inside(&host);
    Ok(host)
}

/// Runs `then` once when the button `[data-action=ACTION]` is pressed.
pub fn on_action(host: &HtmlElement, action: &str, then: impl FnOnce() + 'static) {
    if let Some(b) = host.shadow_root().and_then(|s| {
        s.query_selector(&format!("[data-action={action}]"))
            .ok()
            .flatten()
    }) {
        let _ = b
            .add_event_listener_with_callback("click", Closure::once_into_js(then).unchecked_ref());
    }
}

/// A modal dialog keeps keyboard focus: Tab from the last control goes to the first, and
/// Shift+Tab from the first to the last.
fn keep_focus_inside(host: &HtmlElement) {
    let Some(shadow) = host.shadow_root() else {
        return;
    };
    let on_tab = Closure::<dyn FnMut(KeyboardEvent)>::new(move |e: KeyboardEvent| {
        if e.key() != "Tab" {
            return;
        }
        let Ok(list) = shadow.query_selector_all("button, input") else {
            return;
        };
        let controls: Vec<HtmlElement> = (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into().ok())
            .collect();
        let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
            return;
        };
        let active = shadow.active_element();
        let (from, to) = if e.shift_key() {
            (first, last)
        } else {
            (last, first)
        };
        if active
            .as_ref()
            .is_none_or(|a| a == from.unchecked_ref::<web_sys::Element>())
        {
            e.prevent_default();
            let _ = to.focus();
        }
    });
    let _ = host.add_event_listener_with_callback("keydown", on_tab.as_ref().unchecked_ref());
    on_tab.forget(); // one per dialog; freed with the page
}
