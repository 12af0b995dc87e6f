//! The pre-submit checklist: one row per criterion, shown when the person submits.
//! It fits one screen: what needs a look first, each point once (a group with its count)
//! and linked to its words; what is met folded away, unless the school's `checklist_rows`
//! setting asks for every row in full.
//! It never blocks: "Submit" (focused) submits exactly as the page would have, with the
//! same submit button; "Go back" and Escape return to the form.

use crate::policy::ChecklistRows;
use crate::verdict::{Finding, Status, Verdict};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement, KeyboardEvent};

const STYLE: &str = "
  .backdrop { position: fixed; inset: 0; background: #0007; display: flex; align-items: center; justify-content: center; }
  .dialog { background: #fff; color: #1b1b1b; font: 14px/1.4 system-ui, sans-serif; max-width: 920px; width: 94vw;
            max-height: 94vh; overflow: auto; border-radius: 10px; padding: 14px 20px; box-shadow: 0 8px 30px #0006; box-sizing: border-box; }
  h2 { margin: 0 0 4px; font-size: 18px; }
  p.note { margin: 0 0 6px; color: #333; }
  .urgent { border: 2px solid #a4161a; background: #fdecea; border-radius: 6px; padding: 4px 10px; margin: 0 0 6px; }
  .urgent strong { color: #a4161a; }
  ul { list-style: none; margin: 0; padding: 0; }
  li.row { border-top: 1px solid #ddd; padding: 3px 0; display: grid; grid-template-columns: 13.5em 1fr; column-gap: 12px; }
  li.row > .what { font-weight: 600; }
  .mark { display: inline-block; width: 1.2em; }
  .not_met .mark { color: #a4161a; } .met .mark { color: #1b5e20; } .check .mark { color: #7a4a00; } .not_applicable .mark { color: #555; }
  .said { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .point + .point { margin-top: 2px; }
  .more { font-size: 13px; color: #444; }
  button.goto { font: inherit; color: #1d4f91; background: none; border: none; padding: 0; text-decoration: underline; cursor: pointer; text-align: left; }
  .foot { display: flex; align-items: flex-start; gap: 12px; border-top: 1px solid #ddd; padding-top: 6px; }
  details.rest { flex: 1; }
  details.rest summary { cursor: pointer; font-weight: 600; color: #1b5e20; padding: 2px 0; }
  .buttons { display: flex; gap: 12px; justify-content: flex-end; margin-left: auto; }
  .buttons button { font: 600 15px system-ui, sans-serif; padding: 7px 16px; border-radius: 6px; border: 2px solid #1d4f91; cursor: pointer; }
  button[data-action=submit] { background: #1d4f91; color: #fff; }
  button[data-action=back], button[data-action=page-check], button[data-action=settings] { background: #fff; color: #1d4f91; }
  button:focus-visible, summary:focus-visible { outline: 3px solid #f9a825; outline-offset: 2px; }
  @media (prefers-reduced-motion: no-preference) { .dialog { animation: rise .12s ease-out; } }
  @keyframes rise { from { transform: translateY(8px); opacity: .6; } }
";

/// At most this many points under one criterion; the rest are underlined in the entry.
const POINTS_PER_ROW: usize = 2;

/// The status's mark and words (the words for screen readers; the mark, its colour and
/// the row's place say it to the eye).
fn label(status: Status) -> (&'static str, &'static str) {
    match status {
        Status::Met => ("✓", "Met"),
        Status::NotMet => ("✗", "Not met"),
        Status::Check => ("?", "Please check"),
        Status::NotApplicable => ("–", "Not applicable"),
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

/// A finding's message after the quoted words it starts with (“me”: write… → ": write…"),
/// to follow a link that shows those words; a message that does not start with them
/// follows after ": ".
pub(crate) fn reason(f: &Finding) -> String {
    match f.after_excerpt() {
        Some(rest) => rest.to_string(),
        None => format!(": {}", f.message),
    }
}

/// “I” ×2, “me” ×4: the words of a finding's group (or its own words), as a person reads them.
pub(crate) fn words(verdict: &Verdict, f: &Finding) -> String {
    crate::verdict::counted(&verdict.group_words(f), super::escape)
}

/// The points under one criterion: each group once, the first few, each a link to its words.
fn points(verdict: &Verdict, criterion: &str) -> String {
    let mut shown = Vec::new();
    let mut out = String::new();
    let all: Vec<&Finding> = verdict
        .findings
        .iter()
        .filter(|f| f.criterion == criterion)
        .collect();
    let mut distinct = 0;
    for f in &all {
        if let Some(g) = &f.group {
            if shown.contains(&g) {
                continue;
            }
            shown.push(g);
        }
        // Points about words are capped (the rest are underlined); whole-entry ones are not.
        if f.start.is_some() {
            distinct += 1;
            if distinct > POINTS_PER_ROW {
                continue;
            }
        }
        let point = match (f.start, f.end) {
            (Some(s), Some(e)) => format!(
                "<button type=button class=goto data-action=goto data-start={s} data-end={e} title=\"Show these words in the entry\">{}</button>{}",
                words(verdict, f),
                super::escape(&reason(f))
            ),
            _ => super::escape(&f.message),
        };
        out.push_str(&format!(
            "<div class=point data-rule=\"{}\">{point}</div>",
            f.rule
        ));
    }
    if distinct > POINTS_PER_ROW {
        let more = distinct - POINTS_PER_ROW;
        out.push_str(&format!(
            "<div class=more>and {more} more, underlined in the entry</div>"
        ));
    }
    out
}

fn row(verdict: &Verdict, r: &crate::verdict::ChecklistRow) -> String {
    let c = r.criterion;
    // A criterion not met is said by its points; the row's summary would repeat the first.
    let body = match r.status {
        Status::NotMet => points(verdict, c),
        _ => super::escape(&r.summary),
    };
    let confirm = if r.status == Status::Check && c == "proofread" {
        "<label class=point><input type=checkbox data-confirm> I have read the entry through once.</label>"
    } else {
        ""
    };
    let (mark, words) = label(r.status);
    format!(
        "<li class=\"row {s}\" data-criterion=\"{c}\" data-status=\"{s}\"><div class=what><span class=mark aria-hidden=true>{mark}</span>{h}<span class=said>: {words}</span></div><div>{body}{confirm}</div></li>",
        s = r.status.as_str(),
        h = human(c),
    )
}

/// Builds and shows the checklist; returns its host so the caller can wire the buttons and
/// remove it. What needs a look comes first (what must reach the DSL today above all), each
/// point once and linked to its words; what is met is folded away but stays in the dialog
/// (`ChecklistRows::Compact`), or follows in full (`ChecklistRows::Full`).
pub fn show(
    document: &Document,
    verdict: &Verdict,
    mode: Mode,
    rows: ChecklistRows,
) -> Result<HtmlElement, JsValue> {
    let (host, shadow) = super::shadow_host(
        document,
        "checklist",
        "position: fixed; inset: 0; z-index: 2147483002",
    )?;
    let urgent: Vec<&Finding> = verdict.findings.iter().filter(|f| f.priority).collect();
    let urgent_html = match urgent.first() {
        Some(f) => format!(
            "<div class=urgent role=alert><strong>Tell the DSL today.</strong> {}</div>",
            super::escape(&f.message)
        ),
        None => String::new(),
    };
    // Rows that need a look: criteria with a priority finding first, then not met, then to check.
    let needs =
        |r: &&crate::verdict::ChecklistRow| matches!(r.status, Status::NotMet | Status::Check);
    let mut open: Vec<&crate::verdict::ChecklistRow> =
        verdict.checklist.iter().filter(needs).collect();
    crate::order::sort_by_key(&mut open, |r| {
        let priority = urgent.iter().any(|f| f.criterion == r.criterion);
        (!priority, r.status != Status::NotMet)
    });
    let rest: Vec<&crate::verdict::ChecklistRow> =
        verdict.checklist.iter().filter(|r| !needs(r)).collect();
    let open_html: String = open.iter().map(|r| row(verdict, r)).collect();
    let rest_html: String = rest.iter().map(|r| row(verdict, r)).collect();
    let not_met = open.iter().filter(|r| r.status == Status::NotMet).count();
    let lead = match mode {
        Mode::Submit => "Before you submit",
        Mode::Review => "This entry so far",
    };
    let title = match not_met {
        0 if mode == Mode::Submit => format!("{lead}: every criterion is met"),
        0 => format!("{lead}: nothing is flagged"),
        1 => format!("{lead}: 1 point to look at"),
        n => format!("{lead}: {n} points to look at"),
    };
    let (note, buttons) = match mode {
        Mode::Submit if not_met == 0 => (
            "Nothing has been sent yet.",
            "<button type=button data-action=back>Go back</button><button type=button data-action=submit>Submit</button>",
        ),
        Mode::Submit => (
            "You can submit now or go back and change the entry. Nothing has been sent yet.",
            "<button type=button data-action=back>Go back</button><button type=button data-action=submit>Submit</button>",
        ),
        Mode::Review => (
            "Each point is underlined in the entry, with a card that explains it.",
            "<button type=button data-action=page-check>What did it find on this page?</button>\
             <button type=button data-action=settings>Settings</button><button type=button data-action=back>Close</button>",
        ),
    };
    let (list, folded) = match rows {
        ChecklistRows::Full => (open_html + &rest_html, String::new()),
        ChecklistRows::Compact => {
            let rest_label = match (open.is_empty(), rest.len()) {
                (true, n) => format!("All {n} criteria"),
                (false, n) => format!("Met or not applicable ({n})"),
            };
            let folded = format!(
                "<details class=rest><summary>{rest_label}</summary><ul>{rest_html}</ul></details>"
            );
            (open_html, folded)
        }
    };
    shadow.set_inner_html(&format!(
        "<style>{STYLE}</style><div class=backdrop><div class=dialog role=dialog aria-modal=true aria-labelledby=t aria-describedby=d>\
         <h2 id=t>{title}</h2>{urgent_html}<p class=note id=d>{note}</p><ul>{list}</ul>\
         <div class=foot>{folded}<div class=buttons>{buttons}</div></div></div></div>"
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
    go_to_points(&host);
    Ok(host)
}

/// A point's link closes the list and shows its words in the entry, with their card.
fn go_to_points(host: &HtmlElement) {
    let Some(shadow) = host.shadow_root() else {
        return;
    };
    let h = host.clone();
    let on_click = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        let Some(b) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[data-action=goto]").ok().flatten())
        else {
            return;
        };
        let at = |a: &str| b.get_attribute(a).and_then(|v| v.parse::<usize>().ok());
        if let (Some(s), Some(end)) = (at("data-start"), at("data-end")) {
            h.remove();
            super::points::go_to(s, end);
        }
    });
    let _ = shadow.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_click.forget(); // one per dialog; freed with the page
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
        let Ok(list) = shadow.query_selector_all("button, input, summary") else {
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
