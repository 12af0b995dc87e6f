//! docs/rollout.md's examples: current with their generator (`cargo run --bin gen-docs`), and
//! each read back from the doc's own text, in its own format (JSON, a .reg file, a property
//! list), to the one sample of settings, which the settings model accepts and which fits the
//! managed schema Chrome and Edge enforce.

use cpoms_check::policy::{self, Policy};
use cpoms_check::rollout::{self, block, sample, GECKO_ID, ID};
use serde_json::{json, Map, Value};

fn doc() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rollout.md")).unwrap()
}

fn example(name: &str) -> String {
    block(&doc(), name)
        .unwrap_or_else(|| panic!("docs/rollout.md has no example:{name}"))
        .to_string()
}

fn json_example(name: &str) -> Value {
    serde_json::from_str(&example(name)).unwrap_or_else(|e| panic!("example {name}: {e}"))
}

#[test]
fn the_examples_are_current() {
    let doc = doc();
    assert_eq!(
        rollout::fill(&doc).unwrap(),
        doc,
        "docs/rollout.md's examples are stale: run `cargo run --bin gen-docs`"
    );
}

/// Checks `v` against a JSON schema of the kind Chrome takes for managed storage (type,
/// properties, additionalProperties, items, enum): the problems found.
fn schema_errors(v: &Value, schema: &Value, at: &str, out: &mut Vec<String>) {
    let fits = match schema["type"].as_str().unwrap() {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        other => panic!("schema type {other}"),
    };
    if !fits {
        out.push(format!("{at}: {v} is not of type {}", schema["type"]));
        return;
    }
    if let Some(allowed) = schema["enum"].as_array() {
        if !allowed.contains(v) {
            out.push(format!("{at}: {v} is not one of {allowed:?}"));
        }
    }
    match v {
        Value::Object(m) => {
            for (k, item) in m {
                match schema["properties"]
                    .get(k)
                    .or(schema.get("additionalProperties"))
                {
                    Some(s) => schema_errors(item, s, &format!("{at}.{k}"), out),
                    None => out.push(format!("{at}.{k}: not in the schema")),
                }
            }
        }
        Value::Array(a) => {
            for (i, item) in a.iter().enumerate() {
                schema_errors(item, &schema["items"], &format!("{at}[{i}]"), out);
            }
        }
        _ => {}
    }
}

fn schema() -> Value {
    serde_json::from_str(include_str!("../extension/schema.json")).unwrap()
}

#[test]
fn the_schema_check_catches_what_chrome_would_drop() {
    let mut errors = Vec::new();
    let bad = json!({"checklist": "sometimes", "timeliness_hours": "a day", "colour": "red",
        "extra_phrases": [{"phrase": 3}]});
    schema_errors(&bad, &schema(), "", &mut errors);
    assert_eq!(errors.len(), 4, "{errors:?}");
}

/// Equal as settings: numbers by value, words whatever their case (the model keeps
/// never-flagged words in lower case).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::String(x), Value::String(y)) => x.to_lowercase() == y.to_lowercase(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

#[test]
fn the_sample_is_valid_settings_that_fit_the_schema_and_change_every_default() {
    let s = sample();
    let policy = Policy::from_value(&s).expect("the settings model accepts the sample");
    let mut errors = Vec::new();
    schema_errors(&s, &schema(), "", &mut errors);
    assert!(errors.is_empty(), "{errors:?}");
    // Each key is one a school would see take effect: none is its default.
    let defaults = Policy::default().to_value();
    for (k, v) in s.as_object().unwrap() {
        assert!(policy::KEYS.contains(&k.as_str()), "{k}");
        assert_ne!(&defaults[k], v, "{k} is set to its default");
        let read = &policy.to_value()[k];
        assert!(same(read, v), "{k} is read as {read}, not as written: {v}");
    }
    assert_eq!(example("sample").parse::<Value>().unwrap(), s);
}

/// `v` with `{"Value": x}` unwrapped.
fn unwrap_values(v: &Value) -> Value {
    Value::Object(
        v.as_object()
            .unwrap()
            .iter()
            .map(|(k, w)| {
                assert_eq!(w.as_object().unwrap().len(), 1, "{k}: only Value");
                (k.clone(), w["Value"].clone())
            })
            .collect(),
    )
}

