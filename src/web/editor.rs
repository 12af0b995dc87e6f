//! The entry editor, whichever kind the page uses: a `<textarea>`, a contenteditable
//! element, or a contenteditable body inside a same-origin iframe (CKEditor/TinyMCE style).
//!
//! For a rich editor the engine checks the text a person reads: text nodes in order, with a
//! line break for `<br>` and between blocks. [`TextMap`] keeps where each piece came from, so
//! a finding's UTF-16 offsets map back to a DOM `Range` (for its boxes, the caret, "Apply").

use wasm_bindgen::JsCast;
use web_sys::{
    Document, DomRect, Element, HtmlElement, HtmlFormElement, HtmlIFrameElement,
    HtmlTextAreaElement, Node, Range,
};

#[derive(Clone)]
pub enum Editor {
    Plain(HtmlTextAreaElement),
    Rich {
        /// The editing host: the contenteditable element (or the iframe's body).
        root: HtmlElement,
        /// The iframe it lives in, if any (same origin).
        frame: Option<HtmlIFrameElement>,
    },
}

/// Elements that start a new line in the text a person reads.
const BLOCKS: [&str; 18] = [
    "address",
    "article",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ol",
    "p",
    "pre",
    "ul",
];

/// A rich editor's text and the text node behind each run of it.
#[derive(Default)]
pub struct TextMap {
    pub text: String,
    /// (text node, UTF-16 offset where its data starts in `text`, its UTF-16 length), in order.
    runs: Vec<(Node, usize, usize)>,
    units: usize,
    /// A block just ended: the next text starts a new line (none is added at the very end).
    after_block: bool,
}

impl TextMap {
    pub fn of(root: &Node) -> TextMap {
        let mut map = TextMap::default();
        map.walk(root);
        map
    }

    fn walk(&mut self, node: &Node) {
        let children = node.child_nodes();
        for i in 0..children.length() {
            let Some(child) = children.item(i) else {
                continue;
            };
            match child.node_type() {
                Node::TEXT_NODE => {
                    // A no-break space (what editors insert for a typed double space) reads as a space.
                    let data = child
                        .node_value()
                        .unwrap_or_default()
                        .replace('\u{a0}', " ");
                    let len = data.encode_utf16().count();
                    self.runs.push((child, self.units, len));
                    self.text.push_str(&data);
                    self.units += len;
                }
                Node::ELEMENT_NODE => {
                    let tag = child
                        .unchecked_ref::<Element>()
                        .local_name()
                        .to_ascii_lowercase();
                    match tag.as_str() {
                        "br" => {
                            self.end_block();
                            self.push_break();
                        }
                        "script" | "style" | "template" => {}
                        t if BLOCKS.contains(&t) => {
                            self.line_break();
                            self.walk(&child);
                            self.after_block = true;
                        }
                        _ => self.walk(&child),
                    }
                }
                _ => {}
            }
        }
    }

    fn push_break(&mut self) {
        self.text.push('\n');
        self.units += 1;
    }

    /// The line break a finished block owes, now that more text follows it.
    fn end_block(&mut self) {
        if std::mem::take(&mut self.after_block) {
            self.line_break();
        }
    }

    /// A line break unless the text is empty or already ends a line.
    fn line_break(&mut self) {
        self.after_block = false;
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.push_break();
        }
    }

    /// The DOM point for a UTF-16 offset. Between runs (a line break made by an element), a
    /// start goes to the next run and an end to the previous one.
    fn point(&self, at: usize, is_end: bool) -> Option<(Node, u32)> {
        let inside = |&&(_, s, l): &&(Node, usize, usize)| {
            if is_end {
                s < at && at <= s + l
            } else {
                s <= at && at < s + l
            }
        };
        if let Some((n, s, _)) = self.runs.iter().find(inside) {
            return Some((n.clone(), (at - s) as u32));
        }
        if is_end {
            let (n, _, l) = self.runs.iter().rev().find(|(_, s, _)| *s < at)?;
            Some((n.clone(), *l as u32))
        } else {
            let (n, _, _) = self.runs.iter().find(|(_, s, _)| *s >= at)?;
            Some((n.clone(), 0))
        }
    }

    /// A DOM range over UTF-16 offsets `start..end` of the text.
    pub fn range(&self, document: &Document, start: usize, end: usize) -> Option<Range> {
        let (sn, so) = self.point(start, false)?;
        let (en, eo) = self.point(end, true)?;
        let range = document.create_range().ok()?;
        range.set_start(&sn, so).ok()?;
        range.set_end(&en, eo).ok()?;
        Some(range)
    }

    /// The UTF-16 offset of a DOM point (the caret).
    pub fn offset_of(&self, node: &Node, offset: u32) -> usize {
        if let Some((_, s, l)) = self.runs.iter().find(|(n, _, _)| n == node) {
            return s + (offset as usize).min(*l);
        }
        // An element point: the first run at or after it.
        let Some(document) = node.owner_document() else {
            return self.units;
        };
        let Ok(caret) = document.create_range() else {
            return self.units;
        };
        if caret.set_start(node, offset).is_err() {
            return self.units;
        }
        caret.collapse_with_to_start(true);
        self.runs
            .iter()
            .find(|(n, _, _)| caret.compare_point(n, 0).is_ok_and(|c| c >= 0))
            .map_or(self.units, |(_, s, _)| *s)
    }
}

