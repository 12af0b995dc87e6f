//! The card's findings: it opens after a short pause on hover over an underline, or at
//! once when the caret enters one, with every finding on those words; "Apply" types the
//! suggestion through the editor's own input path, "Dismiss" hides the finding for this
//! page's life, "Turn off this rule" (after a confirmation) saves it in the settings. The
//! card closes on Escape anywhere, a click outside it, or typing.

use super::{with_app, APP};
use crate::{Finding, Severity, Verdict};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DomRect, Event};

/// How long the pointer rests on an underline before its card opens, and how long it may
/// be off the words (on its way to the card) before the card closes (ms).
const HOVER_MS: i32 = 250;
const LEAVE_MS: i32 = 400;

/// The pointer moved over the editor (coordinates in the editor's own document).
pub fn pointer_moved(e: Event) {
    let Some(m) = super::mouse(&e) else {
        return;
    };
    let target = APP.with(|a| {
        let a = a.borrow();
        let app = a.as_ref()?;
        let (dx, dy) = app.editor.frame_offset();
        let (x, y) = (f64::from(m.client_x()) + dx, f64::from(m.client_y()) + dy);
        let (rule, start, rect) = app.overlay.hit(x, y)?;
        let f = finding(app.verdict.as_ref()?, |f| {
            f.rule == rule && f.start == Some(start)
        })?;
        Some((f, rect))
    });
    let showing = APP.with(|a| a.borrow().as_ref().and_then(|app| app.card.showing.clone()));
    match target {
        // Already open for these words: stay, and forget a pending close.
        Some((f, _))
            if showing
                .as_ref()
                .is_some_and(|(r, s, _)| r == f.rule && Some(*s) == f.start) =>
        {
            later(None, 0)
        }
        Some((f, rect)) => later(Some(Box::new(move || open_card(&f, &rect))), HOVER_MS),
        None if showing.is_some() => {
            later(Some(Box::new(|| with_app(|app| app.card.hide()))), LEAVE_MS)
        }
        None => later(None, 0),
    }
}

/// Runs `then` after `ms`, replacing whatever was waiting (`None`: only cancels it).
fn later(then: Option<Box<dyn FnOnce()>>, ms: i32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    with_app(|app| {
        if let Some(id) = app.card.pending.take() {
            window.clear_timeout_with_handle(id);
        }
    });
    let Some(then) = then else { return };
    let run = Closure::once_into_js(move || {
        with_app(|app| app.card.pending = None);
        then();
    });
    if let Ok(id) =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), ms)
    {
        with_app(|app| app.card.pending = Some(id));
    }
}

/// The pointer is over the card: it stays open.
pub fn pointer_on_card() {
    later(None, 0);
}

/// Escape, or a press outside the card (anywhere on the page or in the editor), closes it.
pub fn anywhere(e: Event) {
    let outside = match e.type_().as_str() {
        "keydown" => super::is_escape(&e),
        _ => APP.with(|a| {
            let a = a.borrow();
            let Some(app) = a.as_ref() else { return false };
            let host: &JsValue = app.card.host.as_ref();
            !e.composed_path().iter().any(|n| n == *host)
        }),
    };
    if outside {
        later(None, 0);
        with_app(|app| {
            if app.card.showing.is_some() {
                app.card.hide();
            }
        });
    }
}

/// Escape closes the card; any other key or click that moves the caret into an underline opens it.
pub fn key_or_click(e: Event) {
    if super::is_escape(&e) {
        with_app(|app| app.card.hide());
        return;
    }
    let target = APP.with(|a| {
        let a = a.borrow();
        let app = a.as_ref()?;
        let caret = app.editor.caret()?;
        let f = finding(app.verdict.as_ref()?, |f| {
            f.start.is_some_and(|s| s < caret) && f.end.is_some_and(|e| caret <= e)
        })?;
        let rect = app.overlay.rect_of(f.rule, f.start?)?;
        Some((f, rect))
    });
    if let Some((f, rect)) = target {
        later(None, 0);
        open_card(&f, &rect);
        // A keyboard or screen-reader user hears the point the caret is in.
        let said = format!(
            "{}: {} Alt+Enter reaches the card's buttons; Escape closes it.",
            f.criterion.replace('_', " "),
            f.message
        );
        with_app(|app| app.summary.announce(&said));
    }
}

/// Alt+Enter in the editor while a card is open moves the keyboard into the card; Escape in
/// the card closes it and returns to the same place in the editor.
pub fn key_down(e: Event) {
    let Some(k) = super::keyboard(&e) else {
        return;
    };
    if k.key() != "Enter" || !k.alt_key() {
        return;
    }
    let mut first = None;
    with_app(|app| {
        if app.card.showing.is_some() {
            first = app
                .card
                .button("apply")
                .or_else(|| app.card.button("dismiss"));
        }
    });
    if let Some(b) = first.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
        e.prevent_default();
        let _ = b.focus();
    }
}

/// A key pressed inside the card: Escape closes it and puts the person back in the editor.
pub fn card_key(e: Event) {
    if !super::is_escape(&e) {
        return;
    }
    let mut editor = None;
    with_app(|app| {
        app.card.hide();
        editor = Some(app.editor.element());
    });
    if let Some(el) = editor {
        let _ = el.focus();
    }
}

