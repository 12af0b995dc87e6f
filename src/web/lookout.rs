//! Watching the page for its editor: the form may be built after the page loads (a dialog,
//! a script, an editor's iframe), and a page may replace or re-render its editor or form at
//! any time. No polling: a change to the page, a frame loading, or the person focusing a
//! field is when to look again (`super::follow`).
//!
//! An editor in a frame (TinyMCE) becomes editable inside the frame's own document, which
//! the page's observer does not see: each same-origin frame's document is watched too.

use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlIFrameElement, MutationObserver};

/// Where the page layer stands on this page.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Watch {
    /// Not started yet.
    Idle,
    /// Watching the page for an editor to appear, and the one found for being replaced.
    Watching,
    /// A frame whose editor the page around it checks: nothing to do here.
    Declined,
}

thread_local! {
    static WATCH: Cell<Watch> = const { Cell::new(Watch::Idle) };
    /// The observer and its callback (`follow`), for the frames found later.
    static LOOKOUT: RefCell<Option<(MutationObserver, js_sys::Function)>> = const { RefCell::new(None) };
    /// The frames' documents already watched.
    static FRAMES: RefCell<Vec<Document>> = const { RefCell::new(Vec::new()) };
}

/// Starts watching `document` (once per page).
pub fn watch(document: &Document) -> Result<(), JsValue> {
    if WATCH.get() != Watch::Idle {
        return Ok(());
    }
    let root = document.document_element().ok_or("no document element")?;
    let look = Closure::<dyn FnMut()>::new(super::follow);
    let observer = MutationObserver::new(look.as_ref().unchecked_ref())?;
    observer.observe_with_options(&root, &changes())?;
    for ev in ["load", "focusin"] {
        document.add_event_listener_with_callback_and_bool(
            ev,
            look.as_ref().unchecked_ref(),
            true,
        )?;
    }
    WATCH.set(Watch::Watching);
    let callback: js_sys::Function = look.as_ref().unchecked_ref::<js_sys::Function>().clone();
    LOOKOUT.with(|l| *l.borrow_mut() = Some((observer, callback)));
    look.forget(); // one small closure per page, for the page's life
    Ok(())
}

/// What the observer looks at: elements added or removed, and `contenteditable` switched.
fn changes() -> web_sys::MutationObserverInit {
    let init = web_sys::MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    init.set_attribute_filter(&js_sys::Array::of1(&"contenteditable".into()));
    init
}

/// Watches the documents of `document`'s same-origin frames not watched yet.
pub fn watch_frames(document: &Document) {
    LOOKOUT.with(|l| {
        let Some((observer, look)) = &*l.borrow() else {
            return;
        };
        let Ok(frames) = document.query_selector_all("iframe") else {
            return;
        };
        for i in 0..frames.length() {
            let Some(inner) = frames
                .item(i)
                .and_then(|f| f.dyn_into::<HtmlIFrameElement>().ok())
                .and_then(|f| f.content_document())
            else {
                continue; // another origin's frame: not ours to read
            };
            let new = FRAMES.with(|seen| {
                let mut seen = seen.borrow_mut();
                seen.retain(|d| d.default_view().is_some()); // frames gone from the page
                let new = !seen.contains(&inner);
                if new {
                    seen.push(inner.clone());
                }
                new
            });
            if !new {
                continue;
            }
            if let Some(root) = inner.document_element() {
                let _ = observer.observe_with_options(&root, &changes());
            }
            let _ = inner.add_event_listener_with_callback_and_bool("focusin", look, true);
        }
    });
}

/// This page's editor is the page around it's to check: nothing more to do here.
pub fn decline() {
    WATCH.set(Watch::Declined);
}

pub fn declined() -> bool {
    WATCH.get() == Watch::Declined
}
