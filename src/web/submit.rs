//! The pre-submit checklist's part in the form's submission: intercept it (capture phase on
//! the window, before the page's own handlers), show the checklist, then let the person's own
//! submission through ("Submit") or return to the form ("Go back", Escape). Never blocking.
//!
//! A record must never be lost, altered or duplicated because of this. So:
//! - a submission something else already handled (cancelled by a listener that ran before
//!   ours, or dispatched by a script rather than the browser) is left alone: fail open;
//! - everything that can fail (the check, the list) runs before the submission is held;
//! - "Submit" submits through `HTMLFormElement.prototype.requestSubmit` with the person's own
//!   submit button, so the page's handlers run once and the posted body is the same; if the
//!   page re-rendered that button while the list was open, its replacement (same type, name
//!   and value) is used, or else a hidden stand-in carrying its name=value at its place.

use super::{checklist, fields, native, with_app};
use crate::{check, Severity, Status};
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, Event, HtmlButtonElement, HtmlElement, HtmlFormElement, HtmlInputElement, SubmitEvent,
};

thread_local! {
    /// Set while the checklist's Submit re-submits, so that submission passes untouched.
    /// Outside the app: a re-rendered editor replaces the app while the list is open.
    static PASSING: Cell<bool> = const { Cell::new(false) };
}

/// A submission of the entry's form: show the checklist first.
pub fn intercept(event: Event) {
    if PASSING.get() || !event.is_trusted() || event.default_prevented() {
        return;
    }
    let Some(document) = super::document_of_page() else {
        return;
    };
    let Some(form) = event
        .target()
        .and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
    else {
        return;
    };
    super::follow(); // a re-rendered editor is the one this submission carries
    let mut show = None;
    with_app(|app| {
        if !app.enabled || app.editor.form().as_ref() != Some(&form) {
            return;
        }
        let Ok(now) = crate::wasm::local_now() else {
            return;
        };
        let read = fields::read(&document, app.editor.text(), &app.policy.selectors);
        let mut verdict = check(&read.entry, &app.policy, now);
        fields::without_unread(&mut verdict, &read.unread);
        let any_open = verdict.checklist.iter().any(|r| r.status == Status::NotMet);
        if app.policy.checklist_always || any_open {
            show = Some((verdict, app.editor.clone(), app.policy.checklist_rows));
        }
    });
    let Some((verdict, editor, rows)) = show else {
        return;
    };
    let submitter = Submitter::of(&event, &form);
    event.prevent_default();
    event.stop_immediate_propagation();
    let Ok(host) = checklist::show(&document, &verdict, checklist::Mode::Submit, rows) else {
        // The checklist failed: submit as if it were not there, once this event's dispatch is
        // over (the browser ignores a form's submission requested while its submit event fires).
        let again = Closure::once_into_js(move || resubmit(&form, &submitter));
        if let Some(w) = web_sys::window() {
            let _ =
                w.set_timeout_with_callback_and_timeout_and_arguments_0(again.unchecked_ref(), 0);
        }
        return;
    };
    let first_problem = verdict
        .findings
        .iter()
        .find(|f| f.severity == Severity::Problem && f.start.is_some())
        .and_then(|f| Some((f.start?, f.end?)));
    let back = {
        let host = host.clone();
        move || {
            host.remove();
            super::follow();
            let mut now = None;
            with_app(|app| now = Some(app.editor.clone()));
            let editor = now.unwrap_or(editor.clone());
            match first_problem {
                Some((s, e)) => {
                    editor.select(s, e);
                }
                None => {
                    let _ = editor.element().focus();
                }
            }
        }
    };
    let submit = {
        let host = host.clone();
        move || {
            host.remove();
            resubmit(&form, &submitter);
        }
    };
    checklist::on_action(&host, "back", back.clone());
    checklist::on_action(&host, "submit", submit);
    let on_key = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
        if super::is_escape(&e) {
            back();
        }
    });
    let _ = host.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
    on_key.forget(); // lives as long as the dialog's host; small, and once per submission
}

/// The button the person submitted with, and how to know it again.
pub struct Submitter {
    element: Option<HtmlElement>,
    kind: String,
    name: String,
    value: String,
    /// Its place among the form's controls.
    index: Option<usize>,
}

