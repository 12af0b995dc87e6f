//! What the content script calls (the `#[wasm_bindgen]` exports), and what the page layer
//! asks of the content script in turn (the hooks: it holds the extension's APIs).

use super::{document_of_page, follow, lookout, run_check, schedule, submit, with_app};
use super::{ENABLED, SETTINGS};
use crate::Status;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::Event;

/// What the content script does for the page layer (it holds the extension's APIs).
pub(super) struct Hooks {
    turn_off: Option<js_sys::Function>,
    open_settings: Option<js_sys::Function>,
    save_selector: Option<js_sys::Function>,
}

thread_local! {
    static HOOKS: RefCell<Option<Hooks>> = const { RefCell::new(None) };
}

/// Called by the content script once the WebAssembly has loaded, with the settings the
/// options page saved and those the school's managed policy sets (JSON objects, either
/// absent), the function that turns a rule off in the saved settings (the card's "Turn off
/// this rule"), the one that opens the options page (the list's "Settings") and the one that
/// saves a field's selector (pick mode: `(key, selector)`). Settings combine key by key,
/// managed winning; an unusable value is left out and its default applies, so the checks
/// never stop for a bad setting.
#[wasm_bindgen]
pub fn start(
    saved: JsValue,
    managed: JsValue,
    turn_off: Option<js_sys::Function>,
    open_settings: Option<js_sys::Function>,
    save_selector: Option<js_sys::Function>,
) -> Result<(), JsValue> {
    HOOKS.with(|h| {
        *h.borrow_mut() = Some(Hooks {
            turn_off,
            open_settings,
            save_selector,
        })
    });
    apply_settings(saved, managed);
    let document = document_of_page().ok_or("no document")?;
    lookout::watch(&document)?;
    follow();
    Ok(())
}

/// A submission on the page, from the content script's listener (the first one on the
/// window, capture phase, registered before the page's own scripts run): shows the checklist
/// before the page's handlers see it, when the entry's form is submitted.
#[wasm_bindgen]
pub fn submitted(event: Event) {
    submit::intercept(event);
}

/// For a page that loads the engine itself (the practice page): the engine listens for
/// submissions on the window, capture phase, itself.
#[wasm_bindgen]
pub fn watch_submissions() -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let on_submit = Closure::<dyn FnMut(Event)>::new(submit::intercept);
    window.add_event_listener_with_callback_and_bool(
        "submit",
        on_submit.as_ref().unchecked_ref(),
        true,
    )?;
    on_submit.forget(); // for the page's life
    Ok(())
}

/// New settings (saved in the options page, or the school's policy changed): checks use them at once.
#[wasm_bindgen]
pub fn apply_settings(saved: JsValue, managed: JsValue) {
    let layer = |v: JsValue| serde_wasm_bindgen::from_value::<serde_json::Value>(v).ok();
    let policy = crate::policy::layered(layer(saved).as_ref(), layer(managed).as_ref()).policy;
    SETTINGS.with(|p| *p.borrow_mut() = policy.clone());
    let mut running = false;
    with_app(|app| {
        app.policy = policy;
        app.fields = None; // the school's selectors may have changed
        running = true;
    });
    if running {
        run_check();
    }
}

/// The popup's switch for this site: off hides everything the extension shows and lets every
/// submission through untouched; on brings it back.
#[wasm_bindgen]
pub fn set_enabled(on: bool) {
    ENABLED.set(on);
    let mut changed = false;
    with_app(|app| {
        changed = app.enabled != on;
        app.enabled = on;
        if !on {
            app.overlay.show(false);
            app.summary.show(false);
            app.notes.clear();
            app.card.hide();
        }
    });
    if changed && on {
        with_app(|app| {
            app.overlay.show(true);
            app.summary.show(true);
        });
        run_check();
    }
}

/// For the popup: shows what the checker found on this page (see `page_check`).
#[wasm_bindgen]
pub fn page_check() {
    super::page_check::open();
}

/// For the popup: `{not_met, findings, memory_bytes}` on this page now (zeros before any check).
#[wasm_bindgen]
pub fn counts() -> JsValue {
    let mut out = (0, 0);
    with_app(|app| {
        if let (Some(v), true) = (&app.verdict, app.enabled) {
            out = (
                v.checklist
                    .iter()
                    .filter(|r| r.status == Status::NotMet)
                    .count(),
                v.findings.len(),
            );
        }
    });
    let o = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&o, &"not_met".into(), &(out.0 as u32).into());
    let _ = js_sys::Reflect::set(&o, &"findings".into(), &(out.1 as u32).into());
    // The engine's own memory (its WebAssembly linear memory), for the benchmark's figures.
    let pages = core::arch::wasm32::memory_size(0);
    let _ = js_sys::Reflect::set(&o, &"memory_bytes".into(), &((pages * 65536) as f64).into());
    o.into()
}

/// The card's "Turn off this rule": the content script saves it in the settings, and the new
/// settings come back through `apply_settings`.
pub(crate) fn turn_off(rule: &str) {
    HOOKS.with(|h| {
        if let Some(f) = h.borrow().as_ref().and_then(|h| h.turn_off.as_ref()) {
            let _ = f.call1(&JsValue::NULL, &rule.into());
        }
    });
}

/// Pick mode chose an element: its selector applies at once and is saved in the settings
/// (the saved settings come back through `apply_settings`).
pub(crate) fn save_selector(key: &str, selector: &str) {
    SETTINGS.with(|p| {
        p.borrow_mut()
            .selectors
            .insert(key.to_string(), selector.to_string());
    });
    with_app(|app| {
        app.policy
            .selectors
            .insert(key.to_string(), selector.to_string());
        app.fields = None;
    });
    HOOKS.with(|h| {
        if let Some(f) = h.borrow().as_ref().and_then(|h| h.save_selector.as_ref()) {
            let _ = f.call2(&JsValue::NULL, &key.into(), &selector.into());
        }
    });
    schedule();
}

/// The list's "Settings": the content script asks the extension to open its options page.
pub(crate) fn open_settings() {
    HOOKS.with(|h| {
        if let Some(f) = h.borrow().as_ref().and_then(|h| h.open_settings.as_ref()) {
            let _ = f.call0(&JsValue::NULL);
        }
    });
}
