//! The page check: what the checker found on this page, for a school's IT and for a person
//! who wonders why a row says what it says. Each field it looked for is a row (found or
//! not, how, and the value as read), and each element it read is outlined on the page.
//! Opened from the summary's list and from the toolbar popup; Close or Escape removes it.

use super::fields::{self, Fields};
use super::{escape, shadow_host};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, KeyboardEvent};

const STYLE: &str = "
  .panel { position: fixed; top: 12px; right: 12px; width: min(440px, 92vw); max-height: 80vh; overflow: auto;
           background: #fff; color: #1b1b1b; font: 14px/1.45 system-ui, sans-serif; border: 1px solid #8a8a8a;
           border-radius: 10px; box-shadow: 0 4px 18px #0004; padding: 12px 16px; z-index: 2; }
  h2 { font-size: 16px; margin: 0 0 8px; }
  ul { list-style: none; padding: 0; margin: 0 0 10px; }
  li { padding: 6px 0; border-top: 1px solid #ddd; }
  .no { color: #a4161a; } .yes { color: #1b5e20; }
  .how { color: #555; font-size: 13px; }
  .box { position: absolute; border: 2px dashed #1d4f91; border-radius: 4px; pointer-events: none; }
  .box span { position: absolute; top: -20px; left: -2px; background: #1d4f91; color: #fff; font: 600 12px system-ui, sans-serif;
              padding: 1px 6px; border-radius: 3px; white-space: nowrap; }
  .how button { font-size: 12px; padding: 1px 6px; margin-left: 6px; }
  pre { background: #f3f3f3; padding: 6px; font-size: 12px; white-space: pre-wrap; }
  button { font: 600 13px system-ui, sans-serif; padding: 4px 10px; border-radius: 5px; border: 2px solid #1d4f91; background: #fff; color: #1d4f91; cursor: pointer; }
";

/// A field as a person names it.
fn title(field: &str) -> &'static str {
    match field {
        "editor" => "Entry text",
        "incident_at" => "Incident date and time",
        "students" => "Tagged students",
        "linked_students" => "Linked students",
        "categories" => "Categories",
        "attachments" => "Attachments",
        _ => "Field",
    }
}

/// Opens the page check for the page now (replacing one already open).
pub fn open() {
    open_with(None);
}

/// The page check, after pick mode saved `picked` (settings key, selector): it also shows
/// the school's selectors as managed-policy JSON, for docs/managed-policy.md.
pub fn open_with(picked: Option<(&str, String)>) {
    let Some(document) = super::document_of_page() else {
        return;
    };
    let mut found = None;
    let mut export = None;
    super::with_app(|app| {
        let selectors = app.policy.selectors.clone();
        if picked.is_some() {
            let json = serde_json::json!({ "selectors": selectors });
            export = serde_json::to_string_pretty(&json).ok();
        }
        let editor_how = if selectors.contains_key("editor") {
            "selector, or the largest editable field"
        } else {
            "the largest editable field on the page"
        };
        let read = fields::read(&document, app.editor.text(), &selectors);
        let words = read.entry.text.split_whitespace().count();
        found = Some((
            read,
            app.editor.outer(),
            editor_how,
            format!("{words} words"),
        ));
    });
    let Some((read, editor, editor_how, editor_value)) = found else {
        return;
    };
    if let Ok(host) = show(&document, &read, &editor, editor_how, &editor_value) {
        if let (Some((key, sel)), Some(json), Some(shadow)) = (picked, export, host.shadow_root()) {
            if let Ok(Some(panel)) = shadow.query_selector(".panel") {
                let block = format!(
                    "<div data-export><p>Saved for this browser: <code>{}</code> = <code>{}</code>. \
                     For every browser in the school, the IT team can put this in the managed policy:</p><pre>{}</pre></div>",
                    escape(key),
                    escape(&sel),
                    escape(&json)
                );
                let _ = panel.insert_adjacent_html("beforeend", &block);
            }
        }
    }
}

/// Shows the rows and the outlines; returns the host.
pub fn show(
    document: &Document,
    read: &Fields,
    editor: &Element,
    editor_how: &str,
    editor_value: &str,
) -> Result<HtmlElement, JsValue> {
    if let Some(old) = document.query_selector("[data-cpoms-check=page-check]")? {
        old.remove();
    }
    let (host, shadow) = shadow_host(
        document,
        "page-check",
        "position: absolute; left: 0; top: 0; width: 0; height: 0; z-index: 2147483003",
    )?;
    let mut rows = row("editor", true, editor_how, editor_value);
    let mut boxes = outline(document, editor, title("editor"));
    for r in &read.report {
        rows.push_str(&row(r.field, r.found, &r.how, &r.value));
        if let Some(el) = &r.element {
            boxes.push_str(&outline(document, el, title(r.field)));
        }
    }
    wire_picks(&shadow);
    shadow.set_inner_html(&format!(
        "<style>{STYLE}</style>{boxes}<div class=panel role=dialog aria-labelledby=pc-t>\
         <h2 id=pc-t>What the checker found on this page</h2><ul>{rows}</ul>\
         <button type=button data-action=back>Close</button></div>"
    ));
    document.body().ok_or("no body")?.append_child(&host)?;
    let close = {
        let host = host.clone();
        move || host.remove()
    };
    if let Some(b) = shadow
        .query_selector("[data-action=back]")?
        .and_then(|b| b.dyn_into::<HtmlElement>().ok())
    {
        let c = close.clone();
        let on_click = Closure::once_into_js(c);
        b.add_event_listener_with_callback("click", on_click.unchecked_ref())?;
        b.focus()?;
    }
    let on_key = Closure::<dyn FnMut(KeyboardEvent)>::new(move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            close();
        }
    });
    host.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref())?;
    on_key.forget(); // one per opening; small
    Ok(host)
}

/// Each row's "Pick" starts pick mode for its field (one listener on the panel).
fn wire_picks(shadow: &web_sys::ShadowRoot) {
    let on_click = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
        let Some(b) = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("[data-action=pick]").ok().flatten())
        else {
            return;
        };
        let field = b.get_attribute("data-for").unwrap_or_default();
        if let Some(host) = b
            .get_root_node()
            .dyn_into::<web_sys::ShadowRoot>()
            .ok()
            .map(|s| s.host())
        {
            host.remove();
        }
        let _ = super::pick::start(&field, &title(&field).to_lowercase());
    });
    let _ = shadow.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_click.forget(); // one per opening; small
}

