//! Assembles the browser extension from one manifest source, for every way a school installs it:
//!
//! - `dist/chrome/`, `dist/firefox/`: the unpacked extension for each browser;
//! - `dist/cpoms-check-chrome.zip`, `dist/cpoms-check-firefox.zip`: the same, deflate-compressed
//!   (the Chrome zip is what the Chrome Web Store takes);
//! - `dist/cpoms-check-VERSION.xpi`: the Firefox package, ready for signing on addons.mozilla.org;
//! - with `--key`: `dist/cpoms-check-VERSION.crx`, a CRX3 package signed with that RSA key, and
//!   `dist/updates.xml`, the update manifest for hosting both at `--base-url`.
//!
//! `pack-extension WASM [--out DIR] [--key PEM --base-url URL]`: WASM is the engine's optimised
//! WebAssembly; the JS glue comes from `pkg/web/`, the scripts from `extension/`, the manifest
//! from `manifest.json`. The version is the package's (Cargo.toml), stamped into every manifest
//! and file name: manifest.json has none of its own. Chrome gets a background service worker;
//! Firefox background scripts and its `browser_specific_settings` (gecko id, data collection: none).

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The spelling dictionary as build.rs made it, gzip-compressed.
static DICTIONARY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dictionary.bin.gz"));

/// The one version of everything this repository ships.
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The value of `--name VALUE` in `args`.
fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

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
    let out = Path::new(flag(&args, "--out").unwrap_or("dist"));
    let signing = match (flag(&args, "--key"), flag(&args, "--base-url")) {
        (Some(key), Some(url)) => Some((PathBuf::from(key), url.to_string())),
        (None, None) => None,
        _ => {
            eprintln!("pack-extension: --key and --base-url go together (the CRX and the updates.xml that names its address)");
            return ExitCode::from(2);
        }
    };
    let result = match args.first().map(String::as_str) {
        Some(wasm) if !wasm.starts_with("--") => pack(
            Path::new(env!("CARGO_MANIFEST_DIR")),
            Path::new(wasm),
            out,
            signing.as_ref(),
        ),
        _ => {
            eprintln!("usage: pack-extension WASM [--out DIR] [--key PEM --base-url URL]");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pack-extension: {e}");
            ExitCode::from(2)
        }
    }
}

