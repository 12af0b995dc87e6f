//! Keeps the overlay on the editor when the page's layout moves it without a scroll or a
//! resize: a style or class change, a late image or web font, zoom, a transform or a
//! transition on an ancestor. Whatever can signal such a move asks for one animation frame
//! (signals in between share it); that frame compares the editor's box with the overlay's and
//! moves the overlay if they differ. While the box keeps moving, or a CSS transition or
//! animation runs, it looks again in the next frame, only while the editor is on screen,
//! until the box has been still for [`STILL_FRAMES`] frames. Nothing runs while the page is idle.

use super::super::{with_app, Wiring};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, DomRect, Element, Event, MutationRecord};

/// Frames in a row without a move after which the following stops.
const STILL_FRAMES: u32 = 2;

#[derive(Default)]
struct Pace {
    /// The pending frame, if one is asked for.
    frame: Option<i32>,
    /// The editor's box (left, top, width, height) seen in the last frame, and for how many
    /// frames in a row it has not moved.
    last: Option<[f64; 4]>,
    still: u32,
    /// Redraw the underlines, not only move them: the text inside the editor may have
    /// reflowed without its box changing (a font or image loaded, its own style changed).
    redraw: bool,
    /// The editor as shown on the top page, and the element holding its text.
    outer: Option<Element>,
    inner: Option<Element>,
}

thread_local! {
    /// Apart from the app's state, so a signal never borrows the app (see `with_app`).
    static PACE: RefCell<Pace> = RefCell::new(Pace::default());
}

/// Attaches the signals for the editor in the app being built; they come off with `wiring`.
pub(in crate::web) fn wire(
    wiring: &mut Wiring,
    document: &Document,
    outer: &Element,
    inner: &Element,
) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    PACE.with(|p| {
        if let Some(f) = p.borrow_mut().frame.take() {
            let _ = window.cancel_animation_frame(f);
        }
        *p.borrow_mut() = Pace {
            outer: Some(outer.clone()),
            inner: Some(inner.clone()),
            ..Pace::default()
        };
    });
    let moved = Closure::<dyn FnMut(Event)>::new(|_: Event| nudge(false));
    let reflowed = Closure::<dyn FnMut(Event)>::new(|_: Event| nudge(true));
    // Loads (images, frames, style sheets) do not bubble: the capture phase sees them all.
    for kind in ["load", "error"] {
        wiring.listen(document, kind, true, reflowed.as_ref())?;
    }
    for kind in [
        "transitionrun",
        "transitionend",
        "transitioncancel",
        "animationstart",
        "animationend",
        "animationcancel",
    ] {
        wiring.listen(document, kind, true, moved.as_ref())?;
    }
    wiring.listen(&document.fonts(), "loadingdone", false, reflowed.as_ref())?;
    wiring.listen(&window, "resize", false, moved.as_ref())?;
    // Pinch zoom and the on-screen keyboard change the visual viewport only.
    if let Some(view) = window.visual_viewport() {
        for kind in ["resize", "scroll"] {
            wiring.listen(&view, kind, false, moved.as_ref())?;
        }
    }
    let changed = Closure::<dyn FnMut(js_sys::Array)>::new(mutated);
    let observer = web_sys::MutationObserver::new(changed.as_ref().unchecked_ref())?;
    let init = web_sys::MutationObserverInit::new();
    init.set_subtree(true);
    init.set_child_list(true);
    init.set_attribute_filter(&js_sys::Array::of4(
        &"style".into(),
        &"class".into(),
        &"hidden".into(),
        &"open".into(),
    ));
    let root = document.document_element().ok_or("no root")?;
    observer.observe_with_options(&root, &init)?;
    wiring.mutations.push(observer);
    wiring._events.extend([moved, reflowed]);
    wiring._observers.push(changed);
    Ok(())
}

