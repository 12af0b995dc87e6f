//! Underlines over the entry's text, in an open shadow root above the editor: a mirror of a
//! textarea's text ([`mirror`]), or boxes from DOM ranges over a rich editor ([`boxes`]).
//! Either way there is one element per finding carrying `data-rule`, `data-criterion`,
//! `data-start` and `data-end`, and an `aria-label` naming the criterion (never colour alone).

mod boxes;
mod clip;
pub(super) mod follow;
mod mirror;
pub(super) mod slices;

use super::editor::Editor;
use crate::verdict::{Finding, Severity, Verdict};
use wasm_bindgen::JsValue;
use web_sys::{CssStyleDeclaration, Document, DomRect, Element};

pub enum Overlay {
    Mirror(mirror::Mirror),
    Boxes(boxes::Boxes),
}

impl Overlay {
    pub fn new(document: &Document, editor: &Editor) -> Result<Overlay, JsValue> {
        Ok(match editor {
            Editor::Plain(t) => Overlay::Mirror(mirror::Mirror::new(document, t)?),
            Editor::Rich { .. } => Overlay::Boxes(boxes::Boxes::new(document, editor)?),
        })
    }

    /// Redraws the underlines for a new verdict on `text`.
    pub fn render(&mut self, editor: &Editor, text: &str, verdict: &Verdict) {
        match (&mut *self, editor) {
            (Overlay::Mirror(m), Editor::Plain(t)) => m.render(t, text, verdict),
            (Overlay::Boxes(b), _) => b.render(editor, verdict),
            _ => {}
        }
        clip::clip_covered(self.host(), &editor.outer());
    }

    /// The text changed: underlines for the text as it was, still to be drawn, are not.
    pub fn outdated(&self) {
        if let Overlay::Mirror(m) = self {
            m.outdated();
        }
    }

    /// The element placed over the editor, holding the underlines.
    pub fn host(&self) -> &web_sys::HtmlElement {
        match self {
            Overlay::Mirror(m) => m.host(),
            Overlay::Boxes(b) => b.host(),
        }
    }

    /// Moves the overlay over the editor's box as it is now, keeping what it draws: for an
    /// editor that moved but kept its size ([`follow`]).
    pub fn place(&self, editor: &Editor) {
        match self {
            Overlay::Boxes(b) => {
                place_over(b.host(), &editor.view_rect());
                clip::clip_covered(b.host(), &editor.outer());
            }
            _ => self.follow(editor), // the mirror's own placing is as cheap, and knows its scale
        }
    }

    /// Like [`Overlay::follow`], after a change that may have changed the text's own layout
    /// (a font loaded, a style on the field or around it): the mirror copies it again.
    pub fn refit(&self, editor: &Editor) {
        if let (Overlay::Mirror(m), Editor::Plain(t)) = (self, editor) {
            let _ = m.copy_layout(t);
        }
        self.follow(editor);
    }

    /// Shows or hides all the underlines (the popup's switch).
    pub fn show(&self, on: bool) {
        let _ = self
            .host()
            .style()
            .set_property("visibility", if on { "visible" } else { "hidden" });
    }

    /// Keeps the underlines over their words after scrolling, resizing or reflow.
    pub fn follow(&self, editor: &Editor) {
        match (self, editor) {
            (Overlay::Mirror(m), Editor::Plain(t)) => m.follow(t),
            (Overlay::Boxes(b), _) => b.draw(editor),
            _ => {}
        }
        clip::clip_covered(self.host(), &editor.outer());
    }

    /// The underline under a point (top page viewport coordinates): its rule, start, and the box hit.
    pub fn hit(&self, x: f64, y: f64) -> Option<(String, usize, DomRect)> {
        let root = match self {
            Overlay::Mirror(m) => m.root(),
            Overlay::Boxes(b) => b.root(),
        };
        let marks = root.query_selector_all("[data-rule]").ok()?;
        for i in 0..marks.length() {
            let Some(el) = marks
                .item(i)
                .and_then(|n| wasm_bindgen::JsCast::dyn_into::<Element>(n).ok())
            else {
                continue;
            };
            for r in line_boxes(&el) {
                if x >= r.left() && x <= r.right() && y >= r.top() - 2.0 && y <= r.bottom() + 2.0 {
                    let start = el.get_attribute("data-start")?.parse().ok()?;
                    return Some((el.get_attribute("data-rule")?, start, r));
                }
            }
        }
        None
    }

