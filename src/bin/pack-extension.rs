//! Assembles the browser extension from one manifest source: `dist/chrome/` and
//! `dist/firefox/`, and a zip of each.
//!
//! `pack-extension WASM [--out DIR]`: WASM is the engine's optimised WebAssembly; the JS glue
//! comes from `pkg/web/`, the scripts from `extension/`, the manifest from `manifest.json`.
//! Chrome gets a background service worker; Firefox background scripts and its
//! `browser_specific_settings` (gecko id, data collection: none).

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The spelling dictionary as build.rs made it, gzip-compressed.
static DICTIONARY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dictionary.bin.gz"));

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `pack-extension --dictionary FILE`: writes the dictionary alone (for pkg/node and pkg/web).
    if let [flag, file] = args.as_slice() {
        if flag == "--dictionary" {
            return match std::fs::write(file, DICTIONARY) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("pack-extension: {file}: {e}");
                    ExitCode::from(2)
                }
            };
        }
    }
    let Some(wasm) = args.first() else {
        eprintln!("usage: pack-extension WASM [--out DIR]");
        return ExitCode::from(2);
    };
    let out = args
        .iter()
        .position(|a| a == "--out")
        .and_then(|i| args.get(i + 1))
        .map_or("dist", String::as_str);
    match pack(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        Path::new(wasm),
        Path::new(out),
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pack-extension: {e}");
            ExitCode::from(2)
        }
    }
}

/// The manifest for one browser.
fn manifest_for(base: &Value, browser: &str) -> Value {
    let mut m = base.clone();
    let obj = m.as_object_mut().expect("the manifest is an object");
    if browser == "chrome" {
        obj.remove("browser_specific_settings");
        // `key` fixes the id of an unpacked or self-hosted build (managed policy is keyed by it).
        obj.insert(
            "background".into(),
            json!({"service_worker": "background.js", "type": "module"}),
        );
    } else {
        // Firefox takes its id from `browser_specific_settings` and needs no managed schema.
        obj.remove("key");
        obj.remove("storage");
        obj.insert(
            "background".into(),
            json!({"scripts": ["background.js"], "type": "module"}),
        );
    }
    m
}