#[test]
fn google_admin_and_the_linux_chromium_file_set_the_sample() {
    assert_eq!(unwrap_values(&json_example("google-admin")), sample());
    let linux = json_example("chromium-linux");
    assert_eq!(linux["3rdparty"]["extensions"][ID], sample());
    let forced = linux["ExtensionInstallForcelist"].as_array().unwrap();
    assert_eq!(forced.len(), 1);
    let (id, url) = forced[0].as_str().unwrap().split_once(';').unwrap();
    assert_eq!(id, ID);
    assert!(
        url.starts_with("https://") && url.ends_with("/updates.xml"),
        "{url}"
    );
}

#[test]
fn firefox_policies_install_the_signed_xpi_and_set_the_sample() {
    let p = json_example("firefox-policies");
    assert_eq!(p["policies"]["3rdparty"]["Extensions"][GECKO_ID], sample());
    let install = &p["policies"]["ExtensionSettings"][GECKO_ID];
    assert_eq!(install["installation_mode"], "force_installed");
    let url = install["install_url"].as_str().unwrap();
    assert!(url.starts_with("https://"), "{url}");
    assert!(
        url.ends_with(&format!("cpoms-check-{}.xpi", env!("CARGO_PKG_VERSION"))),
        "{url}"
    );
    let manifest: Value = serde_json::from_str(include_str!("../manifest.json")).unwrap();
    assert_eq!(
        manifest["browser_specific_settings"]["gecko"]["id"],
        GECKO_ID
    );
    let esr = json_example("firefox-esr-unsigned");
    assert_eq!(
        esr["policies"]["Preferences"]["xpinstall.signatures.required"]["Value"],
        false
    );
}

/// A `.reg` file as (key, [(name, value)]), string values unescaped, DWORDs as numbers.
fn read_reg(text: &str) -> Vec<(String, Vec<(String, Value)>)> {
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("Windows Registry Editor Version 5.00"));
    let mut keys: Vec<(String, Vec<(String, Value)>)> = Vec::new();
    for line in lines.filter(|l| !l.is_empty()) {
        if let Some(key) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            keys.push((key.to_string(), Vec::new()));
            continue;
        }
        let (name, value) = line.split_once("\"=").expect("\"name\"=value");
        let name = name.strip_prefix('"').unwrap().to_string();
        let value = if let Some(hex) = value.strip_prefix("dword:") {
            assert_eq!(hex.len(), 8);
            json!(u32::from_str_radix(hex, 16).unwrap())
        } else {
            let inner = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap();
            let mut s = String::new();
            let mut chars = inner.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => s.push(chars.next().unwrap()),
                    '"' => panic!("an unescaped quote in {line}"),
                    c => s.push(c),
                }
            }
            json!(s)
        };
        keys.last_mut()
            .expect("a value under a key")
            .1
            .push((name, value));
    }
    keys
}

/// Chrome and Edge read a registry string as JSON where the schema wants an object or a list.
fn as_chrome_reads(values: &[(String, Value)]) -> Value {
    let schema = schema();
    Value::Object(
        values
            .iter()
            .map(|(k, v)| {
                let want = schema["properties"][k]["type"].as_str().unwrap();
                let v = match (want, v) {
                    ("object" | "array", Value::String(s)) => serde_json::from_str(s).unwrap(),
                    _ => v.clone(),
                };
                (k.clone(), v)
            })
            .collect(),
    )
}

