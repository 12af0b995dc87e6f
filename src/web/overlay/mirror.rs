//! Underlines over a textarea's text: a mirror element with the field's exact text and
//! text layout, in a shadow root above the field. Each finding becomes a span over its
//! words, so the browser's own line breaking puts it in the right place.

use crate::verdict::Verdict;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, HtmlElement, HtmlTextAreaElement};

pub struct Mirror {
    host: HtmlElement,
    mirror: HtmlElement,
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
        shadow.append_child(&mirror)?;
        document.body().ok_or("no body")?.append_child(&host)?;
        let o = Mirror { host, mirror };
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
            let _ = hs.set_property("width", &format!("{w}px"));
            let _ = hs.set_property("height", &format!("{h}px"));
            let _ = hs.set_property("transform-origin", "0 0");
            let scale = format!("scale({}, {})", r.width() / w, r.height() / h);
            let _ = hs.set_property("transform", &scale);
        } else {
            let _ = hs.remove_property("transform");
        }
        // The mirror is the field's border box; a scroll bar narrows the field's text, so the
        // mirror's right padding takes its width too, and lines wrap at the same words.
        let m = self.mirror.style();
        let _ = m.set_property("width", &format!("{w}px"));
        let _ = m.set_property("height", &format!("{h}px"));
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
            let _ = m.set_property(
                "padding-right",
                &format!("{}px", px("padding-right") + scrollbar),
            );
        }
        self.mirror.set_scroll_top(editor.scroll_top());
    }

    /// Rebuilds the mirror: the text, with one span per finding that has a place in it.
    pub fn render(&self, editor: &HtmlTextAreaElement, text: &str, verdict: &Verdict) {
        let Some(document) = super::super::document_of_page() else {
            return;
        };
        self.mirror.set_text_content(None);
        let bytes = |units: usize| crate::text::byte_offset(text, units);
        let mut at = 0usize; // UTF-16 offset written so far
        for f in super::placed(verdict) {
            let (s, e) = (f.start.unwrap_or(0), f.end.unwrap_or(0));
            let _ = self.mirror.append_with_str_1(&text[bytes(at)..bytes(s)]);
            let Ok(mark) = document.create_element("span") else {
                return;
            };
            super::label(&mark, f);
            let line = if super::is_problem(f) {
                "wavy"
            } else {
                "dotted"
            };
            let c = super::colour(f.criterion);
            let _ = mark.set_attribute(
                "style",
                &format!("text-decoration: underline {line} {c}; text-decoration-skip-ink: none; text-underline-offset: 3px; background: {c}14; border-radius: 2px"),
            );
            mark.set_text_content(Some(&text[bytes(s)..bytes(e)]));
            let _ = self.mirror.append_child(&mark);
            at = e;
        }
        let _ = self.mirror.append_with_str_1(&text[bytes(at)..]);
        self.follow(editor);
    }

    pub fn host(&self) -> &HtmlElement {
        &self.host
    }

    /// The element holding the underlines.
    pub fn root(&self) -> &HtmlElement {
        &self.mirror
    }
}