impl Submitter {
    pub fn of(event: &Event, form: &HtmlFormElement) -> Submitter {
        let element = event
            .dyn_ref::<SubmitEvent>()
            .and_then(|e| e.submitter())
            .and_then(|s| s.dyn_into::<HtmlElement>().ok());
        let (kind, name, value) = element.as_ref().and_then(button_of).unwrap_or_default();
        let index = element.as_ref().and_then(|el| {
            let el: &Element = el.unchecked_ref();
            native::elements(form).iter().position(|c| c == el)
        });
        Submitter {
            element,
            kind,
            name,
            value,
            index,
        }
    }

    /// The button to submit `form` with now: the same one if it is still the form's, else the
    /// form's submit button of the same type, name and value nearest its old place.
    pub fn find_in(&self, form: &HtmlFormElement) -> Option<HtmlElement> {
        let old = self.element.as_ref()?;
        let controls = native::elements(form);
        let own = native::is_connected(old)
            && controls.iter().any(|c| c == old.unchecked_ref::<Element>());
        if own {
            return Some(old.clone());
        }
        let here = self.index.unwrap_or(0);
        controls
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                c.dyn_ref::<HtmlElement>()
                    .and_then(button_of)
                    .is_some_and(|(k, n, v)| k == self.kind && n == self.name && v == self.value)
            })
            .min_by_key(|(i, _)| i.abs_diff(here))
            .and_then(|(_, c)| c.dyn_ref::<HtmlElement>().cloned())
    }

    /// A hidden input carrying the button's name=value, put at the button's old place in
    /// `form` (a nameless button adds nothing to the body: then none).
    pub fn stand_in(&self, form: &HtmlFormElement) -> Option<HtmlInputElement> {
        if self.element.is_none() || self.name.is_empty() {
            return None;
        }
        let document = super::document_of_page()?;
        let input: HtmlInputElement = document.create_element("input").ok()?.dyn_into().ok()?;
        input.set_type("hidden");
        input.set_name(&self.name);
        input.set_value(&self.value);
        let _ = input.set_attribute("data-cpoms-check", "submitter");
        let at = self
            .index
            .and_then(|i| native::elements(form).get(i).cloned());
        let placed = match at.as_ref().and_then(|c| Some((c.parent_node()?, c))) {
            Some((parent, c)) => native::insert_before(&parent, &input, Some(c)),
            None => native::insert_before(form, &input, None),
        };
        placed.ok().map(|_| input)
    }
}

/// `(type, name, value)` of a submit button (`<button type=submit>`, `<input type=submit|image>`).
fn button_of(el: &HtmlElement) -> Option<(String, String, String)> {
    if let Some(b) = el.dyn_ref::<HtmlButtonElement>() {
        return (b.type_() == "submit").then(|| ("button".into(), b.name(), b.value()));
    }
    let i = el.dyn_ref::<HtmlInputElement>()?;
    let kind = i.type_();
    (kind == "submit" || kind == "image").then(|| (kind, i.name(), i.value()))
}

/// Submits the form as the person did, through the page's own submit path, exactly once.
pub fn resubmit(form: &HtmlFormElement, submitter: &Submitter) {
    let form = live_form(form);
    let button = submitter.find_in(&form);
    let stand_in = match button {
        Some(_) => None,
        None => submitter.stand_in(&form),
    };
    PASSING.set(true);
    // requestSubmit dispatches the submit event and builds the body before it returns.
    let sent = native::request_submit(&form, button.as_ref());
    if sent.is_err() {
        // Only where requestSubmit itself is missing or refuses: post without the page's handlers.
        let _ = native::submit(&form);
    }
    PASSING.set(false);
    if let Some(input) = stand_in {
        input.remove();
    }
}

/// The form to submit: the same one while it is on the page, else the one the (re-rendered)
/// editor is in now.
fn live_form(form: &HtmlFormElement) -> HtmlFormElement {
    if native::is_connected(form) {
        return form.clone();
    }
    super::follow();
    let mut now = None;
    with_app(|app| now = app.editor.form());
    now.unwrap_or_else(|| form.clone())
}
