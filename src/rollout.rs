//! The copy-pasteable examples of `docs/rollout.md`, generated from one sample of a school's
//! settings so that no example can drift from another, from the settings model or from the
//! managed schema. `cargo run --bin gen-docs` writes them into the doc between its
//! `<!-- example:NAME -->` markers; a test fails when the committed doc is stale, and another
//! reads each example back and checks it against the schema and the settings model.

use serde_json::{json, Map, Value};
use std::fmt::Write;

/// The settings every example sets: one of each kind of value (a choice, a number, an object,
/// a list of objects, a list of words).
pub fn sample() -> Value {
    json!({
        "staff_name_format": "full_name_role",
        "timeliness_hours": 12,
        "school_day": { "start": "08:40", "end": "15:20" },
        "extra_phrases": [{ "phrase": "went off on one", "replacement": "shouted and left the room" }],
        "never_flag": ["Summer"],
        "checklist": "when_not_met"
    })
}

/// Stands for the id Chrome and Edge give the school's own CRX (printed by the build, and in
/// `updates.xml`): every Chrome and Edge example uses it.
pub const ID: &str = "EXTENSION_ID";
/// Firefox's add-on id (manifest.json's `browser_specific_settings.gecko.id`).
pub const GECKO_ID: &str = "cpoms-check@schools.invalid";
/// Where the examples say the school serves its packages.
pub const BASE_URL: &str = "https://extensions.myschool.example/cpoms-check";

pub fn update_url() -> String {
    format!("{BASE_URL}/updates.xml")
}

pub fn xpi_url() -> String {
    format!("{BASE_URL}/cpoms-check-{}.xpi", env!("CARGO_PKG_VERSION"))
}

/// Every example: (name, fence language, text).
pub fn examples() -> Vec<(&'static str, &'static str, String)> {
    vec![
        ("sample", "json", pretty(&sample())),
        ("google-admin", "json", pretty(&google_admin())),
        ("chromium-linux", "json", pretty(&chromium_linux())),
        ("chrome-windows", "reg", chromium_reg(r"Google\Chrome")),
        ("edge-windows", "reg", chromium_reg(r"Microsoft\Edge")),
        ("chrome-macos", "xml", chrome_mobileconfig()),
        ("firefox-policies", "json", pretty(&firefox_policies())),
        (
            "firefox-esr-unsigned",
            "json",
            pretty(&firefox_esr_unsigned()),
        ),
        ("firefox-windows", "reg", firefox_reg()),
        ("firefox-macos", "xml", firefox_mobileconfig()),
    ]
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).expect("serialises") + "\n"
}

/// Google Admin's "Policy for extensions" box: each setting wrapped as `{"Value": …}`.
pub fn google_admin() -> Value {
    let wrapped: Map<String, Value> = as_map(&sample())
        .iter()
        .map(|(k, v)| (k.clone(), json!({ "Value": v })))
        .collect();
    Value::Object(wrapped)
}

/// `/etc/chromium/policies/managed/cpoms-check.json` (and Chrome's, Edge's on Linux).
pub fn chromium_linux() -> Value {
    json!({
        "ExtensionInstallForcelist": [format!("{ID};{}", update_url())],
        "3rdparty": { "extensions": { ID: sample() } }
    })
}

/// `policies.json` for Firefox on any system.
pub fn firefox_policies() -> Value {
    json!({
        "policies": {
            "ExtensionSettings": {
                GECKO_ID: { "installation_mode": "force_installed", "install_url": xpi_url() }
            },
            "3rdparty": { "Extensions": { GECKO_ID: sample() } }
        }
    })
}

/// Added to policies.json on Firefox ESR only, to run an unsigned XPI (release Firefox ignores it).
pub fn firefox_esr_unsigned() -> Value {
    json!({
        "policies": {
            "Preferences": {
                "xpinstall.signatures.required": { "Value": false, "Status": "locked" }
            }
        }
    })
}

fn as_map(v: &Value) -> &Map<String, Value> {
    v.as_object().expect("an object")
}