fn pack(root: &Path, wasm: &Path, out: &Path) -> Result<(), String> {
    let read = |p: PathBuf| std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()));
    let base: Value = serde_json::from_slice(&read(root.join("manifest.json"))?)
        .map_err(|e| format!("manifest.json: {e}"))?;
    // Every file of extension/ but its notes (scripts, pages, the managed-policy schema), then the engine.
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(root.join("extension"))
        .map_err(|e| format!("extension/: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_none_or(|e| e != "md"))
        .collect();
    names.sort();
    for path in names {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or("a file name that is not UTF-8 in extension/")?
            .to_string();
        files.push((name, read(path)?));
    }
    files.push((
        "pkg/cpoms_check.js".into(),
        read(root.join("pkg/web/cpoms_check.js"))?,
    ));
    files.push(("pkg/cpoms_check_bg.wasm".into(), read(wasm.to_path_buf())?));
    // The spelling dictionary, beside the engine (which carries none): see src/spell.rs.
    files.push(("dictionary.bin.gz".into(), DICTIONARY.to_vec()));
    for browser in ["chrome", "firefox"] {
        let dir = out.join(browser);
        let _ = std::fs::remove_dir_all(&dir);
        let manifest =
            serde_json::to_vec_pretty(&manifest_for(&base, browser)).expect("serialises");
        let mut entries: Vec<(&str, &[u8])> = vec![("manifest.json", &manifest)];
        entries.extend(files.iter().map(|(n, b)| (n.as_str(), b.as_slice())));
        for (name, bytes) in &entries {
            let path = dir.join(name);
            std::fs::create_dir_all(path.parent().expect("has a parent"))
                .map_err(|e| e.to_string())?;
            std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        let zip = out.join(format!("cpoms-check-{browser}.zip"));
        std::fs::write(&zip, zip::stored(&entries))
            .map_err(|e| format!("{}: {e}", zip.display()))?;
        println!("{} and {}", dir.display(), zip.display());
    }
    Ok(())
}

/// A deterministic zip archive with stored (uncompressed) entries: browsers and stores
/// accept it, and the same input always gives the same bytes.
mod zip {
    fn crc32(data: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 != 0 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    pub fn stored(entries: &[(&str, &[u8])]) -> Vec<u8> {
        const DOS_DATE_1980_01_01: u16 = 0x21;
        let mut out = Vec::new();
        let mut central = Vec::new();
        for (name, data) in entries {
            let offset = out.len() as u32;
            let crc = crc32(data);
            let (n, len) = (name.len() as u16, data.len() as u32);
            let common = |v: &mut Vec<u8>| {
                v.extend_from_slice(&20u16.to_le_bytes()); // version needed
                v.extend_from_slice(&0u16.to_le_bytes()); // flags
                v.extend_from_slice(&0u16.to_le_bytes()); // stored
                v.extend_from_slice(&0u16.to_le_bytes()); // time
                v.extend_from_slice(&DOS_DATE_1980_01_01.to_le_bytes());
                v.extend_from_slice(&crc.to_le_bytes());
                v.extend_from_slice(&len.to_le_bytes());
                v.extend_from_slice(&len.to_le_bytes());
                v.extend_from_slice(&n.to_le_bytes());
                v.extend_from_slice(&0u16.to_le_bytes()); // extra
            };
            out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
            common(&mut out);
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(data);
            central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
            central.extend_from_slice(&20u16.to_le_bytes()); // made by
            common(&mut central);
            central.extend_from_slice(&[0; 6]); // comment length, disk number, internal attributes
            central.extend_from_slice(&0u32.to_le_bytes()); // external attributes
            central.extend_from_slice(&offset.to_le_bytes());
            central.extend_from_slice(name.as_bytes());
        }
        let (cd_offset, cd_len, count) =
            (out.len() as u32, central.len() as u32, entries.len() as u16);
        out.extend_from_slice(&central);
        out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        out.extend_from_slice(&[0; 4]); // disk numbers
        out.extend_from_slice(&count.to_le_bytes());
        out.extend_from_slice(&count.to_le_bytes());
        out.extend_from_slice(&cd_len.to_le_bytes());
        out.extend_from_slice(&cd_offset.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn crc32_of_known_strings() {
            assert_eq!(super::crc32(b"123456789"), 0xCBF4_3926);
            assert_eq!(super::crc32(b""), 0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_browser_gets_its_background_and_only_firefox_its_gecko_settings() {
        let base: Value = serde_json::from_str(include_str!("../../manifest.json")).unwrap();
        let chrome = manifest_for(&base, "chrome");
        let firefox = manifest_for(&base, "firefox");
        assert_eq!(chrome["background"]["service_worker"], "background.js");
        assert!(chrome.get("browser_specific_settings").is_none());
        assert_eq!(firefox["background"]["scripts"][0], "background.js");
        assert_eq!(
            firefox["browser_specific_settings"]["gecko"]["data_collection_permissions"]
                ["required"][0],
            "none"
        );
        assert_eq!(chrome["storage"]["managed_schema"], "schema.json");
        assert!(chrome["key"].is_string() && firefox.get("key").is_none());
    }

    #[test]
    fn the_managed_schema_lists_every_setting_and_only_those() {
        let schema: Value =
            serde_json::from_str(include_str!("../../extension/schema.json")).unwrap();
        let mut keys: Vec<&str> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut known = cpoms_check::policy::KEYS.to_vec();
        keys.sort_unstable();
        known.sort_unstable();
        assert_eq!(keys, known);
        let fields: Vec<&str> = schema["properties"]["selectors"]["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut want = cpoms_check::policy::SELECTOR_FIELDS.to_vec();
        want.sort_unstable();
        let mut fields = fields;
        fields.sort_unstable();
        assert_eq!(fields, want);
    }
}