/// The manifest for one browser (`chrome`, `firefox`, or `crx`: Chrome's without the
/// development `key`, since a CRX takes its id from the key that signs it).
fn manifest_for(base: &Value, browser: &str) -> Value {
    let mut m = base.clone();
    let obj = m.as_object_mut().expect("the manifest is an object");
    obj.insert("version".into(), json!(VERSION));
    if browser == "chrome" || browser == "crx" {
        obj.remove("browser_specific_settings");
        // `key` fixes the id of the unpacked build (managed policy is keyed by it).
        if browser == "crx" {
            obj.remove("key");
        }
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

type Files = Vec<(String, Vec<u8>)>;

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn pack(
    root: &Path,
    wasm: &Path,
    out: &Path,
    signing: Option<&(PathBuf, String)>,
) -> Result<(), String> {
    let read = |p: PathBuf| std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()));
    let base: Value = serde_json::from_slice(&read(root.join("manifest.json"))?)
        .map_err(|e| format!("manifest.json: {e}"))?;
    if base.get("version").is_some() {
        return Err("manifest.json has a version: the one version is Cargo.toml's".into());
    }
    // Every file of extension/ but its notes (scripts, pages, the managed-policy schema), then the engine.
    let mut files: Files = Vec::new();
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
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let with_manifest = |browser: &str| -> Files {
        let manifest =
            serde_json::to_vec_pretty(&manifest_for(&base, browser)).expect("serialises");
        let mut entries = vec![("manifest.json".to_string(), manifest)];
        entries.extend(files.iter().cloned());
        entries
    };
    for browser in ["chrome", "firefox"] {
        let entries = with_manifest(browser);
        let dir = out.join(browser);
        let _ = std::fs::remove_dir_all(&dir);
        for (name, bytes) in &entries {
            let path = dir.join(name);
            std::fs::create_dir_all(path.parent().expect("has a parent"))
                .map_err(|e| e.to_string())?;
            write(&path, bytes)?;
        }
        let zipped = zip_of(&entries)?;
        let zip = out.join(format!("cpoms-check-{browser}.zip"));
        write(&zip, &zipped)?;
        println!("{} and {}", dir.display(), zip.display());
        if browser == "firefox" {
            let xpi = out.join(format!("cpoms-check-{VERSION}.xpi"));
            write(&xpi, &zipped)?;
            println!(
                "{} (unsigned: sign it on addons.mozilla.org, docs/rollout.md)",
                xpi.display()
            );
        }
    }
    // Earlier versions' packages are not left beside the new ones.
    for entry in std::fs::read_dir(out).map_err(|e| e.to_string())?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let old = name.starts_with("cpoms-check-")
            && (name.ends_with(".crx") || name.ends_with(".xpi"))
            && name != format!("cpoms-check-{VERSION}.xpi");
        if old || name == "updates.xml" {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    match signing {
        Some((key, url)) => signed_crx(&with_manifest("crx"), key, url, out),
        None => {
            println!("no CRX: set CPOMS_CHECK_CRX_KEY and CPOMS_CHECK_UPDATE_URL to sign one (docs/rollout.md)");
            Ok(())
        }
    }
}

/// Writes `cpoms-check-VERSION.crx` (the files signed with the key at `key`, the manifest given
/// the `update_url` of the updates.xml beside it, so that installed copies keep updating from
/// the school's server) and `updates.xml` naming it at `base_url`, and prints the extension id
/// the key gives.
fn signed_crx(files: &Files, key: &Path, base_url: &str, out: &Path) -> Result<(), String> {
    let mut manifest: Value = files
        .iter()
        .find(|(n, _)| n == "manifest.json")
        .and_then(|(_, b)| serde_json::from_slice(b).ok())
        .ok_or("no readable manifest.json to pack")?;
    if manifest.get("key").is_some() {
        return Err(
            "the manifest has a `key`: a CRX takes its id from the key that signs it".into(),
        );
    }
    let version = manifest["version"]
        .as_str()
        .ok_or("the manifest has no version")?
        .to_string();
    let base = base_url.trim_end_matches('/');
    if !base.starts_with("https://") {
        return Err(format!(
            "the update address {base_url} must start with https://"
        ));
    }
    let update_url = format!("{base}/updates.xml");
    manifest["update_url"] = json!(update_url);
    let files: Files = files
        .iter()
        .map(|(n, b)| {
            let bytes = if n == "manifest.json" {
                serde_json::to_vec_pretty(&manifest).expect("serialises")
            } else {
                b.clone()
            };
            (n.clone(), bytes)
        })
        .collect();
    let pem = std::fs::read_to_string(key)
        .map_err(|e| format!("the signing key {}: {e}", key.display()))?;
    let signer = crx::Signer::from_pem(&pem).map_err(|e| format!("{}: {e}", key.display()))?;
    let crx = signer.crx3(&zip_of(&files)?);
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let name = format!("cpoms-check-{version}.crx");
    write(&out.join(&name), &crx)?;
    let xml = crx::update_manifest(&signer.id(), &version, &format!("{base}/{name}"));
    write(&out.join("updates.xml"), xml.as_bytes())?;
    println!(
        "{} and {} (to serve at {update_url}): extension id {} (use it in the managed policy; it is the same for every build signed with this key)",
        out.join(&name).display(),
        out.join("updates.xml").display(),
        signer.id()
    );
    Ok(())
}

/// A deterministic zip (fixed dates, sorted by the caller), deflate-compressed.
fn zip_of(entries: &Files) -> Result<Vec<u8>, String> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        w.start_file(name.as_str(), options)
            .map_err(|e| format!("zip {name}: {e}"))?;
        w.write_all(bytes).map_err(|e| format!("zip {name}: {e}"))?;
    }
    Ok(w.finish().map_err(|e| format!("zip: {e}"))?.into_inner())
}

