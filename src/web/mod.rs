//! The page layer: watches the CPOMS entry editor and shows the engine's findings over it.
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
mod fields;
mod lookout;
mod native;
mod notes;
mod overlay;
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

use crate::{check, Entry, Policy, Status, Verdict};
use editor::Editor;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Event, HtmlElement};

/// While checks take less than this (ms, the median of the last five, so one slow one does not count),
/// a check runs in the next frame after each change: the underlines keep up with typing.
/// Slower ones (a long entry) wait for a pause in typing.
const PER_FRAME_MS: f64 = 10.0;
/// The shortest and longest pause (ms) before a slow check; in between, three times its cost.
const PAUSE_MS: (f64, f64) = (120.0, 1000.0);
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

/// The listeners and observers attached for one editor. Dropping it takes them all off the
/// page (a replaced editor's form, document and window must not keep calling in).
#[derive(Default)]
struct Wiring {
    listeners: Vec<(web_sys::EventTarget, &'static str, bool, js_sys::Function)>,
    mutations: Vec<web_sys::MutationObserver>,
    resize: Vec<web_sys::ResizeObserver>,
    intersection: Vec<web_sys::IntersectionObserver>,
    /// The closures the listeners and observers call: alive while they are attached.
    _plain: Vec<Closure<dyn FnMut()>>,
    _events: Vec<Closure<dyn FnMut(Event)>>,
    _observers: Vec<Closure<dyn FnMut(js_sys::Array)>>,
}

impl Wiring {
    /// `target.addEventListener(kind, f, capture)`, remembered for [`Drop`].
    fn listen(
        &mut self,
        target: &web_sys::EventTarget,
        kind: &'static str,
        capture: bool,
        f: &JsValue,
    ) -> Result<(), JsValue> {
        let f: js_sys::Function = f.clone().unchecked_into();
        native::listen(target, kind, &f, capture)?;
        self.listeners.push((target.clone(), kind, capture, f));
        Ok(())
    }
}

impl Drop for Wiring {
    fn drop(&mut self) {
        for (target, kind, capture, f) in self.listeners.drain(..) {
            native::unlisten(&target, kind, &f, capture);
        }
        self.mutations.iter().for_each(|o| o.disconnect());
        self.resize.iter().for_each(|o| o.disconnect());
        self.intersection.iter().for_each(|o| o.disconnect());
    }
}

/// What the content script does for the page layer (it holds the extension's APIs).
struct Hooks {
    turn_off: Option<js_sys::Function>,
    open_settings: Option<js_sys::Function>,
    save_selector: Option<js_sys::Function>,
}

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
    /// The settings in force, also before an editor has appeared.
    static SETTINGS: RefCell<Policy> = RefCell::new(Policy::default());
    static HOOKS: RefCell<Option<Hooks>> = const { RefCell::new(None) };
    /// The popup's switch for this site, also for an editor found after it was turned off.
    static ENABLED: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
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
    page_check::open();
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

fn begin() -> Result<(), JsValue> {
    let policy = SETTINGS.with(|p| p.borrow().clone());
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    if APP.with(|a| a.borrow().is_some()) {
        return Ok(());
    }
    let Some(editor) = editor::find(
        &document,
        policy.selectors.get("editor").map(String::as_str),
    ) else {
        // The lookout looks again when the page, or a frame's document, changes.
        lookout::watch_frames(&document);
        return Ok(());
    };
    // In a frame inside a page of the same site, an editor without its own form is the page
    // around it's to check (a CKEditor-style iframe): only the page around it starts.
    if window.frame_element().ok().flatten().is_some() && editor.form().is_none() {
        lookout::decline();
        return Ok(());
    }
    let overlay = overlay::Overlay::new(&document, &editor)?;
    let summary = summary::Summary::new(&document)?;
    let card = card::Card::new(&document)?;
    let mut wiring = Wiring::default();
    let element: web_sys::EventTarget = editor.element().into();
    let outer = editor.outer();
    let inner_doc = editor.document().filter(|d| *d != document);
    let form = editor.form();

    let on_input = Closure::<dyn FnMut()>::new(schedule);
    let on_move_view =
        Closure::<dyn FnMut()>::new(|| with_app(|app| app.overlay.follow(&app.editor)));
    wiring.listen(&element, "input", false, on_input.as_ref())?;
    // A change to any other field (date, pickers, categories, files) re-checks too; token
    // pickers change the form's elements without a change event, so those changes count too.
    let form_area: web_sys::Node = match &form {
        Some(form) => form.clone().into(),
        None => document.clone().into(),
    };
    // The fields are read again only after such a change: typing in the entry re-reads only its text.
    let on_field = Closure::<dyn FnMut(Event)>::new(|e: Event| {
        let node = e.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        fields_changed(node.as_ref());
    });
    for ev in ["change", "input"] {
        wiring.listen(&form_area, ev, false, on_field.as_ref())?;
    }
    let on_form_change = Closure::<dyn FnMut(js_sys::Array)>::new(|records: js_sys::Array| {
        for r in records.iter() {
            let r: web_sys::MutationRecord = r.unchecked_into();
            if !is_ours(&r) {
                fields_changed(r.target().as_ref());
            }
        }
    });
    let init = web_sys::MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    let fields_observer = web_sys::MutationObserver::new(on_form_change.as_ref().unchecked_ref())?;
    fields_observer.observe_with_options(&form_area, &init)?;
    wiring.mutations.push(fields_observer);
    // Any scroll (the page, the field, a container, the editor's frame) or resize moves the words.
    for doc in std::iter::once(&document).chain(inner_doc.as_ref()) {
        wiring.listen(doc, "scroll", true, on_move_view.as_ref())?;
    }
    wiring.listen(&window, "resize", false, on_move_view.as_ref())?;

    // The card: on hover over an underline, and when the caret moves into one.
    let on_move = Closure::<dyn FnMut(Event)>::new(points::pointer_moved);
    wiring.listen(&element, "mousemove", false, on_move.as_ref())?;
    let on_caret = Closure::<dyn FnMut(Event)>::new(points::key_or_click);
    for ev in ["keyup", "click"] {
        wiring.listen(&element, ev, false, on_caret.as_ref())?;
    }
    let on_key_down = Closure::<dyn FnMut(Event)>::new(points::key_down);
    wiring.listen(&element, "keydown", false, on_key_down.as_ref())?;
    let on_card_key = Closure::<dyn FnMut(Event)>::new(points::card_key);
    card.host
        .add_event_listener_with_callback("keydown", on_card_key.as_ref().unchecked_ref())?;

    // The editor's size changes (a drag of its corner, the page's layout) and whether it is on screen.
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(|_| {
        with_app(|app| app.overlay.follow(&app.editor))
    });
    // The page's own layout moving the editor (content added above it) changes the body's size.
    let resize = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref())?;
    resize.observe(&outer);
    if let Some(body) = document.body() {
        resize.observe(&body);
    }
    wiring.resize.push(resize);
    let on_visible = Closure::<dyn FnMut(js_sys::Array)>::new(visibility_changed);
    let visible = web_sys::IntersectionObserver::new(on_visible.as_ref().unchecked_ref())?;
    visible.observe(&outer);
    wiring.intersection.push(visible);
    wiring._plain = vec![on_input, on_move_view];
    wiring._events = vec![on_move, on_caret, on_key_down, on_card_key, on_field];
    wiring._observers = vec![on_resize, on_visible, on_form_change];
    // Layout shifts with no scroll or resize (styles, late images and fonts, transforms).
    overlay::follow::wire(&mut wiring, &document, &outer, &editor.element())?;

