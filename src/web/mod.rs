//! The page layer: watches the CPOMS entry editor and shows the engine's findings over it.
//!
//! This first slice handles a plain `<textarea>` editor: underlines over each finding (a
//! mirror of the field's text in a shadow root) and the summary chip. Nothing here changes
//! the page's own elements, values or events; everything added lives in open shadow roots
//! on hosts marked `data-cpoms-check`. If the editor is not found, nothing is added.

mod fields;
mod overlay;
mod summary;

use crate::{check, Policy};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlTextAreaElement};

/// Milliseconds of quiet typing before a check: quick enough to feel live, slow enough
/// not to check half-typed words on every key.
const DEBOUNCE_MS: i32 = 120;

struct App {
    editor: HtmlTextAreaElement,
    overlay: overlay::Overlay,
    summary: summary::Summary,
    timer: Option<i32>,
    /// Kept alive for as long as the page: the event listeners call into them.
    _listeners: Vec<Closure<dyn FnMut()>>,
}

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
}

/// Called by the content script once the WebAssembly has loaded.
#[wasm_bindgen]
pub fn start() -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let Some(editor) = fields::find_editor(&document) else {
        return Ok(());
    };
    let overlay = overlay::Overlay::new(&document, &editor)?;
    let summary = summary::Summary::new(&document)?;

    let on_input = Closure::<dyn FnMut()>::new(schedule);
    let on_scroll = Closure::<dyn FnMut()>::new(|| with_app(|app| app.overlay.follow(&app.editor)));
    editor.add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref())?;
    // A change to any other field (date, pickers, categories, files) re-checks too.
    if let Some(form) = editor.form() {
        form.add_event_listener_with_callback("change", on_input.as_ref().unchecked_ref())?;
    }
    editor.add_event_listener_with_callback("scroll", on_scroll.as_ref().unchecked_ref())?;
    window.add_event_listener_with_callback("resize", on_scroll.as_ref().unchecked_ref())?;
    window.add_event_listener_with_callback("scroll", on_scroll.as_ref().unchecked_ref())?;

    APP.with(|a| {
        *a.borrow_mut() = Some(App {
            editor,
            overlay,
            summary,
            timer: None,
            _listeners: vec![on_input, on_scroll],
        });
    });
    run_check();
    Ok(())
}

fn with_app(f: impl FnOnce(&mut App)) {
    APP.with(|a| {
        if let Some(app) = a.borrow_mut().as_mut() {
            f(app);
        }
    });
}

/// Restarts the quiet-time timer; the check runs when typing pauses.
fn schedule() {
    let Some(window) = web_sys::window() else {
        return;
    };
    with_app(|app| {
        if let Some(t) = app.timer.take() {
            window.clear_timeout_with_handle(t);
        }
        let cb = Closure::once_into_js(run_check);
        app.timer = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), DEBOUNCE_MS)
            .ok();
    });
}

fn run_check() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    with_app(|app| {
        app.timer = None;
        let entry = fields::read_entry(&document, app.editor.value());
        let Ok(now) = crate::wasm::local_now() else {
            return;
        };
        let verdict = check(&entry, &Policy::default(), now);
        app.overlay.render(&app.editor, &entry.text, &verdict);
        app.summary.render(&verdict);
    });
}

pub(crate) fn document() -> Option<Document> {
    web_sys::window()?.document()
}