    /// The first line box of the underline starting at `start`.
    pub fn rect_of(&self, rule: &str, start: usize) -> Option<DomRect> {
        let root = match self {
            Overlay::Mirror(m) => m.root(),
            Overlay::Boxes(b) => b.root(),
        };
        let el = root
            .query_selector(&format!("[data-rule=\"{rule}\"][data-start=\"{start}\"]"))
            .ok()??;
        line_boxes(&el).into_iter().next()
    }
}

/// Puts `host` (absolutely positioned in the page) exactly over `rect` (viewport coordinates).
fn place_over(host: &web_sys::HtmlElement, rect: &DomRect) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let (sx, sy) = (
        window.scroll_x().unwrap_or(0.0),
        window.scroll_y().unwrap_or(0.0),
    );
    let s = host.style();
    for (k, v) in [
        ("left", rect.left() + sx),
        ("top", rect.top() + sy),
        ("width", rect.width()),
        ("height", rect.height()),
    ] {
        set(&s, k, &format!("{v}px"));
    }
    // The page may make the body (the host's parent) positioned or transformed, which moves
    // the host's origin: the host's own box says by how much, and one correction puts it back.
    let got = host.get_bounding_client_rect();
    for (k, want, at, off) in [
        ("left", rect.left(), got.left(), sx),
        ("top", rect.top(), got.top(), sy),
    ] {
        if (want - at).abs() > 0.25 {
            let _ = s.set_property(k, &format!("{}px", want + off + (want - at)));
        }
    }
}

/// The boxes of one underline: a mirror span's line boxes, or a box wrapper's children.
fn line_boxes(el: &Element) -> Vec<DomRect> {
    let children = el.children();
    if children.length() > 0 {
        return (0..children.length())
            .filter_map(|i| children.item(i))
            .map(|c| c.get_bounding_client_rect())
            .collect();
    }
    let rects = el.get_client_rects();
    (0..rects.length()).filter_map(|i| rects.item(i)).collect()
}

/// Colour per criterion; each underline also carries a text label, so colour is never the only cue.
fn colour(criterion: &str) -> &'static str {
    match criterion {
        "language" => "#b3261e",
        "evidence" => "#8a4b00",
        "child_voice" => "#6a1b9a",
        "names" => "#1d4f91",
        "proofread" => "#00695c",
        "tagging" => "#ad1457",
        _ => "#5f4b00",
    }
}

/// Marks `el` as the underline of finding `f` (the attributes tests and assistive technology use).
fn label(el: &Element, f: &Finding) {
    for (k, v) in [
        ("data-rule", f.rule.to_string()),
        ("data-criterion", f.criterion.to_string()),
        ("data-start", f.start.unwrap_or(0).to_string()),
        ("data-end", f.end.unwrap_or(0).to_string()),
        (
            "aria-label",
            format!("{}: {}", f.criterion.replace('_', " "), f.message),
        ),
    ] {
        let _ = el.set_attribute(k, &v);
    }
}

/// The findings that have a place in the text, in drawing order: by start, problems before
/// advice, longest first, skipping any that overlap one already drawn.
pub(super) fn placed(verdict: &Verdict) -> Vec<&Finding> {
    let mut spans: Vec<_> = verdict
        .findings
        .iter()
        .filter(|f| f.start.is_some())
        .collect();
    crate::order::sort_by_key(&mut spans, |f| {
        (f.start, f.severity, std::cmp::Reverse(f.end))
    });
    let mut at = 0;
    spans.retain(|f| {
        let (s, e) = (f.start.unwrap_or(0), f.end.unwrap_or(0));
        let keep = s >= at && e > s;
        if keep {
            at = e;
        }
        keep
    });
    spans
}

fn is_problem(f: &Finding) -> bool {
    f.severity == Severity::Problem
}

/// Sets a style property unless it already has that value: an unchanged mirror is not laid
/// out again (a change to its box makes the browser lay out all of its text).
pub(super) fn set(style: &CssStyleDeclaration, property: &str, value: &str) {
    if style.get_property_value(property).ok().as_deref() != Some(value) {
        let _ = style.set_property(property, value);
    }
}