impl Editor {
    /// The element that receives the person's typing (events are listened for on it).
    pub fn element(&self) -> HtmlElement {
        match self {
            Editor::Plain(t) => t.clone().unchecked_into(),
            Editor::Rich { root, .. } => root.clone(),
        }
    }

    /// The element on the top page that shows the editor (the iframe for a framed editor).
    pub fn outer(&self) -> Element {
        match self {
            Editor::Plain(t) => t.clone().unchecked_into(),
            Editor::Rich { frame: Some(f), .. } => f.clone().unchecked_into(),
            Editor::Rich { root, .. } => root.clone().unchecked_into(),
        }
    }

    /// The document the editor's text lives in.
    pub fn document(&self) -> Option<Document> {
        self.element().owner_document()
    }

    pub fn text(&self) -> String {
        match self {
            Editor::Plain(t) => t.value(),
            Editor::Rich { root, .. } => TextMap::of(root).text,
        }
    }

    /// The form the entry is submitted with: the field's own, the enclosing one, or the
    /// page's only form.
    pub fn form(&self) -> Option<HtmlFormElement> {
        if let Editor::Plain(t) = self {
            return t.form();
        }
        let outer = self.outer();
        if let Some(f) = outer.closest("form").ok().flatten() {
            return f.dyn_into().ok();
        }
        let forms = outer.owner_document()?.forms();
        (forms.length() == 1)
            .then(|| forms.item(0)?.dyn_into().ok())
            .flatten()
    }

    /// Whether this is still the editor on the page: in its document (a framed editor: its
    /// frame on the page and still showing that document; a textarea: shown). A field the
    /// page disables for a moment (while it saves) is still the entry.
    pub fn is_live(&self) -> bool {
        match self {
            // A rich editor hides the textarea it replaces (TinyMCE, CKEditor, Summernote):
            // a hidden textarea is no longer where the person types.
            Editor::Plain(t) => t.is_connected() && (t.offset_width() > 0 || t.offset_height() > 0),
            Editor::Rich {
                root,
                frame: Some(f),
            } => {
                f.is_connected()
                    && root.is_connected()
                    && f.content_document() == root.owner_document()
            }
            Editor::Rich { root, frame: None } => root.is_connected(),
        }
    }

    /// The caret's UTF-16 offset in the text, if the editor has the selection.
    pub fn caret(&self) -> Option<usize> {
        match self {
            Editor::Plain(t) => t.selection_start().ok()?.map(|c| c as usize),
            Editor::Rich { root, .. } => {
                let sel = self.document()?.get_selection().ok()??;
                let node = sel.focus_node()?;
                if !root.contains(Some(&node)) {
                    return None;
                }
                Some(TextMap::of(root).offset_of(&node, sel.focus_offset()))
            }
        }
    }

    /// Selects UTF-16 offsets `start..end` (focusing the editor).
    pub fn select(&self, start: usize, end: usize) -> bool {
        let _ = self.element().focus();
        match self {
            Editor::Plain(t) => t.set_selection_range(start as u32, end as u32).is_ok(),
            Editor::Rich { root, .. } => (|| {
                let document = self.document()?;
                let range = TextMap::of(root).range(&document, start, end)?;
                let sel = document.get_selection().ok()??;
                sel.remove_all_ranges().ok()?;
                sel.add_range(&range).ok()
            })()
            .is_some(),
        }
    }

    /// The editor's document as an HTML document (for `execCommand`). A framed editor's is
    /// an instance of its frame's own class, which `dyn_into` (this window's) would refuse.
    pub fn html_document(&self) -> Option<web_sys::HtmlDocument> {
        self.document().map(JsCast::unchecked_into)
    }

    /// Offers `replacement` for `start..end` to a rich editor as the browser offers a
    /// spelling correction: a `beforeinput` of type `insertReplacementText` over the words.
    /// Editors that keep their own model (CKEditor 5, Quill 2, Lexical, Slate) take it
    /// there, with their own undo, and cancel the event: true when one did. An editor that
    /// lets it pass (ProseMirror, TinyMCE, a bare editing host) is left unchanged by it, and
    /// the caller types the words instead.
    pub fn offer_replacement(&self, start: usize, end: usize, replacement: &str) -> bool {
        let Editor::Rich { root, .. } = self else {
            return false;
        };
        (|| {
            let document = self.document()?;
            let range = TextMap::of(root).range(&document, start, end)?;
            let words = web_sys::StaticRange::new(&web_sys::StaticRangeInit::new(
                &range.end_container().ok()?,
                range.end_offset().ok()?,
                &range.start_container().ok()?,
                range.start_offset().ok()?,
            ))
            .ok()?;
            let text = web_sys::DataTransfer::new().ok()?;
            text.set_data("text/plain", replacement).ok()?;
            let init = web_sys::InputEventInit::new();
            init.set_bubbles(true);
            init.set_cancelable(true);
            init.set_composed(true);
            init.set_input_type("insertReplacementText");
            init.set_data(Some(replacement));
            init.set_data_transfer(Some(&text));
            init.set_target_ranges(&js_sys::Array::of1(&words));
            let event = web_sys::InputEvent::new_with_event_init_dict("beforeinput", &init).ok()?;
            // dispatch_event is false when a listener cancelled the event: the editor took it.
            Some(!root.dispatch_event(&event).ok()?)
        })()
        .unwrap_or(false)
    }

