//! Pick mode: when the checker cannot find a field on an unusual page, the person clicks
//! it. The click goes to the checker, not the page (nothing is ticked or opened); the
//! element is widened to the control or group it belongs to, and a selector that finds it
//! again (its id, its name, or a path from the nearest ancestor with an id) is saved in the
//! settings. The page check then shows the managed-policy JSON for the school's IT.

use super::{escape, shadow_host};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement};

const STYLE: &str = "
  .bar { position: fixed; top: 0; left: 0; right: 0; background: #1d4f91; color: #fff; font: 600 15px/1.4 system-ui, sans-serif;
         padding: 10px 16px; z-index: 2; box-shadow: 0 2px 8px #0005; }
  .box { position: fixed; border: 3px solid #f5b700; border-radius: 4px; pointer-events: none; background: #f5b70022; }
";

/// The fields that can be picked, and the settings key each one's selector is saved under.
const FIELDS: [(&str, &str); 6] = [
    ("editor", "editor"),
    ("incident_at", "incident_date"),
    ("students", "students"),
    ("linked_students", "linked_students"),
    ("categories", "categories"),
    ("attachments", "attachments"),
];

/// A window listener: the event's name and its handler.
type Listener = (&'static str, Closure<dyn FnMut(Event)>);

/// The listeners of the pick under way (removed when it ends).
struct Picking {
    host: HtmlElement,
    listeners: Vec<Listener>,
}

thread_local! {
    static PICKING: RefCell<Option<Picking>> = const { RefCell::new(None) };
    /// The last pick's listeners, off the window but kept: the pick ends inside one of them,
    /// and a closure must not be freed while it runs. Freed when the next pick starts.
    static ENDED: RefCell<Option<Picking>> = const { RefCell::new(None) };
}

/// Starts picking the element for `field` (`label` names it in the instructions).
pub fn start(field: &str, label: &str) -> Result<(), JsValue> {
    end();
    ENDED.with(|e| e.borrow_mut().take());
    let Some(&(field, key)) = FIELDS.iter().find(|(f, _)| *f == field) else {
        return Ok(());
    };
    let document = super::document_of_page().ok_or("no document")?;
    let (host, shadow) = shadow_host(
        &document,
        "pick",
        "position: fixed; inset: 0; pointer-events: none; z-index: 2147483004",
    )?;
    shadow.set_inner_html(&format!(
        "<style>{STYLE}</style><div class=bar role=status>Click the {} on the page. Escape cancels.</div><div class=box hidden></div>",
        escape(label)
    ));
    document.body().ok_or("no body")?.append_child(&host)?;
    let window = web_sys::window().ok_or("no window")?;
    let mut listeners: Vec<Listener> = Vec::new();
    let hover = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
        if let Some(el) = target(&e) {
            highlight(&widen(&el, field));
        }
    });
    listeners.push(("mouseover", hover));
    // The page sees none of the pick's presses.
    let swallow = Closure::<dyn FnMut(Event)>::new(|e: Event| {
        if target(&e).is_some() {
            e.prevent_default();
            e.stop_immediate_propagation();
        }
    });
    listeners.push(("mousedown", swallow));
    let choose = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
        let Some(el) = target(&e) else {
            return;
        };
        e.prevent_default();
        e.stop_immediate_propagation();
        let el = widen(&el, field);
        let document = el.owner_document();
        end();
        if let Some(sel) = document.and_then(|d| selector_for(&d, &el)) {
            super::save_selector(key, &sel);
            super::page_check::open_with(Some((key, sel)));
        }
    });
    listeners.push(("click", choose));
    let cancel = Closure::<dyn FnMut(Event)>::new(|e: Event| {
        if super::is_escape(&e) {
            e.prevent_default();
            end();
        }
    });
    listeners.push(("keydown", cancel));
    for (ev, f) in &listeners {
        window.add_event_listener_with_callback_and_bool(ev, f.as_ref().unchecked_ref(), true)?;
    }
    PICKING.with(|p| *p.borrow_mut() = Some(Picking { host, listeners }));
    Ok(())
}

/// Ends a pick under way (chosen or cancelled).
pub fn end() {
    let Some(p) = PICKING.with(|p| p.borrow_mut().take()) else {
        return;
    };
    if let Some(window) = web_sys::window() {
        for (ev, f) in &p.listeners {
            let _ = window.remove_event_listener_with_callback_and_bool(
                ev,
                f.as_ref().unchecked_ref(),
                true,
            );
        }
    }
    p.host.remove();
    ENDED.with(|e| *e.borrow_mut() = Some(p));
}

