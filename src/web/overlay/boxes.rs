//! Underlines over a rich editor (contenteditable, or inside an iframe): each finding's
//! words are a DOM `Range` whose line boxes are drawn as boxes in a shadow root over the
//! editor. The host clips to the editor's box, so words scrolled out of the editor show none.

use super::super::editor::{Editor, TextMap};
use crate::verdict::{Finding, Verdict};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, HtmlElement};

pub struct Boxes {
    host: HtmlElement,
    layer: HtmlElement,
    /// The findings drawn, kept to redraw them when the page scrolls or reflows.
    findings: Vec<Finding>,
}

impl Boxes {
    pub fn new(document: &Document, editor: &Editor) -> Result<Boxes, JsValue> {
        let (host, shadow) = super::super::shadow_host(
            document,
            "overlay",
            "position: absolute; pointer-events: none; z-index: 2147483000; margin: 0; padding: 0; overflow: hidden",
        )?;
        let layer: HtmlElement = document.create_element("div")?.dyn_into()?;
        layer.set_attribute("style", "position: relative; width: 100%; height: 100%")?;
        shadow.append_child(&layer)?;
        document.body().ok_or("no body")?.append_child(&host)?;
        let b = Boxes {
            host,
            layer,
            findings: Vec::new(),
        };
        b.draw(editor);
        Ok(b)
    }

    pub fn render(&mut self, editor: &Editor, verdict: &Verdict) {
        self.findings = super::placed(verdict).into_iter().cloned().collect();
        self.draw(editor);
    }

    /// Places the host over the editor and draws a box per line of each finding.
    pub fn draw(&self, editor: &Editor) {
        let (Some(document), Editor::Rich { root, .. }) =
            (super::super::document_of_page(), editor)
        else {
            return;
        };
        let view = editor.view_rect();
        super::place_over(&self.host, &view);
        self.layer.set_text_content(None);
        if self.findings.is_empty() {
            return;
        }
        let map = TextMap::of(root);
        for f in &self.findings {
            let (Some(start), Some(end)) = (f.start, f.end) else {
                continue;
            };
            let lines = editor.boxes(&map, start, end);
            if lines.is_empty() {
                continue;
            }
            let left = lines.iter().map(|b| b.0).fold(f64::INFINITY, f64::min);
            let top = lines.iter().map(|b| b.1).fold(f64::INFINITY, f64::min);
            let right = lines
                .iter()
                .map(|b| b.0 + b.2)
                .fold(f64::NEG_INFINITY, f64::max);
            let bottom = lines
                .iter()
                .map(|b| b.1 + b.3)
                .fold(f64::NEG_INFINITY, f64::max);
            let Ok(mark) = document.create_element("span") else {
                return;
            };
            super::label(&mark, f);
            let _ = mark.set_attribute(
                "style",
                &format!(
                    "position: absolute; left: {}px; top: {}px; width: {}px; height: {}px",
                    left - view.left(),
                    top - view.top(),
                    right - left,
                    bottom - top
                ),
            );
            let c = super::colour(f.criterion);
            let line = if super::is_problem(f) {
                "solid"
            } else {
                "dotted"
            };
            for (x, y, w, h) in lines {
                let Ok(b) = document.create_element("span") else {
                    return;
                };
                let _ = b.set_attribute(
                    "style",
                    &format!(
                        "position: absolute; left: {}px; top: {}px; width: {w}px; height: {h}px; box-sizing: border-box; border-bottom: 2px {line} {c}; background: {c}14; border-radius: 2px",
                        x - left,
                        y - top
                    ),
                );
                let _ = mark.append_child(&b);
            }
            let _ = self.layer.append_child(&mark);
        }
    }

    pub fn host(&self) -> &HtmlElement {
        &self.host
    }

    /// The element holding the underlines.
    pub fn root(&self) -> &HtmlElement {
        &self.layer
    }
}
