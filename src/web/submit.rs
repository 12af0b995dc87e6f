//! The pre-submit checklist's part in the form's submission: intercept it (capture phase,
//! before the page's own handlers), show the checklist, then let the person's own submission
//! through untouched ("Submit") or return to the form ("Go back", Escape). Never blocking.

use super::{checklist, fields, with_app};
use crate::{check, Severity, Status};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlElement, HtmlFormElement, SubmitEvent};

/// A submission of the entry's form: show the checklist first.
pub fn intercept(event: Event) {
    let Some(document) = super::document_of_page() else {
        return;
    };
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
        if !app.enabled || app.editor.form().as_ref() != Some(&form) {
            return;
        }
        if app.passing {
            app.passing = false; // the person chose Submit: let it through untouched
            return;
        }
        let Ok(now) = crate::wasm::local_now() else {
            return;
        };
        let entry = fields::read(&document, app.editor.text(), &app.policy.selectors).entry;
        let verdict = check(&entry, &app.policy, now);
        let any_open = verdict.checklist.iter().any(|r| r.status == Status::NotMet);
        if app.policy.checklist_always || any_open {
            show = Some((verdict, app.editor.clone()));
        }
    });
    let Some((verdict, editor)) = show else {
        return;
    };
    event.prevent_default();
    event.stop_immediate_propagation();
    let Ok(host) = checklist::show(&document, &verdict, checklist::Mode::Submit) else {
        resubmit(&form, submitter.as_ref()); // the checklist failed: submit as if it were not there
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
        let form = form.clone();
        move || {
            host.remove();
            resubmit(&form, submitter.as_ref());
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

/// Submits the form as the person did, through the page's own submit path.
fn resubmit(form: &HtmlFormElement, submitter: Option<&HtmlElement>) {
    with_app(|app| app.passing = true);
    if form.request_submit_with_submitter(submitter).is_err() {
        with_app(|app| app.passing = false);
        form.submit().ok();
    }
}
