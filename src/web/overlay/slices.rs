//! The mirror's text cut into blocks at line breaks, drawn a few blocks per task. Laying out
//! a long text at once is one long task (150 ms for 100,000 characters on a slow laptop);
//! a block at a time, each laid out in its own task, keeps every task short. The blocks are
//! drawn from the top, so a field showing its start has its underlines first; a newer
//! drawing (a new check) makes the slices of an older one stop.

use crate::verdict::Finding;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement, HtmlTextAreaElement};

/// About how many bytes of text one block holds (it ends at the next line break).
const BLOCK_BYTES: usize = 6_000;
/// A text up to this long (bytes) is drawn in one go, in the task that checked it.
pub(in crate::web) const AT_ONCE_BYTES: usize = 2 * BLOCK_BYTES;
/// How long (ms) one slice may draw and lay out blocks before it yields to the page, and
/// how many blocks it draws at most (on a fast machine too, the text in view comes first).
const SLICE_MS: f64 = 8.0;
const SLICE_BLOCKS: usize = 4;

/// One block: its text (byte range) and the underlines in it (byte ranges and findings).
struct Block {
    start: usize,
    end: usize,
    marks: Vec<(usize, usize, Finding)>,
}

/// A drawing in progress: the text, its blocks, and which one comes next.
pub(in crate::web) struct Drawing {
    text: String,
    blocks: Vec<Block>,
    next: usize,
    /// The mirror's generation this drawing belongs to.
    generation: u64,
}

/// Cuts `text` into blocks, each ending just after a line break (never inside an
/// underline), with `findings` (UTF-16 ranges, in order, not overlapping) as byte ranges.
pub(in crate::web) fn plan(text: String, findings: &[&Finding], generation: u64) -> Drawing {
    let units: Vec<usize> = findings
        .iter()
        .flat_map(|f| [f.start.unwrap_or(0), f.end.unwrap_or(0)])
        .collect();
    let bytes = crate::text::byte_offsets(&text, &units);
    let marks: Vec<(usize, usize, Finding)> = findings
        .iter()
        .zip(bytes.chunks(2))
        .map(|(f, b)| (b[0], b[1], (*f).clone()))
        .collect();
    // Where a cut at `b` would fall inside an underline, the underline's end, else `b`.
    let inside = |b: usize| {
        let k = marks.partition_point(|(s, _, _)| *s < b);
        match k.checked_sub(1).map(|k| &marks[k]) {
            Some((_, e, _)) if b < *e => *e,
            _ => b,
        }
    };
    // Text after the last underline's line moves none of them: it is left out (the spacer
    // keeps the mirror scrolling as far as the field). A 1 MB paste checked up to 100,000
    // characters lays out a tenth of it.
    let mut text = text;
    let keep = marks
        .last()
        .map_or(0, |(_, e, _)| cut_after(&text, *e, |b| b));
    text.truncate(keep);
    let mut cuts = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = cut_after(&text, start + BLOCK_BYTES, inside);
        cuts.push((start, end));
        start = end;
    }
    if cuts.is_empty() {
        cuts.push((0, 0));
    }
    let mut marks = marks.into_iter().peekable();
    let blocks = cuts
        .into_iter()
        .map(|(start, end)| Block {
            start,
            end,
            marks: std::iter::from_fn(|| marks.next_if(|(s, _, _)| *s < end)).collect(),
        })
        .collect();
    Drawing {
        text,
        blocks,
        next: 0,
        generation,
    }
}

impl Drawing {
    /// The blocks' byte ranges and how many underlines each holds (for the unit tests).
    #[cfg(test)]
    pub(in crate::web) fn layout(&self) -> Vec<(usize, usize, usize)> {
        self.blocks
            .iter()
            .map(|b| (b.start, b.end, b.marks.len()))
            .collect()
    }
}