    APP.with(|a| {
        *a.borrow_mut() = Some(App {
            editor,
            policy,
            overlay,
            summary,
            card,
            notes: notes::Notes::default(),
            fields: None,
            verdict: None,
            dismissed: Vec::new(),
            timer: None,
            frame: None,
            took_ms: Vec::new(),
            waiting_since: None,
            visible: true,
            stale: false,
            enabled: ENABLED.get(),
            form,
            _wiring: wiring,
        });
    });
    if !ENABLED.get() {
        with_app(|app| {
            app.overlay.show(false);
            app.summary.show(false);
        });
    }
    run_check();
    Ok(())
}

/// Whether a change to the page is only the extension's own notes coming and going.
fn is_ours(record: &web_sys::MutationRecord) -> bool {
    let ours = |list: web_sys::NodeList| {
        (0..list.length()).all(|i| {
            list.item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|e| e.has_attribute("data-cpoms-check"))
        })
    };
    ours(record.added_nodes()) && ours(record.removed_nodes())
}

fn with_app(f: impl FnOnce(&mut App)) {
    APP.with(|a| {
        if let Some(app) = a.borrow_mut().as_mut() {
            f(app);
        }
    });
}

/// Plans a check after a change: in the next frame when checks are quick, else after a
/// pause in typing that grows with their cost. Changes before it runs share it.
fn schedule() {
    let Some(window) = web_sys::window() else {
        return;
    };
    with_app(|app| {
        if let Some(t) = app.timer.take() {
            window.clear_timeout_with_handle(t);
        }
        if let Some(f) = app.frame.take() {
            let _ = window.cancel_animation_frame(f);
        }
        let cb = Closure::once_into_js(run_check);
        // Typing without a pause never starves the checks: after the longest pause, the next frame.
        let now = window.performance().map_or(0.0, |p| p.now());
        let waited = now - *app.waiting_since.get_or_insert(now);
        let cost = typical(&app.took_ms);
        if cost < PER_FRAME_MS || waited >= PAUSE_MS.1 {
            app.frame = window.request_animation_frame(cb.unchecked_ref()).ok();
        } else {
            let pause = (cost * 3.0).clamp(PAUSE_MS.0, PAUSE_MS.1) as i32;
            app.timer = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), pause)
                .ok();
        }
    });
}