/// A `.reg` string: backslashes and quotes escaped.
fn reg_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A `.reg` value: a whole number as a DWORD, any other value as a string (objects and lists as
/// their JSON, which Chrome and Edge read through the extension's schema).
fn reg_value(v: &Value) -> String {
    match v {
        Value::Number(n) if n.as_u64().is_some_and(|n| n <= u64::from(u32::MAX)) => {
            format!("dword:{:08x}", n.as_u64().unwrap_or(0))
        }
        Value::String(s) => reg_string(s),
        other => reg_string(&other.to_string()),
    }
}

/// A `.reg` file for Chrome or Edge (`vendor` is `Google\Chrome` or `Microsoft\Edge`): the
/// force-install list and the settings under `3rdparty\extensions\ID\policy`.
pub fn chromium_reg(vendor: &str) -> String {
    let root = format!(r"HKEY_LOCAL_MACHINE\SOFTWARE\Policies\{vendor}");
    let mut s = String::from("Windows Registry Editor Version 5.00\n\n");
    let _ = writeln!(s, "[{root}\\ExtensionInstallForcelist]");
    let _ = writeln!(
        s,
        "\"1\"={}\n",
        reg_string(&format!("{ID};{}", update_url()))
    );
    let _ = writeln!(s, "[{root}\\3rdparty\\extensions\\{ID}\\policy]");
    for (k, v) in as_map(&sample()) {
        let _ = writeln!(s, "\"{k}\"={}", reg_value(v));
    }
    s
}

/// A `.reg` file for Firefox's Group Policy keys. Firefox reads a registry value as it is (a
/// string stays a string), so objects and lists are written as keys: an object's members as
/// values or subkeys, a list's items named 1, 2, 3…
pub fn firefox_reg() -> String {
    let root = r"HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Mozilla\Firefox";
    let mut s = String::from("Windows Registry Editor Version 5.00\n\n");
    let settings = json!({ "installation_mode": "force_installed", "install_url": xpi_url() });
    reg_tree(
        &mut s,
        &format!("{root}\\ExtensionSettings\\{GECKO_ID}"),
        &settings,
    );
    reg_tree(
        &mut s,
        &format!("{root}\\3rdparty\\Extensions\\{GECKO_ID}"),
        &sample(),
    );
    s.truncate(s.trim_end().len());
    s.push('\n');
    s
}

/// `v` (an object or a list) as the registry key `key` with its values, then its subkeys.
fn reg_tree(out: &mut String, key: &str, v: &Value) {
    let members: Vec<(String, &Value)> = match v {
        Value::Object(m) => m.iter().map(|(k, v)| (k.clone(), v)).collect(),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, v)| ((i + 1).to_string(), v))
            .collect(),
        _ => unreachable!("a key holds an object or a list"),
    };
    let _ = writeln!(out, "[{key}]");
    for (name, value) in &members {
        if !(value.is_object() || value.is_array()) {
            let _ = writeln!(out, "\"{name}\"={}", reg_value(value));
        }
    }
    out.push('\n');
    for (name, value) in &members {
        if value.is_object() || value.is_array() {
            reg_tree(out, &format!("{key}\\{name}"), value);
        }
    }
}

fn xml_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `v` as a property-list value, indented by `depth` tabs.
fn plist(v: &Value, depth: usize, out: &mut String) {
    let pad = "\t".repeat(depth);
    match v {
        Value::Object(m) => {
            let _ = writeln!(out, "{pad}<dict>");
            for (k, v) in m {
                let _ = writeln!(out, "{pad}\t<key>{}</key>", xml_text(k));
                plist(v, depth + 1, out);
            }
            let _ = writeln!(out, "{pad}</dict>");
        }
        Value::Array(a) => {
            let _ = writeln!(out, "{pad}<array>");
            for v in a {
                plist(v, depth + 1, out);
            }
            let _ = writeln!(out, "{pad}</array>");
        }
        Value::String(s) => {
            let _ = writeln!(out, "{pad}<string>{}</string>", xml_text(s));
        }
        Value::Number(n) if n.is_i64() || n.is_u64() => {
            let _ = writeln!(out, "{pad}<integer>{n}</integer>");
        }
        Value::Number(n) => {
            let _ = writeln!(out, "{pad}<real>{n}</real>");
        }
        Value::Bool(b) => {
            let _ = writeln!(out, "{pad}<{b}/>");
        }
        Value::Null => unreachable!("no setting is null"),
    }
}