/// Changes to the page's elements: any that is not only the extension's own UI may move the
/// editor; a style or class change on the editor, inside it or on an element around it may
/// also reflow its text.
fn mutated(records: js_sys::Array) {
    let (mut any, mut reflow) = (false, false);
    let (outer, inner): (Option<Element>, Option<Element>) = PACE.with(|p| {
        let p = p.borrow();
        (p.outer.clone(), p.inner.clone())
    });
    for r in records.iter() {
        let r: MutationRecord = r.unchecked_into();
        let Some(target) = r.target() else { continue };
        if r.type_() == "attributes" {
            let Some(el) = target.dyn_ref::<Element>() else {
                continue;
            };
            if el.closest("[data-cpoms-check]").ok().flatten().is_some() {
                continue; // the overlay moving itself, a note or the card
            }
            reflow |= outer
                .as_ref()
                .is_some_and(|o| target.contains(Some(o.as_ref())))
                || inner.as_ref().is_some_and(|i| i.contains(Some(&target)));
            any = true;
        } else if !super::super::is_ours(&r) {
            any = true;
        }
    }
    if any {
        nudge(reflow);
    }
}

/// Something may have moved the editor: one frame looks (asked for once until it runs).
pub(in crate::web) fn nudge(redraw: bool) {
    PACE.with(|p| {
        let mut p = p.borrow_mut();
        p.redraw |= redraw;
        if p.frame.is_none() {
            p.frame = request();
        }
    });
}

fn request() -> Option<i32> {
    let cb = Closure::once_into_js(frame);
    web_sys::window()?
        .request_animation_frame(cb.unchecked_ref())
        .ok()
}

/// The frame after a change: the overlay is put back over the editor if they differ.
fn frame() {
    let redraw = PACE.with(|p| {
        let mut p = p.borrow_mut();
        p.frame = None;
        std::mem::take(&mut p.redraw)
    });
    let mut again = false;
    with_app(|app| {
        let now = app.editor.view_rect();
        let host = app.overlay.host().get_bounding_client_rect();
        if redraw {
            app.overlay.refit(&app.editor);
        } else if !near(&host, &now, true) {
            app.overlay.follow(&app.editor);
        } else if !near(&host, &now, false) {
            app.overlay.place(&app.editor); // moved, same size: the underlines move with it
        }
        let seen = [now.left(), now.top(), now.width(), now.height()];
        PACE.with(|p| {
            let mut p = p.borrow_mut();
            p.still = if p.last == Some(seen) { p.still + 1 } else { 0 };
            p.last = Some(seen);
            // Looking again each frame only while on screen and something is still changing.
            again = app.visible && (p.still < STILL_FRAMES || animating());
        });
    });
    if again {
        PACE.with(|p| {
            let mut p = p.borrow_mut();
            if p.frame.is_none() {
                p.frame = request();
            }
        });
    }
}

/// Whether two boxes agree within a fraction of a pixel: in size only, or in place too.
fn near(a: &DomRect, b: &DomRect, size_only: bool) -> bool {
    let close = |x: f64, y: f64| (x - y).abs() < 0.25;
    close(a.width(), b.width())
        && close(a.height(), b.height())
        && (size_only || (close(a.left(), b.left()) && close(a.top(), b.top())))
}

/// Whether a CSS transition or a finite animation is running on the page: it may move the
/// editor in frames that raise no event (infinite ones, such as a spinner, do not count).
fn animating() -> bool {
    let Some(document) = super::super::document_of_page() else {
        return false;
    };
    let get =
        |o: &JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).unwrap_or(JsValue::UNDEFINED);
    document.get_animations().iter().any(|a| {
        if get(&a, "playState").as_string().as_deref() != Some("running") {
            return false;
        }
        let effect = get(&a, "effect");
        let timing = get(&effect, "getComputedTiming")
            .dyn_into::<js_sys::Function>()
            .ok()
            .and_then(|f| f.call0(&effect).ok());
        timing.is_some_and(|t| get(&t, "endTime").as_f64().is_some_and(f64::is_finite))
    })
}