/// CRX3, the signed package Chrome installs from a school's own server: `Cr24`, version 3,
/// the header's length, a protobuf `CrxFileHeader` (the RSA public key and its
/// PKCS#1 v1.5 SHA-256 signature, and the signed data holding the extension id), then the zip.
mod crx {
    use rsa::pkcs1::DecodeRsaPrivateKey;
    use rsa::pkcs1v15::SigningKey;
    use rsa::pkcs8::{DecodePrivateKey, EncodePublicKey};
    use rsa::signature::{SignatureEncoding, Signer as _};
    use rsa::RsaPrivateKey;
    use sha2::{Digest, Sha256};

    /// What the signature covers, before the signed data's length.
    pub const SIGNATURE_CONTEXT: &[u8] = b"CRX3 SignedData\x00";

    pub struct Signer {
        key: SigningKey<Sha256>,
        public_der: Vec<u8>,
    }

    impl Signer {
        /// An RSA private key in PEM: PKCS#8 (`openssl genpkey`, Chrome's own .pem) or PKCS#1.
        pub fn from_pem(pem: &str) -> Result<Signer, String> {
            let key = RsaPrivateKey::from_pkcs8_pem(pem)
                .or_else(|_| RsaPrivateKey::from_pkcs1_pem(pem))
                .map_err(|e| format!("not an RSA private key in PEM (PKCS#8 or PKCS#1): {e}"))?;
            let public_der = key
                .to_public_key()
                .to_public_key_der()
                .map_err(|e| e.to_string())?
                .as_bytes()
                .to_vec();
            Ok(Signer {
                key: SigningKey::<Sha256>::new(key),
                public_der,
            })
        }

        /// The extension id this key gives.
        pub fn id(&self) -> String {
            id_of(&self.public_der)
        }

        /// The CRX3 file of `zip`.
        pub fn crx3(&self, zip: &[u8]) -> Vec<u8> {
            let signed_data = field(1, &Sha256::digest(&self.public_der)[..16]);
            let mut message = SIGNATURE_CONTEXT.to_vec();
            message.extend_from_slice(&(signed_data.len() as u32).to_le_bytes());
            message.extend_from_slice(&signed_data);
            message.extend_from_slice(zip);
            let signature = self.key.sign(&message).to_vec();
            let proof = [field(1, &self.public_der), field(2, &signature)].concat();
            let header = [field(2, &proof), field(10000, &signed_data)].concat();
            let mut out = b"Cr24".to_vec();
            out.extend_from_slice(&3u32.to_le_bytes());
            out.extend_from_slice(&(header.len() as u32).to_le_bytes());
            out.extend_from_slice(&header);
            out.extend_from_slice(zip);
            out
        }
    }

    /// Chrome's extension id of a public key (DER): the first 16 bytes of its SHA-256, each
    /// hex digit written as a letter from `a` (0) to `p` (15).
    pub fn id_of(public_der: &[u8]) -> String {
        Sha256::digest(public_der)[..16]
            .iter()
            .flat_map(|b| [b >> 4, b & 15])
            .map(|n| char::from(b'a' + n))
            .collect()
    }

    /// A length-delimited protobuf field.
    fn field(number: u64, bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        varint(number << 3 | 2, &mut out);
        varint(bytes.len() as u64, &mut out);
        out.extend_from_slice(bytes);
        out
    }

    fn varint(mut n: u64, out: &mut Vec<u8>) {
        while n >= 0x80 {
            out.push((n as u8 & 0x7f) | 0x80);
            n >>= 7;
        }
        out.push(n as u8);
    }

