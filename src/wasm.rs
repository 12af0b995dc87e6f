//! The WebAssembly exports: `check(entry)` and `version()` (see `shared/spec/entry-json.md`).
//!
//! The entry object is validated exactly as the CLI validates JSON, so a page layer sending
//! a wrong type gets the same one-line reason. `recorded_at` defaults to the browser's
//! local clock. An optional second argument is a policy object (the school's settings).

use crate::entry::Field;
use crate::{Entry, LocalDateTime, Policy};
use wasm_bindgen::prelude::*;

fn js_err(msg: String) -> JsValue {
    js_sys::Error::new(&msg).into()
}

pub(crate) fn local_now() -> Result<LocalDateTime, JsValue> {
    let d = js_sys::Date::new_0();
    let s = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    );
    LocalDateTime::parse(&s).map_err(js_err)
}

/// `check(entry, policy?, unread?)` → verdict object. `unread` names the entry's fields the
/// caller could not read from the page (`incident_at`, `categories`, `students`): their
/// rows say so instead of calling them empty (`crate::unread`).
#[wasm_bindgen]
pub fn check(
    entry: JsValue,
    policy: Option<JsValue>,
    unread: Option<Vec<String>>,
) -> Result<JsValue, JsValue> {
    let entry = read_entry(&entry)?;
    let policy = match policy.filter(|p| !p.is_undefined() && !p.is_null()) {
        None => Policy::default(),
        Some(p) => {
            let v: serde_json::Value =
                serde_wasm_bindgen::from_value(p).map_err(|e| js_err(format!("policy: {e}")))?;
            Policy::from_value(&v).map_err(|e| js_err(e.to_string()))?
        }
    };
    let mut verdict = crate::check(&entry, &policy, local_now()?);
    let unread: Vec<&str> = crate::unread::FIELDS
        .into_iter()
        .filter(|f| unread.iter().flatten().any(|u| u == f))
        .collect();
    crate::unread::without_unread(&mut verdict, &unread);
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&verdict, &ser).map_err(|e| js_err(e.to_string()))
}

/// The entry straight from the JavaScript object, field by field (no JSON value in
/// between), through the same checks as the CLI's JSON. (The page layer calls the engine
/// in Rust; this is the path of other JavaScript callers such as Node.)
fn read_entry(entry: &JsValue) -> Result<Entry, JsValue> {
    let Some(obj) = entry
        .dyn_ref::<js_sys::Object>()
        .filter(|_| !entry.is_array())
    else {
        return Err(js_err(
            "entry: the entry must be an object with at least a \"text\" field".into(),
        ));
    };
    let keys: Vec<String> = js_sys::Object::keys(obj)
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    let field = |name: &str| {
        let v = js_sys::Reflect::get(obj, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
        if v.is_undefined() || v.is_null() {
            Field::Absent
        } else if let Some(s) = v.as_string() {
            Field::Text(s)
        } else if let Some(list) = v.dyn_ref::<js_sys::Array>() {
            Field::List(list.iter().map(|item| item.as_string()).collect())
        } else {
            Field::Other
        }
    };
    Entry::from_fields(keys.iter().map(String::as_str), field).map_err(|e| js_err(e.to_string()))
}

/// `load_dictionary(bytes)`: the spelling dictionary (`dictionary.bin`, which the extension
/// ships gzip-compressed beside the engine), given once per engine: the engine carries no
/// dictionary of its own. Until it has one, checks leave spelling out and the proofreading
/// row says so. Returns whether these bytes are the ones in use (only the first call counts).
#[wasm_bindgen]
pub fn load_dictionary(bytes: Vec<u8>) -> bool {
    crate::spell::load(bytes)
}

/// `spelling()` → whether spelling is checked (a dictionary was given and reads).
#[wasm_bindgen]
pub fn spelling() -> bool {
    crate::spell::available()
}

/// The engine's version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::version().to_string()
}

/// `settings(saved, managed)` → `{policy, managed_keys, errors}`: the settings in force from
/// what the options page saved and what the school's managed policy sets (either may be
/// `undefined`), key by key, managed winning. `errors` lists each unusable setting as
/// `{source: "saved" | "managed", key, message}`; it is left out and its default applies.
#[wasm_bindgen]
pub fn settings(saved: JsValue, managed: JsValue) -> Result<JsValue, JsValue> {
    let layer = |v: JsValue| -> Result<Option<serde_json::Value>, JsValue> {
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        serde_wasm_bindgen::from_value(v)
            .map(Some)
            .map_err(|e| js_err(format!("settings: {e}")))
    };
    let (saved, managed) = (layer(saved)?, layer(managed)?);
    let l = crate::policy::layered(saved.as_ref(), managed.as_ref());
    let out = serde_json::json!({
        "policy": l.json,
        "managed_keys": l.managed_keys,
        "errors": l.errors.iter().map(|(source, e)| serde_json::json!({
            "source": source.as_str(), "key": e.key, "message": e.message,
        })).collect::<Vec<_>>(),
    });
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&out, &ser).map_err(|e| js_err(e.to_string()))
}

/// `rules()` → `[{id, criterion, severity, title, what}]`: every rule, for the options page's list.
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsValue> {
    let list: Vec<serde_json::Value> = crate::rules::rule_defs()
        .iter()
        .map(|r| {
            serde_json::json!({
                "id": r.id,
                "criterion": r.id.split('.').next().unwrap_or(""),
                "severity": r.severity,
                "title": r.title,
                "what": r.what,
            })
        })
        .collect();
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&list, &ser).map_err(|e| js_err(e.to_string()))
}

/// `criteria()` → `[{id, title}]`: the criteria in the checklist's order, as a person names them.
#[wasm_bindgen]
pub fn criteria() -> Result<JsValue, JsValue> {
    let texts = &crate::data::data().rules.criteria;
    let list: Vec<serde_json::Value> = crate::verdict::CRITERIA
        .iter()
        .map(|&c| serde_json::json!({ "id": c, "title": texts.get(c).map_or(c, |t| t.title.as_str()) }))
        .collect();
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&list, &ser).map_err(|e| js_err(e.to_string()))
}

/// `defaults()` → every setting at the guidance's default, as the policy JSON.
#[wasm_bindgen]
pub fn defaults() -> Result<JsValue, JsValue> {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&Policy::default().to_value(), &ser)
        .map_err(|e| js_err(e.to_string()))
}