#[test]
fn the_chrome_and_edge_registry_files_set_the_sample() {
    for (name, vendor) in [
        ("chrome-windows", r"Google\Chrome"),
        ("edge-windows", r"Microsoft\Edge"),
    ] {
        let keys = read_reg(&example(name));
        let root = format!(r"HKEY_LOCAL_MACHINE\SOFTWARE\Policies\{vendor}");
        assert_eq!(keys.len(), 2, "{name}");
        assert_eq!(keys[0].0, format!(r"{root}\ExtensionInstallForcelist"));
        let forced = keys[0].1[0].1.as_str().unwrap();
        assert!(forced.starts_with(&format!("{ID};https://")), "{forced}");
        assert_eq!(
            keys[1].0,
            format!(r"{root}\3rdparty\extensions\{ID}\policy")
        );
        let read = as_chrome_reads(&keys[1].1);
        assert_eq!(read, sample(), "{name}");
        let mut errors = Vec::new();
        schema_errors(&read, &schema(), name, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
    }
}

/// Firefox's reading of its registry keys: values and subkeys make an object, unless the
/// first value or subkey is named 1, which makes a list.
fn firefox_reads(keys: &[(String, Vec<(String, Value)>)], root: &str) -> Value {
    let (_, values) = keys.iter().find(|(k, _)| k == root).expect("the key");
    let children: Vec<&str> = keys
        .iter()
        .filter_map(|(k, _)| k.strip_prefix(root).and_then(|r| r.strip_prefix('\\')))
        .filter(|r| !r.contains('\\'))
        .collect();
    if values.first().is_some_and(|(n, _)| n == "1") {
        return Value::Array(values.iter().map(|(_, v)| v.clone()).collect());
    }
    if children.first() == Some(&"1") {
        return Value::Array(
            children
                .iter()
                .map(|c| firefox_reads(keys, &format!(r"{root}\{c}")))
                .collect(),
        );
    }
    let mut m: Map<String, Value> = values.iter().cloned().collect();
    for c in children {
        m.insert(c.to_string(), firefox_reads(keys, &format!(r"{root}\{c}")));
    }
    Value::Object(m)
}

#[test]
fn the_firefox_registry_file_sets_the_same_as_policies_json() {
    let keys = read_reg(&example("firefox-windows"));
    let root = r"HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Mozilla\Firefox";
    let settings = firefox_reads(&keys, &format!(r"{root}\3rdparty\Extensions\{GECKO_ID}"));
    assert_eq!(settings, sample());
    let install = firefox_reads(&keys, &format!(r"{root}\ExtensionSettings\{GECKO_ID}"));
    assert_eq!(
        install,
        json_example("firefox-policies")["policies"]["ExtensionSettings"][GECKO_ID]
    );
}

/// A property list's XML as JSON (dict, array, string, integer, real, true, false).
fn read_plist(xml: &str) -> Value {
    fn tag<'a>(s: &mut &'a str) -> &'a str {
        *s = s.trim_start();
        let end = s.find('>').unwrap();
        let t = &s[1..end];
        *s = &s[end + 1..];
        t
    }
    fn text(s: &mut &str, name: &str) -> String {
        let end = s.find(&format!("</{name}>")).unwrap();
        let t = s[..end]
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        *s = &s[end + name.len() + 3..];
        t
    }
    fn value(s: &mut &str) -> Value {
        match tag(s) {
            "dict" => {
                let mut m = Map::new();
                loop {
                    match tag(s) {
                        "/dict" => return Value::Object(m),
                        "key" => {
                            let k = text(s, "key");
                            m.insert(k, value(s));
                        }
                        t => panic!("<{t}> in a dict"),
                    }
                }
            }
            "array" => {
                let mut a = Vec::new();
                loop {
                    let before = *s;
                    if tag(s) == "/array" {
                        return Value::Array(a);
                    }
                    *s = before;
                    a.push(value(s));
                }
            }
            "string" => json!(text(s, "string")),
            "integer" => json!(text(s, "integer").parse::<i64>().unwrap()),
            "real" => json!(text(s, "real").parse::<f64>().unwrap()),
            "true/" => json!(true),
            "false/" => json!(false),
            t => panic!("<{t}>"),
        }
    }
    let body = xml.split_once("<plist version=\"1.0\">").unwrap().1;
    let mut s = body;
    let v = value(&mut s);
    assert_eq!(s.trim(), "</plist>");
    v
}

/// The payloads of a .mobileconfig by their PayloadType, without the Payload* keys.
fn payloads(name: &str) -> Map<String, Value> {
    let profile = read_plist(&example(name));
    assert_eq!(profile["PayloadType"], "Configuration");
    profile["PayloadContent"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let domain = p["PayloadType"].as_str().unwrap().to_string();
            let rest = p
                .as_object()
                .unwrap()
                .iter()
                .filter(|(k, _)| !k.starts_with("Payload"));
            (
                domain,
                Value::Object(rest.map(|(k, v)| (k.clone(), v.clone())).collect()),
            )
        })
        .collect()
}

#[test]
fn the_macos_profiles_set_the_sample() {
    let chrome = payloads("chrome-macos");
    assert_eq!(
        chrome[&format!("com.google.Chrome.extensions.{ID}")],
        sample()
    );
    assert_eq!(
        chrome["com.google.Chrome"]["ExtensionInstallForcelist"],
        json_example("chromium-linux")["ExtensionInstallForcelist"]
    );
    let firefox = payloads("firefox-macos");
    let mut policies = json_example("firefox-policies")["policies"].clone();
    policies["EnterprisePoliciesEnabled"] = json!(true);
    assert_eq!(firefox["org.mozilla.firefox"], policies);
}