    /// The update manifest Chrome fetches from the `update_url` of a self-hosted extension.
    pub fn update_manifest(id: &str, version: &str, codebase: &str) -> String {
        let attr = |s: &str| {
            s.replace('&', "&amp;")
                .replace('\'', "&apos;")
                .replace('"', "&quot;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        };
        format!(
            "<?xml version='1.0' encoding='UTF-8'?>\n\
             <gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>\n  \
             <app appid='{}'>\n    <updatecheck codebase='{}' version='{}' />\n  </app>\n</gupdate>\n",
            attr(id),
            attr(codebase),
            attr(version)
        )
    }

    /// Reads a protobuf message's length-delimited fields: (number, bytes).
    #[cfg(test)]
    pub fn fields(mut b: &[u8]) -> Vec<(u64, &[u8])> {
        let read = |b: &mut &[u8]| {
            let (mut n, mut shift) = (0u64, 0);
            loop {
                let byte = b[0];
                *b = &b[1..];
                n |= u64::from(byte & 0x7f) << shift;
                shift += 7;
                if byte < 0x80 {
                    return n;
                }
            }
        };
        let mut out = Vec::new();
        while !b.is_empty() {
            let key = read(&mut b);
            assert_eq!(key & 7, 2, "only length-delimited fields");
            let len = read(&mut b) as usize;
            out.push((key >> 3, &b[..len]));
            b = &b[len..];
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rsa::pkcs8::{DecodePublicKey, EncodePublicKey};
    use rsa::signature::Verifier;
    use std::io::Read;

    fn temp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("pack-extension-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// A throwaway RSA key made the way docs/rollout.md says to make the real one.
    fn throwaway_key(dir: &Path) -> PathBuf {
        let key = dir.join("key.pem");
        let status = std::process::Command::new("openssl")
            .args([
                "genpkey",
                "-algorithm",
                "RSA",
                "-pkeyopt",
                "rsa_keygen_bits:2048",
                "-out",
            ])
            .arg(&key)
            .stderr(std::process::Stdio::null())
            .status()
            .expect("openssl runs");
        assert!(status.success());
        key
    }

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
        let crx = manifest_for(&base, "crx");
        assert!(crx.get("key").is_none(), "a CRX's id is its signing key's");
        assert_eq!(crx["storage"]["managed_schema"], "schema.json");
    }

    #[test]
    fn the_version_comes_from_cargo_toml_only() {
        let base: Value = serde_json::from_str(include_str!("../../manifest.json")).unwrap();
        assert!(
            base.get("version").is_none(),
            "manifest.json must not carry a second version"
        );
        for browser in ["chrome", "firefox", "crx"] {
            assert_eq!(manifest_for(&base, browser)["version"], VERSION);
        }
    }

    #[test]
    fn the_manifest_key_gives_the_documented_unpacked_id() {
        let base: Value = serde_json::from_str(include_str!("../../manifest.json")).unwrap();
        let b64 = base["key"].as_str().unwrap();
        let pem = format!(
            "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n",
            b64.as_bytes()
                .chunks(64)
                .map(|c| std::str::from_utf8(c).unwrap())
                .collect::<Vec<_>>()
                .join("\n")
        );
        let key = rsa::RsaPublicKey::from_public_key_pem(&pem).unwrap();
        let der = key.to_public_key_der().unwrap();
        assert_eq!(
            crx::id_of(der.as_bytes()),
            "killhkjijifodelepbbkhnacofmblble"
        );
    }

    #[test]
    fn zips_are_compressed_deterministic_and_read_back() {
        let text = "the same words again and again. ".repeat(200).into_bytes();
        let files: Files = vec![
            ("a.txt".into(), text.clone()),
            ("pkg/b.js".into(), b"x".to_vec()),
        ];
        let zipped = zip_of(&files).unwrap();
        assert!(
            zipped.len() < text.len() / 4,
            "deflated: {} bytes",
            zipped.len()
        );
        assert_eq!(
            zipped,
            zip_of(&files).unwrap(),
            "the same input gives the same bytes"
        );
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zipped)).unwrap();
        let mut a = archive.by_name("a.txt").unwrap();
        assert_eq!(a.compression(), zip::CompressionMethod::Deflated);
        let mut back = Vec::new();
        a.read_to_end(&mut back).unwrap();
        assert_eq!(back, text);
    }

    #[test]
    fn a_crx_is_signed_by_its_key_names_its_id_and_holds_the_zip() {
        let dir = temp("crx");
        let key = throwaway_key(&dir);
        let manifest = br#"{"manifest_version": 3, "name": "t", "version": "1.2.3"}"#.to_vec();
        let files: Files = vec![("manifest.json".into(), manifest.clone())];
        signed_crx(&files, &key, "https://it.school.example/ext/", &dir).unwrap();
        let crx = std::fs::read(dir.join("cpoms-check-1.2.3.crx")).unwrap();
        assert_eq!(&crx[..4], b"Cr24");
        assert_eq!(u32::from_le_bytes(crx[4..8].try_into().unwrap()), 3);
        let len = u32::from_le_bytes(crx[8..12].try_into().unwrap()) as usize;
        let (header, zip) = (&crx[12..12 + len], &crx[12 + len..]);
        let fields = crx::fields(header);
        let proof = crx::fields(fields.iter().find(|f| f.0 == 2).unwrap().1);
        let signed_data = fields.iter().find(|f| f.0 == 10000).unwrap().1;
        let (public_der, signature) = (proof[0].1, proof[1].1);
        let id = crx::id_of(public_der);
        // The signed data is the id's 16 bytes; the signature covers it and the zip.
        let crx_id = crx::fields(signed_data)[0].1;
        let hex: String = crx_id
            .iter()
            .flat_map(|b| [b >> 4, b & 15])
            .map(|n| char::from(b'a' + n))
            .collect();
        assert_eq!(hex, id);
        let mut message = crx::SIGNATURE_CONTEXT.to_vec();
        message.extend_from_slice(&(signed_data.len() as u32).to_le_bytes());
        message.extend_from_slice(signed_data);
        message.extend_from_slice(zip);
        let public = rsa::RsaPublicKey::from_public_key_der(public_der).unwrap();
        let verifier = rsa::pkcs1v15::VerifyingKey::<sha2::Sha256>::new(public);
        let signature = rsa::pkcs1v15::Signature::try_from(signature).unwrap();
        verifier
            .verify(&message, &signature)
            .expect("a valid signature");
        let mut tampered = message.clone();
        *tampered.last_mut().unwrap() ^= 1;
        assert!(verifier.verify(&tampered, &signature).is_err());
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.to_vec())).unwrap();
        let mut back = Vec::new();
        archive
            .by_name("manifest.json")
            .unwrap()
            .read_to_end(&mut back)
            .unwrap();
        let back: Value = serde_json::from_slice(&back).unwrap();
        assert_eq!(back["version"], "1.2.3");
        assert_eq!(
            back["update_url"], "https://it.school.example/ext/updates.xml",
            "installed copies update from the school's server"
        );
        let xml = std::fs::read_to_string(dir.join("updates.xml")).unwrap();
        assert!(xml.contains(&format!("appid='{id}'")), "{xml}");
        assert!(
            xml.contains(
                "codebase='https://it.school.example/ext/cpoms-check-1.2.3.crx' version='1.2.3'"
            ),
            "{xml}"
        );
        // A manifest with a development key is refused: its id would not be the key's.
        let keyed: Files = vec![(
            "manifest.json".into(),
            br#"{"version": "1", "key": "x"}"#.to_vec(),
        )];
        assert!(signed_crx(&keyed, &key, "https://x/", &dir).is_err());
        // The update address must be HTTPS.
        assert!(signed_crx(&files, &key, "http://it.school.example/ext", &dir).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_update_manifest_escapes_its_attributes() {
        let xml = crx::update_manifest("abc", "1.0", "https://x/a?b=1&c='2'");
        assert!(
            xml.contains("codebase='https://x/a?b=1&amp;c=&apos;2&apos;'"),
            "{xml}"
        );
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