fn row(field: &str, found: bool, how: &str, value: &str) -> String {
    let (class, state) = if found {
        ("yes", "found")
    } else {
        ("no", "not found")
    };
    format!(
        "<li data-field=\"{field}\" data-found=\"{found}\" data-how=\"{how_attr}\"><strong>{t}</strong>: \
         <span class={class}>{state}</span> — {value}<div class=how>How: {how} \
         <button type=button data-action=pick data-for=\"{field}\">Pick on the page</button></div></li>",
        t = title(field),
        how_attr = escape(how),
        value = escape(value),
        how = escape(how),
    )
}

/// A dashed box over `el` where it is on the page now, labelled with the field's name.
fn outline(document: &Document, el: &Element, label: &str) -> String {
    let r = el.get_bounding_client_rect();
    if r.width() == 0.0 && r.height() == 0.0 {
        return String::new(); // not shown: nothing to outline
    }
    let (sx, sy) = document.default_view().map_or((0.0, 0.0), |w| {
        (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0))
    });
    format!(
        "<div class=box style=\"left:{:.0}px;top:{:.0}px;width:{:.0}px;height:{:.0}px\"><span>{}</span></div>",
        r.left() + sx - 3.0,
        r.top() + sy - 3.0,
        r.width() + 6.0,
        r.height() + 6.0,
        escape(label)
    )
}