/// The page element an event is about (the checker's own hosts are not pickable).
fn target(e: &Event) -> Option<Element> {
    let el: Element = e.target()?.dyn_into().ok()?;
    let ours = el.closest("[data-cpoms-check]").ok().flatten().is_some();
    (!ours).then_some(el)
}

fn highlight(el: &Element) {
    PICKING.with(|p| {
        let Some(p) = p.borrow().as_ref().and_then(|p| p.host.shadow_root()) else {
            return;
        };
        let Ok(Some(b)) = p.query_selector(".box") else {
            return;
        };
        let r = el.get_bounding_client_rect();
        let _ = b.set_attribute(
            "style",
            &format!(
                "left:{:.0}px;top:{:.0}px;width:{:.0}px;height:{:.0}px",
                r.left() - 3.0,
                r.top() - 3.0,
                r.width() + 6.0,
                r.height() + 6.0
            ),
        );
        let _ = b.remove_attribute("hidden");
    });
}

/// The control or group a click inside belongs to: the categories' group (the smallest
/// ancestor with two or more choices), a picker's box, a date input, the editor.
pub fn widen(el: &Element, field: &str) -> Element {
    let holds = |e: &Element, sel: &str| e.query_selector_all(sel).map_or(0, |l| l.length());
    let climb = |ok: &dyn Fn(&Element) -> bool| {
        let mut e = Some(el.clone());
        while let Some(x) = e {
            if ok(&x) {
                return Some(x);
            }
            if matches!(x.local_name().as_str(), "form" | "body") {
                return None;
            }
            e = x.parent_element();
        }
        None
    };
    let found = match field {
        "categories" => climb(&|e| {
            holds(
                e,
                "input[type=checkbox], [aria-pressed], [role=checkbox], option",
            ) >= 2
        }),
        "students" | "linked_students" => {
            climb(&|e| holds(e, "select, input, [role=combobox]") >= 1 && e.local_name() != "label")
        }
        "incident_at" | "attachments" => {
            if el.local_name() == "input" {
                Some(el.clone())
            } else {
                climb(&|e| holds(e, "input") >= 1)
                    .and_then(|e| e.query_selector("input").ok().flatten())
            }
        }
        _ => climb(&|e| {
            matches!(e.local_name().as_str(), "textarea" | "iframe")
                || e.get_attribute("contenteditable").is_some()
        }),
    };
    found.unwrap_or_else(|| el.clone())
}

/// A selector that finds `el` and only it: its id, its name, its classes, or a path of
/// tags and positions from the nearest ancestor with an id.
pub fn selector_for(document: &Document, el: &Element) -> Option<String> {
    let finds = |sel: &str, target: &Element| {
        document
            .query_selector_all(sel)
            .is_ok_and(|l| l.length() == 1)
            && document.query_selector(sel).ok().flatten().as_ref() == Some(target)
    };
    let unique = |sel: &str| finds(sel, el);
    let plain = |s: &str| {
        s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    let id = el.id();
    if plain(&id) && unique(&format!("#{id}")) {
        return Some(format!("#{id}"));
    }
    if let Some(name) = el.get_attribute("name") {
        let sel = format!(
            "{}[name=\"{}\"]",
            el.local_name(),
            name.replace('"', "\\\"")
        );
        if unique(&sel) {
            return Some(sel);
        }
    }
    let classes: Vec<String> = el
        .class_name()
        .split_whitespace()
        .filter(|c| plain(c))
        .map(|c| format!(".{c}"))
        .collect();
    if !classes.is_empty() {
        let sel = format!("{}{}", el.local_name(), classes.join(""));
        if unique(&sel) {
            return Some(sel);
        }
    }
    let mut parts = Vec::new();
    let mut e = el.clone();
    loop {
        let Some(parent) = e.parent_element() else {
            break;
        };
        let tag = e.local_name();
        let mut n = 1;
        let mut s = e.previous_element_sibling();
        while let Some(x) = s {
            if x.local_name() == tag {
                n += 1;
            }
            s = x.previous_element_sibling();
        }
        parts.push(format!("{tag}:nth-of-type({n})"));
        let pid = parent.id();
        if plain(&pid) && finds(&format!("#{pid}"), &parent) {
            parts.push(format!("#{pid}"));
            break;
        }
        if parent.local_name() == "body" {
            parts.push("body".into());
            break;
        }
        e = parent;
    }
    parts.reverse();
    let sel = parts.join(" > ");
    unique(&sel).then_some(sel)
}
