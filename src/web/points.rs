//! One finding at a time: the card opens on hover over an underline or when the caret
//! enters one; "Apply" types the suggestion through the editor's own input path and
//! "Dismiss" hides the finding for this page's life.

use super::{with_app, APP};
use crate::Finding;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DomRect, Event};

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
    match target {
        Some((f, rect)) => open_card(&f, &rect),
        None => with_app(|app| app.card.hide()),
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

fn finding(v: &crate::Verdict, pick: impl Fn(&Finding) -> bool) -> Option<Finding> {
    v.findings.iter().find(|f| pick(f)).cloned()
}

fn open_card(f: &Finding, rect: &DomRect) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let (sx, sy) = (
        window.scroll_x().unwrap_or(0.0),
        window.scroll_y().unwrap_or(0.0),
    );
    let mut wired = None;
    with_app(|app| {
        let before = app.card.showing.clone();
        app.card.show(f, rect.left() + sx, rect.bottom() + sy + 4.0);
        if app.card.showing != before {
            wired = Some((
                app.card.button("apply"),
                app.card.button("dismiss"),
                app.card.button("turn-off"),
            ));
        }
    });
    let Some((apply, dismiss, turn_off)) = wired else {
        return;
    };
    let (rule, excerpt) = (f.rule.to_string(), f.excerpt.clone().unwrap_or_default());
    if let Some(b) = turn_off {
        let rule = rule.clone();
        let off = move || {
            with_app(|app| app.card.hide());
            super::turn_off(&rule);
        };
        let _ =
            b.add_event_listener_with_callback("click", Closure::once_into_js(off).unchecked_ref());
    }
    let (start, end) = (f.start.unwrap_or(0), f.end.unwrap_or(0));
    if let (Some(b), Some(s)) = (apply, f.suggestion.clone()) {
        let apply_now = move || apply_suggestion(start, end, &s);
        let _ = b.add_event_listener_with_callback(
            "click",
            Closure::once_into_js(apply_now).unchecked_ref(),
        );
    }
    if let Some(b) = dismiss {
        let dismiss_now = move || {
            with_app(|app| app.dismissed.push((rule, excerpt)));
            super::run_check();
        };
        let _ = b.add_event_listener_with_callback(
            "click",
            Closure::once_into_js(dismiss_now).unchecked_ref(),
        );
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