/// The byte just after the first line break at or after `from` that is not inside an
/// underline (`inside` gives where the search goes on instead), or the text's end.
fn cut_after(text: &str, from: usize, inside: impl Fn(usize) -> usize) -> usize {
    let bytes = text.as_bytes();
    let mut from = from;
    while from < bytes.len() {
        let Some(nl) = bytes[from..].iter().position(|&b| b == b'\n') else {
            break;
        };
        let b = from + nl + 1;
        let moved = inside(b);
        if moved == b {
            return b;
        }
        from = moved;
    }
    text.len()
}

/// What a slice needs, apart from the app's state (a slice never borrows it: see `with_app`).
#[derive(Clone)]
pub(super) struct Target {
    pub mirror: HtmlElement,
    /// Stays last in the mirror, as tall as the field's text, so the mirror can always scroll
    /// as far as the field while its own text is still being drawn.
    pub spacer: HtmlElement,
    pub editor: HtmlTextAreaElement,
    pub generation: Rc<Cell<u64>>,
}

/// Draws the blocks: a text up to [`AT_ONCE_BYTES`] now, all of it (a new underline never
/// blinks out for a frame while typing), a longer one in slices from the next task on (the
/// task that checked it has had its share).
pub(super) fn start(target: Target, drawing: Drawing) {
    if drawing.text.len() <= AT_ONCE_BYTES {
        draw(target, drawing, true);
    } else {
        later(target, drawing);
    }
}

/// Draws blocks until the slice's time is up (or all of them, `at_once`); if some are left,
/// the rest follow in later tasks.
fn draw(target: Target, mut drawing: Drawing, at_once: bool) {
    if drawing.generation != target.generation.get() {
        return; // a newer check is being drawn
    }
    let Some(document) = super::super::document_of_page() else {
        return;
    };
    let clock = web_sys::window().and_then(|w| w.performance());
    let now = || clock.as_ref().map_or(0.0, |p| p.now());
    let started = now();
    while drawing.next < drawing.blocks.len() {
        let i = drawing.next;
        drawing.next += 1;
        let Ok(block) = build(&document, &drawing, i) else {
            return;
        };
        let _ = target.mirror.insert_before(&block, Some(&target.spacer));
        if at_once {
            continue;
        }
        // Laid out now, in this slice, not all together in a later one.
        let _ = block.offset_height();
        if now() - started >= SLICE_MS || drawing.next.is_multiple_of(SLICE_BLOCKS) {
            break;
        }
    }
    target.mirror.set_scroll_top(target.editor.scroll_top());
    if drawing.next < drawing.blocks.len() {
        later(target, drawing);
    }
}

/// The next slice, in a task of its own after the page has had its turn.
fn later(target: Target, drawing: Drawing) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let cb = Closure::once_into_js(move || draw(target, drawing, false));
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 0);
}

/// Block `i` as an element: its text, with a span over each underlined run.
fn build(document: &Document, drawing: &Drawing, i: usize) -> Result<HtmlElement, JsValue> {
    let b = &drawing.blocks[i];
    let el: HtmlElement = document.create_element("div")?.dyn_into()?;
    if i > 0 {
        // The field indents its first line only.
        el.style().set_property("text-indent", "0")?;
    }
    let text = &drawing.text;
    let mut at = b.start;
    for (s, e, f) in &b.marks {
        el.append_with_str_1(&text[at..*s])?;
        let mark = document.create_element("span")?;
        super::label(&mark, f);
        let line = if super::is_problem(f) {
            "wavy"
        } else {
            "dotted"
        };
        let c = super::colour(f.criterion);
        mark.set_attribute(
            "style",
            &format!("text-decoration: underline {line} {c}; text-decoration-skip-ink: none; text-underline-offset: 3px; background: {c}14; border-radius: 2px"),
        )?;
        mark.set_text_content(Some(&text[*s..*e]));
        el.append_child(&mark)?;
        at = *e;
    }
    el.append_with_str_1(&text[at..b.end])?;
    Ok(el)
}
