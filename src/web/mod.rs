//! The page layer: watches the CPOMS entry editor and shows the engine's findings over it.
//!
//! This first slice handles a plain `<textarea>` editor: underlines over each finding (a
//! mirror of the field's text in a shadow root), the card of one finding (hover or caret),
//! the summary chip, and the pre-submit checklist. Nothing here changes the page's own
//! elements, values or events (but for "Apply", which types through the editor's own input
//! path); everything added lives in open shadow roots on hosts marked `data-cpoms-check`.
//! If the editor is not found, nothing is added.

mod card;
mod checklist;
mod fields;
mod overlay;
mod summary;

use crate::{check, Policy, Status, Verdict};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Event, HtmlElement, HtmlFormElement, HtmlTextAreaElement, KeyboardEvent, SubmitEvent,
};

/// Milliseconds of quiet typing before a check: quick enough to feel live, slow enough
/// not to check half-typed words on every key.
const DEBOUNCE_MS: i32 = 120;

struct App {
    editor: HtmlTextAreaElement,
    overlay: overlay::Overlay,
    summary: summary::Summary,
    card: card::Card,
    /// The latest verdict, with dismissed findings removed.
    verdict: Option<Verdict>,
    /// Findings the person dismissed, as rule and excerpt: for this page's life only, never stored.
    dismissed: Vec<(String, String)>,
    timer: Option<i32>,
    /// Set while re-submitting after the checklist, so that submission passes untouched.
    passing: bool,
    /// Kept alive for as long as the page: the event listeners call into them.
    _listeners: Vec<Closure<dyn FnMut()>>,
    _event_listeners: Vec<Closure<dyn FnMut(Event)>>,
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
        return wait_for_editor(&document);
    };
    let overlay = overlay::Overlay::new(&document, &editor)?;
    let summary = summary::Summary::new(&document)?;
    let card = card::Card::new(&document)?;

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

    // The card: on hover over an underline, and when the caret moves into one.
    let on_move = Closure::<dyn FnMut(Event)>::new(|e: Event| {
        if let Some(m) = e.dyn_ref::<web_sys::MouseEvent>() {
            hover(f64::from(m.client_x()), f64::from(m.client_y()));
        }
    });
    editor.add_event_listener_with_callback("mousemove", on_move.as_ref().unchecked_ref())?;
    // Escape closes the card; any other key or click that moves the caret into an underline opens it.
    let on_caret = Closure::<dyn FnMut(Event)>::new(|e: Event| {
        if e.dyn_ref::<KeyboardEvent>()
            .is_some_and(|k| k.key() == "Escape")
        {
            with_app(|app| app.card.hide());
        } else {
            caret_moved();
        }
    });
    for ev in ["keyup", "click"] {
        editor.add_event_listener_with_callback(ev, on_caret.as_ref().unchecked_ref())?;
    }

    // Capture phase on the window: the checklist comes before the page's own submit handlers,
    // which then see the person's submission exactly as before.
    let on_submit = Closure::<dyn FnMut(Event)>::new(intercept);
    window.add_event_listener_with_callback_and_bool(
        "submit",
        on_submit.as_ref().unchecked_ref(),
        true,
    )?;

    APP.with(|a| {
        *a.borrow_mut() = Some(App {
            editor,
            overlay,
            summary,
            card,
            verdict: None,
            dismissed: Vec::new(),
            timer: None,
            passing: false,
            _listeners: vec![on_input, on_scroll],
            _event_listeners: vec![on_submit, on_move, on_caret],
        });
    });
    run_check();
    Ok(())
}

/// The form may be built after the page loads (a dialog, a script): watch for an editor
/// to appear, start once it does, then stop watching. No polling.
fn wait_for_editor(document: &Document) -> Result<(), JsValue> {
    let body = document.body().ok_or("no body")?;
    let observer_slot: std::rc::Rc<RefCell<Option<web_sys::MutationObserver>>> = Default::default();
    let slot = observer_slot.clone();
    let on_change = Closure::<dyn FnMut()>::new(move || {
        let found = document_has_editor();
        if found {
            if let Some(o) = slot.borrow_mut().take() {
                o.disconnect();
            }
            let _ = start();
        }
    });
    let observer = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref())?;
    let init = web_sys::MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    observer.observe_with_options(&body, &init)?;
    *observer_slot.borrow_mut() = Some(observer);
    on_change.forget(); // one small closure per page, needed until the editor appears
    Ok(())
}

fn document_has_editor() -> bool {
    document().is_some_and(|d| fields::find_editor(&d).is_some())
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
        let mut verdict = check(&entry, &Policy::default(), now);
        without_dismissed(&mut verdict, &app.dismissed);
        app.overlay.render(&app.editor, &entry.text, &verdict);
        app.summary.render(&verdict);
        app.card.hide();
        app.verdict = Some(verdict);
    });
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

fn hover(x: f64, y: f64) {
    let target = APP.with(|a| {
        let a = a.borrow();
        let app = a.as_ref()?;
        let (rule, start, rect) = app.overlay.hit(x, y)?;
        let f = app
            .verdict
            .as_ref()?
            .findings
            .iter()
            .find(|f| f.rule == rule && f.start == Some(start))?
            .clone();
        Some((f, rect))
    });
    match target {
        Some((f, rect)) => open_card(&f, &rect),
        None => with_app(|app| app.card.hide()),
    }
}

fn caret_moved() {
    let target = APP.with(|a| {
        let a = a.borrow();
        let app = a.as_ref()?;
        let caret = app.editor.selection_start().ok()?? as usize;
        let f = app
            .verdict
            .as_ref()?
            .findings
            .iter()
            .find(|f| f.start.is_some_and(|s| s < caret) && f.end.is_some_and(|e| caret <= e))?
            .clone();
        let rect = app.overlay.rect_of(f.rule, f.start?)?;
        Some((f, rect))
    });
    if let Some((f, rect)) = target {
        open_card(&f, &rect);
    }
}