/// Shows the words `start..end` in the entry (selected, scrolled to) with their card: a
/// point's link in the checklist.
pub fn go_to(start: usize, end: usize) {
    let editor = APP.with(|a| a.borrow().as_ref().map(|app| app.editor.clone()));
    let Some(editor) = editor else { return };
    editor.select(start, end);
    super::follow();
    let target = APP.with(|a| {
        let a = a.borrow();
        let app = a.as_ref()?;
        let f = finding(app.verdict.as_ref()?, |f| {
            f.start == Some(start) && f.end == Some(end)
        })?;
        let rect = app.overlay.rect_of(f.rule, start)?;
        Some((f, rect))
    });
    if let Some((f, rect)) = target {
        open_card(&f, &rect);
    }
}

fn finding(v: &crate::Verdict, pick: impl Fn(&Finding) -> bool) -> Option<Finding> {
    v.findings.iter().find(|f| pick(f)).cloned()
}

/// Every finding on the words of `f` (overlapping its span), what must reach the DSL first,
/// then problems before advice; `f` itself first among equals.
fn on_same_words(v: &Verdict, f: &Finding) -> Vec<Finding> {
    let (Some(s), Some(e)) = (f.start, f.end) else {
        return vec![f.clone()];
    };
    let mut all: Vec<Finding> = v
        .findings
        .iter()
        .filter(|g| g.start.is_some_and(|gs| gs < e) && g.end.is_some_and(|ge| ge > s))
        .cloned()
        .collect();
    crate::order::sort_by_key(&mut all, |g| {
        (
            !g.priority,
            g.severity != Severity::Problem,
            !(g.rule == f.rule && g.start == f.start),
        )
    });
    all
}

fn open_card(f: &Finding, rect: &DomRect) {
    with_app(|app| {
        let Some(verdict) = app.verdict.as_ref() else {
            return;
        };
        let findings = on_same_words(verdict, f);
        // The form's submit control stays visible: the card is never put over it.
        let avoid = app
            .form
            .as_ref()
            .and_then(|form| {
                form.query_selector("[type=submit], button:not([type])")
                    .ok()
                    .flatten()
            })
            .map(|b| b.get_bounding_client_rect());
        app.card.show(verdict, findings, rect, avoid);
    });
}

/// A press of one of the card's buttons (one listener on the card for all of them).
pub fn card_clicked(e: Event) {
    let Some(button) = e
        .composed_path()
        .iter()
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .find(|el| el.has_attribute("data-action") && el.has_attribute("data-k"))
    else {
        return;
    };
    let action = button.get_attribute("data-action").unwrap_or_default();
    let k: usize = button
        .get_attribute("data-k")
        .and_then(|k| k.parse().ok())
        .unwrap_or(0);
    let f = APP.with(|a| a.borrow().as_ref()?.card.findings.get(k).cloned());
    let Some(f) = f else { return };
    match action.as_str() {
        "apply" => {
            if let (Some(s), Some(end), Some(r)) = (f.start, f.end, f.suggestion.as_deref()) {
                apply_suggestion(s, end, r);
            }
        }
        "dismiss" => {
            let excerpt = f.excerpt.clone().unwrap_or_default();
            with_app(|app| {
                app.dismissed.push((f.rule.to_string(), excerpt));
                app.card.hide();
            });
            super::run_check();
        }
        // Turning a rule off is saved and applies to every entry: asked once more.
        "turn-off" => {
            if let Some(menu) = button.parent_element() {
                menu.set_inner_html(&format!(
                    "Stop checking for this in every entry? It is saved in your settings.                      <button type=button data-action=turn-off-confirm data-k={k}>Turn off</button>                      <button type=button data-action=turn-off-cancel data-k={k}>Keep it</button>"
                ));
                if let Some(b) = menu
                    .query_selector("[data-action=turn-off-cancel]")
                    .ok()
                    .flatten()
                    .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = b.focus();
                }
            }
        }
        "turn-off-confirm" => {
            with_app(|app| app.card.hide());
            super::turn_off(f.rule);
        }
        "turn-off-cancel" => {
            if let Some(menu) = button.parent_element() {
                menu.set_inner_html(&format!(
                    "<button type=button data-action=turn-off data-k={k}>Turn off this rule…</button>"
                ));
            }
        }
        _ => {}
    }
}

/// Replaces the finding's words through the editor's own input path, so undo keeps working
/// and the page's scripts see an ordinary input: an editor with its own model is offered
/// the replacement as a spelling correction (`beforeinput`); otherwise the words are
/// selected and typed over (`insertText` on the editor's document).
fn apply_suggestion(start: usize, end: usize, replacement: &str) {
    let editor = APP.with(|a| a.borrow().as_ref().map(|app| app.editor.clone()));
    let Some(editor) = editor else { return };
    let document = editor.html_document();
    if let (Some(html), true) = (document, editor.select(start, end)) {
        if !editor.offer_replacement(start, end, replacement) {
            let _ = html.exec_command_with_show_ui_and_value("insertText", false, replacement);
        }
    }
    with_app(|app| app.card.hide());
}
