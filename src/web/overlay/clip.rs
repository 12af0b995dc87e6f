//! Leaves out of the overlay the strips of the editor that the page itself covers at the top
//! or bottom of the window: a sticky header, a fixed bar or banner, a modal over the form. The
//! overlay sits above the page's own layers, so without this its underlines would be drawn
//! over them. Only fixed and sticky layers count, found by hit-testing one column of the
//! editor's visible part: anything else over the editor is the page's own business.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, Window};

/// Clips `host` (already placed over `editor`) to the part of the editor not covered.
pub fn clip_covered(host: &HtmlElement, editor: &Element) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let size = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let (view_w, view_h) = (size(window.inner_width()), size(window.inner_height()));
    let rect = editor.get_bounding_client_rect();
    let (top, bottom) = (rect.top().max(0.0), rect.bottom().min(view_h));
    let x = (rect.left() + rect.width() / 2.0).clamp(0.0, (view_w - 1.0).max(0.0));
    let (mut cut_top, mut cut_bottom) = (0.0, 0.0);
    if bottom - top > 2.0 {
        let covered = |y: f64| covered_at(&window, &document, editor, x, y);
        let (over_top, over_bottom) = (covered(top + 0.5), covered(bottom - 0.5));
        if over_top || over_bottom {
            let middle = (top + bottom) / 2.0;
            if covered(middle) {
                // A layer over the whole visible part (a modal): no underline shows through.
                cut_top = rect.height();
            } else {
                if over_top {
                    cut_top = edge(top, middle, &covered) - rect.top();
                }
                if over_bottom {
                    cut_bottom = rect.bottom() - edge(bottom, middle, &covered);
                }
            }
        }
    }
    let style = host.style();
    if cut_top <= 0.0 && cut_bottom <= 0.0 {
        // Nothing covered (the usual case, on every placing): no style written.
        if !style
            .get_property_value("clip-path")
            .unwrap_or_default()
            .is_empty()
        {
            let _ = style.remove_property("clip-path");
        }
        return;
    }
    // The clip is in the host's own coordinates, which a scaled mirror stretches.
    let shown = host.get_bounding_client_rect().height();
    let scale = if shown > 0.0 {
        f64::from(host.offset_height()) / shown
    } else {
        1.0
    };
    let inset = format!(
        "inset({}px 0px {}px 0px)",
        cut_top * scale,
        cut_bottom.max(0.0) * scale
    );
    super::set(&style, "clip-path", &inset);
}

/// Between `from` (covered) and `to` (not), the y where the cover ends, to a pixel.
fn edge(mut from: f64, mut to: f64, covered: &impl Fn(f64) -> bool) -> f64 {
    while (to - from).abs() > 1.0 {
        let mid = (from + to) / 2.0;
        if covered(mid) {
            from = mid;
        } else {
            to = mid;
        }
    }
    to
}

/// Whether the topmost element at (x, y), leaving out the extension's own, is a fixed or sticky
/// layer of the page rather than the editor.
fn covered_at(window: &Window, document: &Document, editor: &Element, x: f64, y: f64) -> bool {
    let hits = document.elements_from_point(x as f32, y as f32);
    let Some(top) = hits
        .iter()
        .filter_map(|h| h.dyn_into::<Element>().ok())
        .find(|e| !matches!(e.closest("[data-cpoms-check]"), Ok(Some(_))))
    else {
        return false;
    };
    if top == *editor || editor.contains(Some(&top)) || top.contains(Some(editor)) {
        return false;
    }
    let mut at = Some(top);
    while let Some(el) = at {
        if let Ok(Some(cs)) = window.get_computed_style(&el) {
            if matches!(
                cs.get_property_value("position").as_deref(),
                Ok("fixed" | "sticky")
            ) {
                return true;
            }
        }
        at = el.parent_element();
    }
    false
}
