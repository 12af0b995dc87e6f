//! Reads the rule data in `data/*.toml` when the crate is built and stores it in a compact
//! binary form (postcard) that `src/data.rs` includes: the TOML files stay the source of
//! truth, and neither their text nor a TOML reader ships in the engine (the WebAssembly).
//! A malformed file fails the build, naming the file.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

include!("src/data_types.rs");

fn read<T: serde::de::DeserializeOwned>(name: &str) -> T {
    let path = Path::new("data").join(name);
    println!("cargo:rerun-if-changed={}", path.display());
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("data/{name}: {e}"));
    toml::from_str(&src).unwrap_or_else(|e| panic!("data/{name} is malformed: {e}"))
}

fn main() {
    println!("cargo:rerun-if-changed=src/data_types.rs");
    let bundle = Bundle {
        rules: read("rules.toml"),
        language: read("language.toml"),
        evidence: read("evidence.toml"),
        speech: read("speech.toml"),
        names: read("names.toml"),
        categories: read("categories.toml"),
        documents: read("documents.toml"),
        loop_: read("loop.toml"),
        five_w: read("five_w.toml"),
        time: read("time.toml"),
        proofread: read("proofread.toml"),
        matching: read("matching.toml"),
        priority: read("priority.toml"),
    };
    let bytes = postcard::to_allocvec(&bundle).expect("the rule data serialises");
    write("data.postcard", &bytes);
    let dictionary = dictionary();
    write("dictionary.bin", &dictionary);
    // The extension's copy, gzip-compressed (the browser's DecompressionStream reads it).
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    std::io::Write::write_all(&mut gz, &dictionary).expect("compresses");
    write("dictionary.bin.gz", &gz.finish().expect("compresses"));
}

fn write(name: &str, bytes: &[u8]) {
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join(name);
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

/// The spelling dictionary as one file (`src/spell.rs` reads it; the extension ships it beside
/// the engine): the Hunspell affix file, the word list front-coded (each line: how many of the
/// previous line's characters it starts with, one digit, then the rest), and the SCOWL extras
/// (front-coded already), and WordNet's word classes of the common words (front-coded too,
/// for the confusable-word checks: they ask only of words the dictionary knows, so they
/// travel with it rather than in the engine's download), separated by NUL bytes.
/// Front-coding the word list takes its compressed size from 191 KB to 147 KB.
fn dictionary() -> Vec<u8> {
    let read = |name: &str| {
        let path = Path::new("data/dictionary").join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let (aff, dic, extra, classes) = (
        read("en-GB.aff"),
        read("en-GB.dic"),
        read("scowl-extra.txt"),
        read("word-classes.txt"),
    );
    let mut coded = String::with_capacity(dic.len());
    let mut prev: Vec<char> = Vec::new();
    for line in dic.lines() {
        let chars: Vec<char> = line.chars().collect();
        let keep = prev
            .iter()
            .zip(&chars)
            .take(9)
            .take_while(|(a, b)| a == b)
            .count();
        coded.push(char::from(b'0' + keep as u8));
        coded.extend(&chars[keep..]);
        coded.push('\n');
        prev = chars;
    }
    assert!(![&aff, &extra, &classes].iter().any(|t| t.contains('\0')));
    [
        aff.as_str(),
        coded.as_str(),
        extra.as_str(),
        classes.as_str(),
    ]
    .join("\0")
    .into_bytes()
}
