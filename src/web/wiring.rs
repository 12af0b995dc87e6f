//! Wiring one editor into the page: the overlay, chip and card created for it, and every
//! listener and observer that keeps them in step (typing, scrolling, resizing, the form's
//! fields changing, the editor coming into view). All of it hangs on a `Wiring`, and
//! dropping it takes everything off the page.

use super::*;

/// The listeners and observers attached for one editor. Dropping it takes them all off the
/// page (a replaced editor's form, document and window must not keep calling in).
#[derive(Default)]
pub(super) struct Wiring {
    pub(super) listeners: Vec<(web_sys::EventTarget, &'static str, bool, js_sys::Function)>,
    pub(super) mutations: Vec<web_sys::MutationObserver>,
    pub(super) resize: Vec<web_sys::ResizeObserver>,
    pub(super) intersection: Vec<web_sys::IntersectionObserver>,
    /// The closures the listeners and observers call: alive while they are attached.
    pub(super) _plain: Vec<Closure<dyn FnMut()>>,
    pub(super) _events: Vec<Closure<dyn FnMut(Event)>>,
    pub(super) _observers: Vec<Closure<dyn FnMut(js_sys::Array)>>,
}

impl Wiring {
    /// `target.addEventListener(kind, f, capture)`, remembered for [`Drop`].
    pub(super) fn listen(
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

pub(super) fn begin() -> Result<(), JsValue> {
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

    // Typing closes the card (its words may be the ones changing), stops drawing underlines
    // for the text as it was, and checks again.
    let on_input = Closure::<dyn FnMut()>::new(|| {
        with_app(|app| {
            if app.card.showing.is_some() {
                app.card.hide();
            }
            app.overlay.outdated();
        });
        schedule();
    });
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
    let on_card_click = Closure::<dyn FnMut(Event)>::new(points::card_clicked);
    wiring.listen(&card.host, "click", false, on_card_click.as_ref())?;
    let on_card_enter = Closure::<dyn FnMut()>::new(points::pointer_on_card);
    wiring.listen(&card.host, "pointerover", false, on_card_enter.as_ref())?;
    // Escape anywhere, or a press outside the card, closes it.
    let on_anywhere = Closure::<dyn FnMut(Event)>::new(points::anywhere);
    for doc in std::iter::once(&document).chain(inner_doc.as_ref()) {
        for ev in ["keydown", "pointerdown"] {
            wiring.listen(doc, ev, true, on_anywhere.as_ref())?;
        }
    }

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
    wiring._plain = vec![on_input, on_move_view, on_card_enter];
    wiring._events = vec![
        on_move,
        on_caret,
        on_key_down,
        on_card_key,
        on_field,
        on_card_click,
        on_anywhere,
    ];
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
    super::pacing::warm_up();
    Ok(())
}

/// Whether a change to the page is only the extension's own notes coming and going.
pub(super) fn is_ours(record: &web_sys::MutationRecord) -> bool {
    let ours = |list: web_sys::NodeList| {
        (0..list.length()).all(|i| {
            list.item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|e| e.has_attribute("data-cpoms-check"))
        })
    };
    ours(record.added_nodes()) && ours(record.removed_nodes())
}