fn open_card(f: &crate::Finding, rect: &web_sys::DomRect) {
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
            wired = Some((app.card.button("apply"), app.card.button("dismiss")));
        }
    });
    let Some((apply, dismiss)) = wired else {
        return;
    };
    let (rule, excerpt) = (f.rule.to_string(), f.excerpt.clone().unwrap_or_default());
    let (start, end, suggestion) = (
        f.start.unwrap_or(0),
        f.end.unwrap_or(0),
        f.suggestion.clone(),
    );
    if let (Some(b), Some(s)) = (apply, suggestion) {
        let apply_now = move || apply_suggestion(start, end, &s);
        let _ = b.add_event_listener_with_callback(
            "click",
            Closure::once_into_js(apply_now).unchecked_ref(),
        );
    }
    if let Some(b) = dismiss {
        let dismiss_now = move || {
            with_app(|app| app.dismissed.push((rule, excerpt)));
            run_check();
        };
        let _ = b.add_event_listener_with_callback(
            "click",
            Closure::once_into_js(dismiss_now).unchecked_ref(),
        );
    }
}

/// Replaces the finding's words through the editor's own input path: undo keeps working and
/// the page's scripts see an ordinary input.
fn apply_suggestion(start: usize, end: usize, replacement: &str) {
    let Some(html) = document().and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok()) else {
        return;
    };
    let editor = APP.with(|a| a.borrow().as_ref().map(|app| app.editor.clone()));
    let Some(editor) = editor else { return };
    let _ = editor.focus();
    if editor.set_selection_range(start as u32, end as u32).is_ok() {
        let _ = html.exec_command_with_show_ui_and_value("insertText", false, replacement);
    }
    with_app(|app| app.card.hide());
}

/// A submission of the entry's form: show the checklist first (never blocking).
fn intercept(event: Event) {
    let Some(document) = document() else { return };
    let Some(form) = event
        .target()
        .and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
    else {
        return;
    };
    let submitter = event
        .dyn_ref::<SubmitEvent>()
        .and_then(|e| e.submitter())
        .and_then(|s| s.dyn_into::<HtmlElement>().ok());
    let mut show = None;
    with_app(|app| {
        if app.editor.form().as_ref() != Some(&form) {
            return;
        }
        if app.passing {
            app.passing = false; // the person chose Submit: let it through untouched
            return;
        }
        let Ok(now) = crate::wasm::local_now() else {
            return;
        };
        let entry = fields::read_entry(&document, app.editor.value());
        let verdict = check(&entry, &Policy::default(), now);
        show = Some(verdict);
    });
    let Some(verdict) = show else { return };
    event.prevent_default();
    event.stop_immediate_propagation();
    let Ok(host) = checklist::show(&document, &verdict) else {
        resubmit(&form, submitter.as_ref()); // the checklist failed: submit as if it were not there
        return;
    };
    let first_problem = verdict
        .findings
        .iter()
        .find(|f| f.severity == crate::Severity::Problem && f.start.is_some())
        .map(|f| (f.start, f.end));
    let back = {
        let host = host.clone();
        move || {
            host.remove();
            with_app(|app| {
                let _ = app.editor.focus();
                if let Some((Some(s), Some(e))) = first_problem {
                    let _ = app.editor.set_selection_range(s as u32, e as u32);
                }
            });
        }
    };
    let submit = {
        let host = host.clone();
        let form = form.clone();
        move || {
            host.remove();
            resubmit(&form, submitter.as_ref());
        }
    };
    let shadow = host.shadow_root();
    let button = |action: &str| {
        shadow.as_ref().and_then(|s| {
            s.query_selector(&format!("[data-action={action}]"))
                .ok()
                .flatten()
        })
    };
    if let Some(b) = button("back") {
        let _ = b.add_event_listener_with_callback(
            "click",
            Closure::once_into_js(back.clone()).unchecked_ref(),
        );
    }
    if let Some(b) = button("submit") {
        let _ = b.add_event_listener_with_callback(
            "click",
            Closure::once_into_js(submit).unchecked_ref(),
        );
    }
    let on_key = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
        if e.dyn_ref::<KeyboardEvent>()
            .is_some_and(|k| k.key() == "Escape")
        {
            back();
        }
    });
    let _ = host.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
    on_key.forget(); // lives as long as the dialog's host; small, and once per submission
}

/// Submits the form as the person did, through the page's own submit path.
fn resubmit(form: &HtmlFormElement, submitter: Option<&HtmlElement>) {
    with_app(|app| app.passing = true);
    let sent = form.request_submit_with_submitter(submitter);
    if sent.is_err() {
        with_app(|app| app.passing = false);
        form.submit().ok();
    }
}

/// A host for the extension's own UI: a `<div data-cpoms-check=KIND>` with an open shadow
/// root (tests and assistive technology can reach it; the page's styles cannot). The caller
/// appends it to the page once its content is ready.
pub(crate) fn shadow_host(
    document: &Document,
    kind: &str,
    style: &str,
) -> Result<(HtmlElement, web_sys::ShadowRoot), JsValue> {
    let host: HtmlElement = document.create_element("div")?.dyn_into()?;
    host.set_attribute("data-cpoms-check", kind)?;
    host.set_attribute("style", style)?;
    let shadow =
        host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?;
    Ok((host, shadow))
}

pub(crate) fn document() -> Option<Document> {
    web_sys::window()?.document()
}