    /// Where the editor's own viewport starts on the top page (an iframe's content box);
    /// `(0, 0)` for an editor in the page itself.
    pub fn frame_offset(&self) -> (f64, f64) {
        let Editor::Rich { frame: Some(f), .. } = self else {
            return (0.0, 0.0);
        };
        let r = f.get_bounding_client_rect();
        let pad = |p: &str| {
            web_sys::window()
                .and_then(|w| w.get_computed_style(f).ok().flatten())
                .and_then(|cs| cs.get_property_value(p).ok())
                .and_then(|v| v.trim_end_matches("px").parse::<f64>().ok())
                .unwrap_or(0.0)
        };
        (
            r.left() + f64::from(f.client_left()) + pad("padding-left"),
            r.top() + f64::from(f.client_top()) + pad("padding-top"),
        )
    }

    /// The box the text shows in, in the top page's viewport coordinates.
    pub fn view_rect(&self) -> DomRect {
        self.outer().get_bounding_client_rect()
    }

    /// The line boxes of `start..end` in the top page's viewport coordinates (rich editors).
    pub fn boxes(&self, map: &TextMap, start: usize, end: usize) -> Vec<(f64, f64, f64, f64)> {
        let Some(document) = self.document() else {
            return Vec::new();
        };
        let Some(range) = map.range(&document, start, end) else {
            return Vec::new();
        };
        let (dx, dy) = self.frame_offset();
        let Some(list) = range.get_client_rects() else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter(|r| r.width() > 0.5 && r.height() > 0.5)
            .map(|r| (r.left() + dx, r.top() + dy, r.width(), r.height()))
            .collect()
    }
}

/// The entry editor on the page: a textarea named for the incident, else the largest
/// visible textarea, contenteditable host, or same-origin iframe editor. `chosen` is a CSS
/// selector from the school's settings and wins when it matches an editable element.
pub fn find(document: &Document, chosen: Option<&str>) -> Option<Editor> {
    if let Some(sel) = chosen {
        if let Some(e) = document
            .query_selector(sel)
            .ok()
            .flatten()
            .and_then(|el| as_editor(&el))
        {
            return Some(e);
        }
    }
    let mut best: Option<(f64, Editor)> = None;
    let mut consider = |el: Element| {
        let Some(editor) = as_editor(&el) else {
            return;
        };
        let rect = editor.outer().get_bounding_client_rect();
        let named = ["incident", "description", "details", "body", "content"]
            .iter()
            .any(|w| name_of(&el).contains(w));
        let area = rect.width() * rect.height();
        let score = area + if named && area > 0.0 { 1e9 } else { 0.0 };
        if score > 0.0 && best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, editor));
        }
    };
    for sel in ["textarea", "[contenteditable]", "iframe"] {
        let Ok(list) = document.query_selector_all(sel) else {
            continue;
        };
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                consider(el);
            }
        }
    }
    best.map(|(_, e)| e)
}

/// The editor an element is, if it is one a person can type into.
fn as_editor(el: &Element) -> Option<Editor> {
    if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        return (!t.disabled() && !t.read_only()).then(|| Editor::Plain(t.clone()));
    }
    if let Some(f) = el.dyn_ref::<HtmlIFrameElement>() {
        // Same origin only: a cross-origin frame's document is not readable (and not ours to read).
        let doc = f.content_document()?;
        let body = doc.body()?;
        // The frame's own HTMLDocument, which `dyn_ref` (this window's class) would refuse.
        let design = doc
            .unchecked_ref::<web_sys::HtmlDocument>()
            .design_mode()
            .eq_ignore_ascii_case("on");
        return (design || body.is_content_editable()).then(|| Editor::Rich {
            root: body,
            frame: Some(f.clone()),
        });
    }
    let h = el.dyn_ref::<HtmlElement>()?;
    // The editing host only: an editable element inside another is part of it.
    let host = h.is_content_editable()
        && !h
            .parent_element()
            .and_then(|p| p.dyn_into::<HtmlElement>().ok())
            .is_some_and(|p| p.is_content_editable());
    host.then(|| Editor::Rich {
        root: h.clone(),
        frame: None,
    })
}

/// Name, id, aria-label and class of an element, lower-cased, for recognising the entry field.
fn name_of(el: &Element) -> String {
    ["name", "id", "aria-label", "class", "title"]
        .iter()
        .filter_map(|a| el.get_attribute(a))
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
