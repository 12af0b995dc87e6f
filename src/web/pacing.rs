//! The pacing of checks: when a change leads to a check (the next frame while checks are
//! quick, a pause after the first unchecked change when they are slow, never while the editor is off
//! screen), and the check itself: read the entry, run the engine, show the verdict.

use super::{document_of_page, fields, with_app, App, CAP_UNITS};
use crate::{check, Entry, Status, Verdict};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// While checks take less than this (ms, the median of the last five, so one slow one does not count),
/// a check runs in the next frame after each change: the underlines keep up with typing.
/// Slower ones (a long entry) wait a pause after the first change not yet checked.
const PER_FRAME_MS: f64 = 10.0;
/// The shortest and longest pause (ms) before a slow check; in between, three times its cost.
const PAUSE_MS: (f64, f64) = (120.0, 1000.0);

/// Plans a check after a change: in the next frame when checks are quick, else a pause
/// (growing with their cost) after the first change not yet checked, however fast the
/// keys come. Changes before it runs share it.
pub(super) fn schedule() {
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
        // Typing without a pause never starves the checks: a change waits at most one pause
        // in all, then is checked in the next frame. (Waiting for a pause after each key, up
        // to the longest pause, left one keystroke a second without underlines when keys came
        // just less than a pause apart.)
        let now = window.performance().map_or(0.0, |p| p.now());
        let waited = now - *app.waiting_since.get_or_insert(now);
        let cost = typical(&app.took_ms);
        let pause = (cost * 3.0).clamp(PAUSE_MS.0, PAUSE_MS.1);
        if cost < PER_FRAME_MS || waited >= pause {
            // A long text is checked in a task of its own just after the frame, not inside
            // it: the frame's own layout of the field (100 ms and more for a big paste) and
            // the check are then two tasks, not one long one.
            let cb = if long(&app.editor) {
                Closure::once_into_js(after_frame)
            } else {
                cb
            };
            app.frame = window.request_animation_frame(cb.unchecked_ref()).ok();
        } else {
            app.timer = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    cb.unchecked_ref(),
                    (pause - waited) as i32,
                )
                .ok();
        }
    });
}

/// Whether the field's text is too long for its underlines to be drawn in one go (see
/// `overlay::slices`).
fn long(editor: &super::editor::Editor) -> bool {
    matches!(editor, super::editor::Editor::Plain(t)
        if t.text_length() as usize > super::overlay::slices::AT_ONCE_BYTES)
}

/// Runs the check in the next task (after the frame this is called in).
fn after_frame() {
    let Some(window) = web_sys::window() else {
        return;
    };
    with_app(|app| {
        app.frame = None;
        let cb = Closure::once_into_js(run_check);
        app.timer = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 0)
            .ok();
    });
}

/// The median of the recent check times (0 until there are three: a first slow one, such as
/// a whole pasted text laid out at once, is no reason to wait).
fn typical(took: &[f64]) -> f64 {
    if took.len() < 3 {
        return 0.0;
    }
    let mut t = took.to_vec();
    crate::order::sort_by(&mut t, |a, b| a.total_cmp(b));
    t.get(t.len() / 2).copied().unwrap_or(0.0)
}

/// The editor came on or went off screen: off screen, checks wait; back on, a due one runs.
pub(super) fn visibility_changed(entries: js_sys::Array) {
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
    super::overlay::follow::nudge(false);
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
pub(super) fn fields_changed(node: Option<&web_sys::Node>) {
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

/// The engine's first use reads its rule data, builds its matchers, reads the spelling
/// dictionary and fills what its first text needs: over 100 ms in one task when the page
/// opens. At start each of those is a task of its own when the page is idle (the dictionary
/// several), with the first real check after the matchers if the field is empty, else after
/// the rest; a change meanwhile is checked as usual (doing what is left of the loading).
pub(super) fn warm_up() {
    // Each step returns whether it has more to do (and runs again in the next idle task).
    const STEPS: [fn() -> bool; 5] = [
        || {
            crate::data::data();
            false
        },
        || {
            crate::data::compiled();
            false
        },
        // A form that opens empty (most do) is checked now: with no words the check needs
        // no dictionary, and the summary need not wait for it.
        || {
            let mut empty = false;
            with_app(|app| empty = app.verdict.is_none() && app.editor.text().trim().is_empty());
            if empty {
                run_check();
            }
            false
        },
        // The dictionary, a slice a task: read at once it was the load's one long task.
        crate::spell::read_some,
        || {
            if let Ok(at) = crate::LocalDateTime::parse("2024-01-01T09:00") {
                let sample = Entry::from_text("Derek said “stop” at break; JBloggs told the DSL.");
                let _ = check(&sample, &crate::Policy::default(), at);
            }
            false
        },
    ];
    fn step(i: usize) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let next: Box<dyn FnOnce()> = match STEPS.get(i) {
            Some(f) => Box::new(move || step(if f() { i } else { i + 1 })),
            // The first check, unless a change has already had one (a second would only
            // redraw the same underlines under the person's pointer).
            None => Box::new(|| {
                let mut checked = false;
                with_app(|app| checked = app.verdict.is_some());
                if !checked {
                    run_check();
                }
            }),
        };
        // When the page is idle: its own scripts go first while it loads.
        let cb = Closure::once_into_js(next);
        if window.request_idle_callback(cb.unchecked_ref()).is_err() {
            let _ =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 0);
        }
    }
    step(0);
}

pub(super) fn run_check() {
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
        app.summary.render(
            &verdict,
            full.is_some().then_some(CAP_UNITS),
            !text.trim().is_empty(),
        );
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