/// A configuration profile (.mobileconfig) with one payload per preference domain.
fn mobileconfig(name: &str, payloads: &[(&str, Value)]) -> String {
    let slug = name.to_lowercase().replace(' ', "-");
    let content: Vec<Value> = payloads
        .iter()
        .enumerate()
        .map(|(i, (domain, settings))| {
            let mut p = as_map(settings).clone();
            p.insert("PayloadType".into(), json!(domain));
            p.insert(
                "PayloadIdentifier".into(),
                json!(format!("example.myschool.{slug}.{}", i + 1)),
            );
            p.insert(
                "PayloadUUID".into(),
                json!(format!("REPLACE-WITH-A-UUID-{}", i + 1)),
            );
            p.insert("PayloadVersion".into(), json!(1));
            Value::Object(p)
        })
        .collect();
    let profile = json!({
        "PayloadContent": content,
        "PayloadDisplayName": name,
        "PayloadIdentifier": format!("example.myschool.{slug}"),
        "PayloadScope": "System",
        "PayloadType": "Configuration",
        "PayloadUUID": "REPLACE-WITH-A-UUID-0",
        "PayloadVersion": 1
    });
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n<plist version=\"1.0\">\n",
    );
    plist(&profile, 0, &mut s);
    s.push_str("</plist>\n");
    s
}

/// Chrome on macOS: the force-install list in `com.google.Chrome`, the settings in the
/// extension's own domain `com.google.Chrome.extensions.ID`.
pub fn chrome_mobileconfig() -> String {
    mobileconfig(
        "CPOMS entry checker for Chrome",
        &[
            (
                "com.google.Chrome",
                json!({ "ExtensionInstallForcelist": [format!("{ID};{}", update_url())] }),
            ),
            (&format!("com.google.Chrome.extensions.{ID}"), sample()),
        ],
    )
}

/// Firefox on macOS: the same policies as policies.json, in `org.mozilla.firefox`.
pub fn firefox_mobileconfig() -> String {
    let mut policies = as_map(&firefox_policies()["policies"]).clone();
    policies.insert("EnterprisePoliciesEnabled".into(), json!(true));
    mobileconfig(
        "CPOMS entry checker for Firefox",
        &[("org.mozilla.firefox", Value::Object(policies))],
    )
}

/// `doc` with each example's fenced block (the one after its `<!-- example:NAME -->` marker)
/// replaced by the generated text; an unknown or missing example, or a marker without a
/// block after it, is an error.
pub fn fill(doc: &str) -> Result<String, String> {
    let examples = examples();
    let mut out = String::new();
    let mut seen = Vec::new();
    let mut lines = doc.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        out.push_str(line);
        let Some(name) = line
            .trim()
            .strip_prefix("<!-- example:")
            .and_then(|r| r.strip_suffix("-->"))
            .map(|n| n.split_whitespace().next().unwrap_or(""))
        else {
            continue;
        };
        let (_, lang, text) = examples
            .iter()
            .find(|(n, _, _)| *n == name)
            .ok_or_else(|| format!("docs/rollout.md: no example called {name}"))?;
        if !lines.next().is_some_and(|l| l.starts_with("```")) {
            return Err(format!(
                "docs/rollout.md: the example:{name} marker must be followed by a ``` block"
            ));
        }
        loop {
            match lines.next() {
                Some(l) if l.trim_end() == "```" => break,
                Some(_) => {}
                None => {
                    return Err(format!(
                        "docs/rollout.md: example {name}'s block is not closed"
                    ))
                }
            }
        }
        let _ = write!(out, "```{lang}\n{text}```\n");
        seen.push(name.to_string());
    }
    for (name, _, _) in &examples {
        if !seen.iter().any(|s| s == name) {
            return Err(format!(
                "docs/rollout.md: no <!-- example:{name} --> marker"
            ));
        }
    }
    Ok(out)
}

/// The text of example `name`'s block in `doc` (the doc's own copy, for the tests).
pub fn block<'a>(doc: &'a str, name: &str) -> Option<&'a str> {
    let marker = format!("<!-- example:{name} ");
    let at = doc.find(&marker)?;
    let start = doc[at..].find("```")? + at;
    let body = doc[start..].find('\n')? + start + 1;
    let end = doc[body..].find("\n```")? + body + 1;
    Some(&doc[body..end])
}
