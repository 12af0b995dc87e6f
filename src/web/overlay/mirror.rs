//! Underlines over a textarea's text: a mirror element with the field's exact text and
//! text layout, in a shadow root above the field. Each finding becomes a span over its
//! words, so the browser's own line breaking puts it in the right place. A long text is
//! drawn in slices ([`slices`](super::slices)).

use super::set;
use super::slices;
use crate::verdict::Verdict;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, HtmlElement, HtmlTextAreaElement};

pub struct Mirror {
    host: HtmlElement,
    mirror: HtmlElement,
    /// Last in the mirror, as tall as the field's text (see [`slices::Target`]).
    spacer: HtmlElement,
    /// Counts drawings: a slice of an older one stops.
    generation: Rc<Cell<u64>>,
}

/// The layout properties the mirror copies from the field.
const COPIED: [&str; 19] = [
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "font-stretch",
    "line-height",
    "letter-spacing",
    "word-spacing",
    "text-indent",
    "text-align",
    "text-transform",
    "tab-size",
    "padding-top",
    "padding-right",
    "padding-bottom",
    "padding-left",
    "direction",
    "border-top-width",
    "border-left-width",
];

impl Mirror {
    pub fn new(document: &Document, editor: &HtmlTextAreaElement) -> Result<Mirror, JsValue> {
        let (host, shadow) = super::super::shadow_host(
            document,
            "overlay",
            "position: absolute; pointer-events: none; z-index: 2147483000; margin: 0; padding: 0",
        )?;
        let mirror: HtmlElement = document.create_element("div")?.dyn_into()?;
        let spacer: HtmlElement = document.create_element("div")?.dyn_into()?;
        mirror.append_child(&spacer)?;
        shadow.append_child(&mirror)?;
        document.body().ok_or("no body")?.append_child(&host)?;
        let o = Mirror {
            host,
            mirror,
            spacer,
            generation: Rc::default(),
        };
        o.copy_layout(editor)?;
        o.follow(editor);
        Ok(o)
    }

    pub fn copy_layout(&self, editor: &HtmlTextAreaElement) -> Result<(), JsValue> {
        let window = web_sys::window().ok_or("no window")?;
        let computed = window.get_computed_style(editor)?.ok_or("no style")?;
        let m = self.mirror.style();
        for p in COPIED {
            m.set_property(p, &computed.get_property_value(p)?)?;
        }
        for (k, v) in [
            ("box-sizing", "border-box"),
            ("white-space", "pre-wrap"),
            ("overflow-wrap", "break-word"),
            ("overflow", "hidden"),
            // Blocks drawn above the scrolled-to place must not move it (scroll anchoring would).
            ("overflow-anchor", "none"),
            ("color", "transparent"),
            ("border-style", "solid"),
            ("border-color", "transparent"),
            ("margin", "0"),
            (
                "border-right-width",
                &computed.get_property_value("border-right-width")?,
            ),
            (
                "border-bottom-width",
                &computed.get_property_value("border-bottom-width")?,
            ),
        ] {
            m.set_property(k, v)?;
        }
        Ok(())
    }

    /// Keeps the overlay over the field through page scrolling, resizing and the field's own scrolling.
    pub fn follow(&self, editor: &HtmlTextAreaElement) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let r = editor.get_bounding_client_rect();
        super::place_over(&self.host, &r);
        // A transform on an ancestor (a dialog scaling in) scales the field's box but not its
        // layout: then the mirror keeps the field's own size and the host takes the scale.
        let (w, h) = (
            f64::from(editor.offset_width()),
            f64::from(editor.offset_height()),
        );
        let scaled =
            w > 0.0 && h > 0.0 && ((r.width() - w).abs() > 1.0 || (r.height() - h).abs() > 1.0);
        let (w, h) = if scaled {
            (w, h)
        } else {
            (r.width(), r.height())
        };
        let hs = self.host.style();
        if scaled {
            set(&hs, "width", &format!("{w}px"));
            set(&hs, "height", &format!("{h}px"));
            set(&hs, "transform-origin", "0 0");
            let scale = format!("scale({}, {})", r.width() / w, r.height() / h);
            set(&hs, "transform", &scale);
        } else if !hs
            .get_property_value("transform")
            .unwrap_or_default()
            .is_empty()
        {
            let _ = hs.remove_property("transform");
        }
        // The mirror is the field's border box; a scroll bar narrows the field's text, so the
        // mirror's right padding takes its width too, and lines wrap at the same words.
        let m = self.mirror.style();
        set(&m, "width", &format!("{w}px"));
        set(&m, "height", &format!("{h}px"));
        if let Ok(Some(cs)) = window.get_computed_style(editor) {
            let px = |p: &str| {
                cs.get_property_value(p)
                    .ok()
                    .and_then(|v| v.trim_end_matches("px").parse::<f64>().ok())
                    .unwrap_or(0.0)
            };
            let borders = px("border-left-width") + px("border-right-width");
            let scrollbar =
                (f64::from(editor.offset_width()) - f64::from(editor.client_width()) - borders)
                    .max(0.0);
            set(
                &m,
                "padding-right",
                &format!("{}px", px("padding-right") + scrollbar),
            );
        }
        self.mirror.set_scroll_top(editor.scroll_top());
    }

    /// Rebuilds the mirror: the text, with one span per finding that has a place in it. The
    /// old underlines go at once (none stays over text that changed); the new ones are drawn
    /// from the top, all now for a short text, in later tasks for a long one.
    pub fn render(&self, editor: &HtmlTextAreaElement, text: &str, verdict: &Verdict) {
        let generation = self.generation.get() + 1;
        self.generation.set(generation);
        self.mirror.set_text_content(None);
        let _ = self.mirror.append_child(&self.spacer);
        set(
            &self.spacer.style(),
            "height",
            &format!("{}px", editor.scroll_height()),
        );
        self.follow(editor);
        let drawing = slices::plan(text.to_owned(), &super::placed(verdict), generation);
        slices::start(
            slices::Target {
                mirror: self.mirror.clone(),
                spacer: self.spacer.clone(),
                editor: editor.clone(),
                generation: self.generation.clone(),
            },
            drawing,
        );
    }

    /// Stops the slices still to come (see [`Overlay::outdated`](super::Overlay::outdated)).
    pub fn outdated(&self) {
        self.generation.set(self.generation.get() + 1);
    }

    pub fn host(&self) -> &HtmlElement {
        &self.host
    }

    /// The element holding the underlines.
    pub fn root(&self) -> &HtmlElement {
        &self.mirror
    }
}