/// The median of the recent check times (0 until there are three: a first slow one, such as
/// a whole pasted text laid out at once, is no reason to wait).
fn typical(took: &[f64]) -> f64 {
    if took.len() < 3 {
        return 0.0;
    }
    let mut t = took.to_vec();
    t.sort_by(|a, b| a.total_cmp(b));
    t.get(t.len() / 2).copied().unwrap_or(0.0)
}

/// The editor came on or went off screen: off screen, checks wait; back on, a due one runs.
fn visibility_changed(entries: js_sys::Array) {
    let Some(entry) = entries
        .iter()
        .last()
        .and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
    else {
        return;
    };
    let mut due = false;
    with_app(|app| {
        app.visible = entry.is_intersecting();
        due = app.visible && app.stale;
    });
    if due {
        run_check();
    }
    // Back on screen, the overlay follows again (it may have stopped while the field was off it).
    overlay::follow::nudge(false);
}

/// The entry as the page shows it now: the editor's text, and the other fields as last read
/// (where each is, and which could not be read).
fn read(
    app: &mut App,
) -> (
    Entry,
    Vec<(&'static str, web_sys::Element)>,
    Vec<&'static str>,
) {
    let text = app.editor.text();
    if app.fields.is_none() {
        let Some(document) = document_of_page() else {
            return (Entry::from_text(text), Vec::new(), Vec::new());
        };
        app.fields = Some(fields::read(
            &document,
            String::new(),
            &app.policy.selectors,
        ));
    }
    let fields = app.fields.as_ref().expect("just read");
    let entry = Entry {
        text,
        ..fields.entry.clone()
    };
    (entry, fields.anchors.clone(), fields.unread.clone())
}

/// Something in the form changed at `node`: unless it is the entry's own editor, the fields
/// are read again at the next check. Either way a check is planned.
fn fields_changed(node: Option<&web_sys::Node>) {
    with_app(|app| {
        let in_editor = node.is_some_and(|n| {
            let editor: web_sys::Node = app.editor.element().into();
            editor.contains(Some(n))
        });
        if !in_editor {
            app.fields = None;
        }
    });
    schedule();
}

fn run_check() {
    let clock = web_sys::window().and_then(|w| w.performance());
    let started = clock.as_ref().map_or(0.0, |p| p.now());
    with_app(|app| {
        app.timer = None;
        app.frame = None;
        if !app.enabled {
            return;
        }
        if !app.visible {
            app.stale = true;
            return;
        }
        app.stale = false;
        let (mut entry, anchors, unread) = read(app);
        let Ok(now) = crate::wasm::local_now() else {
            return;
        };
        let full = capped(&mut entry);
        let mut verdict = check(&entry, &app.policy, now);
        fields::without_unread(&mut verdict, &unread);
        without_dismissed(&mut verdict, &app.dismissed);
        let text = full.as_deref().unwrap_or(&entry.text);
        // Notes first: they can move the editor down the page, and the underlines follow it.
        // None before the person has written anything: an empty form is not yet a record.
        let anchors = if text.trim().is_empty() {
            &[][..]
        } else {
            &anchors[..]
        };
        app.notes.render(anchors, &verdict);
        app.overlay.render(&app.editor, text, &verdict);
        app.summary
            .render(&verdict, full.is_some().then_some(CAP_UNITS));
        // The card stays while its finding does (a check can run under the pointer).
        let still = app.card.showing.as_ref().is_some_and(|(rule, s, e)| {
            verdict
                .findings
                .iter()
                .any(|f| f.rule == rule && f.start == Some(*s) && f.end == Some(*e))
        });
        if !still {
            app.card.hide();
        }
        // The first check also loads the engine's data: it says nothing about the next ones.
        if app.verdict.is_some() {
            let took = clock.as_ref().map_or(0.0, |p| p.now()) - started;
            if app.took_ms.len() == 5 {
                app.took_ms.remove(0);
            }
            app.took_ms.push(took);
        }
        app.verdict = Some(verdict);
        app.waiting_since = None;
    });
}

/// Cuts a text longer than [`CAP_UNITS`] to that length (at a character boundary) and returns
/// the whole text, which the underlines still follow.
fn capped(entry: &mut Entry) -> Option<String> {
    if entry.text.len() <= CAP_UNITS {
        return None; // fewer bytes than the cap: fewer UTF-16 units too
    }
    let cut = crate::text::byte_offset(&entry.text, CAP_UNITS);
    if cut >= entry.text.len() {
        return None;
    }
    let rest = entry.text.split_off(cut);
    Some(format!("{}{rest}", entry.text))
}

/// Removes dismissed findings; a criterion whose problems were all dismissed is no longer `not_met`.
fn without_dismissed(v: &mut Verdict, dismissed: &[(String, String)]) {
    if dismissed.is_empty() {
        return;
    }
    v.findings.retain(|f| {
        !dismissed
            .iter()
            .any(|(r, x)| r == f.rule && Some(x.as_str()) == f.excerpt.as_deref())
    });
    for row in &mut v.checklist {
        if row.status == Status::NotMet
            && !v
                .findings
                .iter()
                .any(|f| f.criterion == row.criterion && f.severity == crate::Severity::Problem)
        {
            row.status = Status::Met;
            row.summary = "The points found here were dismissed.".into();
        }
    }
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
    e.dyn_ref::<web_sys::KeyboardEvent>()
        .is_some_and(|k| k.key() == "Escape")
}

/// Text safe to put inside HTML built for the extension's shadow roots.
pub(crate) fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
