//! The page layer: watches the CPOMS entry editor and shows the engine's findings over it.
//! This file holds the app state and following the editor; `exports` is what the content
//! script calls, `wiring` attaches one editor, `pacing` decides when a check runs.
//!
//! The editor may be a `<textarea>`, a contenteditable element or an editor in a
//! same-origin iframe ([`editor`]); the other fields are found by label and structure
//! ([`fields`]). Nothing here changes the page's own elements, values or events (but for
//! "Apply", which types through the editor's own input path); everything added lives in
//! open shadow roots on hosts marked `data-cpoms-check`. If no editor is found, nothing is
//! added.

mod card;
mod checklist;
mod editor;
mod exports;
mod fields;
mod lookout;
mod native;
mod notes;
pub(crate) mod overlay;
mod pacing;
mod page_check;
mod pick;
mod points;
mod submit;
mod summary;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_fields;
#[cfg(test)]
mod tests_submit;
mod wiring;

use crate::{Policy, Verdict};
use editor::Editor;
pub use exports::*;
use pacing::{fields_changed, run_check, schedule, visibility_changed};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Event, HtmlElement};
use wiring::{begin, is_ours, Wiring};

/// Entries longer than this (UTF-16 units) are checked up to here, so that a huge paste
/// never freezes the page; the chip says so. Longer than any record a person writes.
const CAP_UNITS: usize = 100_000;

struct App {
    editor: Editor,
    policy: Policy,
    overlay: overlay::Overlay,
    summary: summary::Summary,
    card: card::Card,
    notes: notes::Notes,
    /// The form's fields as last read (their text is replaced by the editor's at each check);
    /// `None` after a change to them, so the next check reads them again.
    fields: Option<fields::Fields>,
    /// The latest verdict, with dismissed findings removed.
    verdict: Option<Verdict>,
    /// Findings the person dismissed, as rule and excerpt: for this page's life only, never stored.
    dismissed: Vec<(String, String)>,
    timer: Option<i32>,
    /// The pending animation-frame check, how long the last five checks took (ms), and since
    /// when (ms) a change has waited for a check.
    frame: Option<i32>,
    took_ms: Vec<f64>,
    waiting_since: Option<f64>,
    /// Whether the editor is on screen; while it is not, checks wait (`stale` remembers one is due).
    visible: bool,
    stale: bool,
    /// Off for this site (the popup's switch): nothing shown, nothing intercepted.
    enabled: bool,
    /// The form the editor was in when it was found: another one means the page re-rendered it.
    form: Option<web_sys::HtmlFormElement>,
    /// What was attached to the page for this editor, taken off again when it goes.
    _wiring: Wiring,
}

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
    /// The settings in force, also before an editor has appeared.
    static SETTINGS: RefCell<Policy> = RefCell::new(Policy::default());
    /// The popup's switch for this site, also for an editor found after it was turned off.
    static ENABLED: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// Makes the app follow the editor on the page now: an editor that left the page (or whose
/// form was replaced) is dropped with everything shown for it, so the chip never shows a
/// count for text that is gone; then the editor there now, if any, is taken up. Cheap when
/// nothing changed (a check that the editor is still in its document).
pub(crate) fn follow() {
    if lookout::declined() {
        return;
    }
    let live = APP.with(|a| a.borrow().as_ref().map(App::is_live));
    match live {
        Some(true) => return,
        Some(false) => stop(),
        None => {}
    }
    if begin().is_err() {
        // Fail open: nothing of ours is left on the page, and no retry at every change.
        remove_hosts();
        lookout::decline();
    }
}

impl App {
    /// Whether the editor is still the page's: in its document, in the same form.
    fn is_live(&self) -> bool {
        self.editor.is_live() && self.editor.form() == self.form
    }
}

/// Takes everything shown and attached for the current editor off the page.
fn stop() {
    let Some(mut app) = APP.with(|a| a.borrow_mut().take()) else {
        return;
    };
    if let Some(window) = web_sys::window() {
        if let Some(t) = app.timer.take() {
            window.clear_timeout_with_handle(t);
        }
        if let Some(f) = app.frame.take() {
            let _ = window.cancel_animation_frame(f);
        }
    }
    app.notes.clear();
    remove_hosts();
    drop(app); // its wiring comes off the page
}

/// Removes what is shown for an editor (the underlines, the chip, the card); an open
/// checklist stays, and its buttons still work.
fn remove_hosts() {
    let Some(document) = document_of_page() else {
        return;
    };
    let Ok(list) = document.query_selector_all(
        "[data-cpoms-check=overlay], [data-cpoms-check=summary], [data-cpoms-check=card]",
    ) else {
        return;
    };
    for i in 0..list.length() {
        if let Some(e) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            e.remove();
        }
    }
}

/// The one way into the app state, and its rule: never re-enter it. `f` runs with the state
/// borrowed, so nothing inside it may call `with_app` again, directly or through a
/// function that does (`run_check`, `follow`, `schedule`, `save_selector`, a page check):
/// a second borrow would panic, and a panic in an event handler leaves the page without
/// its checker. Event handlers and observers therefore take what they need inside
/// `with_app`, let the borrow end, and act after it (see `summary::open_list`,
/// `pick::start`'s click, `overlay::follow`); code that must act from inside plans the
/// work for later (`schedule`) instead of calling it.
fn with_app(f: impl FnOnce(&mut App)) {
    APP.with(|a| {
        if let Some(app) = a.borrow_mut().as_mut() {
            f(app);
        }
    });
}

/// A host for the extension's own UI: a `<div data-cpoms-check=KIND>` with an open shadow
/// root (tests and assistive technology can reach it; the page's styles cannot). The caller
/// places it once its content is ready.
pub(crate) fn shadow_host(
    document: &Document,
    kind: &str,
    style: &str,
) -> Result<(HtmlElement, web_sys::ShadowRoot), JsValue> {
    let host: HtmlElement = document.create_element("div")?.dyn_into()?;
    host.set_attribute("data-cpoms-check", kind)?;
    host.set_attribute("style", style)?;
    if kind == "overlay" {
        // The underlines repeat the entry's words: assistive technology reads the field itself,
        // and each finding through the card (the caret opens it) and the checklist.
        host.set_attribute("aria-hidden", "true")?;
    }
    let shadow =
        host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?;
    Ok((host, shadow))
}

/// The top page's document (where the form and the extension's UI are).
pub(crate) fn document_of_page() -> Option<Document> {
    web_sys::window()?.document()
}

/// Whether an event is a press of Escape.
pub(crate) fn is_escape(e: &Event) -> bool {
    keyboard(e).is_some_and(|k| k.key() == "Escape")
}

/// An event as a keyboard event, whichever window made it. Events from an editor in a
/// frame (TinyMCE, CKEditor 4) are instances of the frame's own classes, which `dyn_ref`
/// (an `instanceof` test against this window's) refuses: test what the event has instead.
pub(crate) fn keyboard(e: &Event) -> Option<&web_sys::KeyboardEvent> {
    has(e, "key").then(|| e.unchecked_ref())
}

/// An event as a mouse event, whichever window made it (see [`keyboard`]).
pub(crate) fn mouse(e: &Event) -> Option<&web_sys::MouseEvent> {
    has(e, "clientX").then(|| e.unchecked_ref())
}

fn has(e: &Event, property: &str) -> bool {
    js_sys::Reflect::has(e, &property.into()).unwrap_or(false)
}

/// Text safe to put inside HTML built for the extension's shadow roots.
pub(crate) fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
