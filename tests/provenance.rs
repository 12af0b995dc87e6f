//! Where the rules' knowledge comes from, and that every rule and list is accounted for.
//!
//! - Every list group in `data/` names its source: a `[sources]` entry for each top-level
//!   list or table of a TOML file, a `source` field in each element of an array of tables,
//!   a `# Source:` line at the top of a plain-text list.
//! - Every word of an inflected list has its forms in `data/inflections.txt` (run
//!   `scripts/gen-inflections.py` after adding words).
//! - Every rule id the code reports is in the rule table, every rule in the table is
//!   reported somewhere, and every top-level list of a data file is read by the code.

use cpoms_check::data::{data, FILES};
use std::collections::BTreeSet;
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The data files that hold lists (the rule table holds rules, with their own examples).
fn list_files() -> impl Iterator<Item = (&'static str, &'static str)> {
    FILES
        .iter()
        .copied()
        .filter(|(name, _)| *name != "rules.toml")
}

fn is_source(v: Option<&toml::Value>) -> bool {
    v.and_then(toml::Value::as_str)
        .is_some_and(|s| s.trim().len() >= 20)
}

#[test]
fn every_list_group_names_its_source() {
    let mut missing = Vec::new();
    for (name, src) in list_files() {
        if !name.ends_with(".toml") {
            let head: String = src.lines().take(5).collect::<Vec<_>>().join("\n");
            if !head.contains("Source:") {
                missing.push(format!("{name}: no `# Source:` line at the top"));
            }
            continue;
        }
        let doc: toml::Table = toml::from_str(src).unwrap();
        let sources = doc.get("sources").and_then(toml::Value::as_table);
        for (key, value) in &doc {
            if key == "sources" {
                continue;
            }
            let tables = value
                .as_array()
                .filter(|a| a.iter().all(toml::Value::is_table));
            match tables {
                Some(items) if !items.is_empty() => {
                    for (k, item) in items.iter().enumerate() {
                        if !is_source(item.get("source")) {
                            missing.push(format!("{name}: [[{key}]] #{} has no `source`", k + 1));
                        }
                    }
                }
                _ => {
                    if !is_source(sources.and_then(|s| s.get(key))) {
                        missing.push(format!("{name}: `{key}` has no entry in [sources]"));
                    }
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "lists without a source:\n{}",
        missing.join("\n")
    );
}

/// Every word that a list pattern uses, as the generator reads them.
fn pattern_words(v: &toml::Value, key: &str, out: &mut BTreeSet<String>) {
    const PROSE: [&str; 10] = [
        "sources",
        "source",
        "instead",
        "suggestion",
        "examples",
        "name",
        "labels",
        "message",
        "what",
        "why",
    ];
    if PROSE.contains(&key) || key == "windows" || key == "pass" {
        return;
    }
    match v {
        toml::Value::String(s) => {
            for chunk in s.to_lowercase().split_whitespace() {
                if chunk.starts_with('=') {
                    continue;
                }
                for alt in chunk.split('|') {
                    let mut word = String::new();
                    for c in alt.chars().chain([' ']) {
                        if c.is_ascii_lowercase() || (!word.is_empty() && (c == '\'' || c == '’'))
                        {
                            word.push(c);
                        } else {
                            if !word.is_empty() && !word.contains(['\'', '’']) {
                                out.insert(std::mem::take(&mut word));
                            }
                            word.clear();
                        }
                    }
                }
            }
        }
        toml::Value::Array(a) => a.iter().for_each(|x| pattern_words(x, "", out)),
        toml::Value::Table(t) => t.iter().for_each(|(k, x)| pattern_words(x, k, out)),
        _ => {}
    }
}

#[test]
fn every_list_word_has_its_forms_generated() {
    let known: BTreeSet<&str> = data()
        .inflections
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .collect();
    let mut words = BTreeSet::new();
    for (name, src) in list_files().filter(|(n, _)| n.ends_with(".toml")) {
        let doc: toml::Value = toml::from_str(src).unwrap();
        let _ = name;
        pattern_words(&doc, "", &mut words);
    }
    let missing: Vec<&String> = words
        .iter()
        .filter(|w| !known.contains(w.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "words with no forms in data/inflections.txt (run scripts/gen-inflections.py): {missing:?}"
    );
}

/// Every `"criterion.rule"` string literal in the engine's source.
fn rule_ids_in_code() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut stack = vec![Path::new(ROOT).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if !path.ends_with("web") && !path.ends_with("bin") {
                    stack.push(path);
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let src = std::fs::read_to_string(&path).unwrap();
            for c in cpoms_check::CRITERIA {
                let open = format!("\"{c}.");
                for (at, _) in src.match_indices(&open) {
                    // A raw string is test data (a school's settings naming an unknown rule).
                    let line_start = src[..at].rfind('\n').map_or(0, |n| n + 1);
                    if src[line_start..at].contains("r#\"") {
                        continue;
                    }
                    let rest = &src[at + open.len()..];
                    let name: String = rest
                        .chars()
                        .take_while(|ch| ch.is_ascii_lowercase() || *ch == '_')
                        .collect();
                    let closed = rest[name.len()..].starts_with('"');
                    let file = matches!(name.as_str(), "toml" | "txt" | "rs" | "md" | "json");
                    if closed && !name.is_empty() && !file {
                        ids.insert(format!("{c}.{name}"));
                    }
                }
            }
        }
    }
    ids
}

#[test]
fn every_rule_id_in_the_code_is_in_the_table_and_every_rule_is_reported() {
    let table: BTreeSet<String> = data().rules.rule.iter().map(|r| r.id.clone()).collect();
    let code = rule_ids_in_code();
    let data_rules: BTreeSet<String> = data()
        .language
        .phrase
        .iter()
        .map(|p| p.rule.clone())
        .collect();
    let unknown: Vec<&String> = code.iter().filter(|id| !table.contains(*id)).collect();
    assert!(
        unknown.is_empty(),
        "rule ids used in code but not in data/rules.toml: {unknown:?}"
    );
    let unused: Vec<&String> = table
        .iter()
        .filter(|id| !code.contains(*id) && !data_rules.contains(*id))
        .collect();
    assert!(
        unused.is_empty(),
        "rules in data/rules.toml that nothing reports: {unused:?}"
    );
}

#[test]
fn every_list_of_a_data_file_is_read_by_the_code() {
    let mut src = String::new();
    let mut stack = vec![Path::new(ROOT).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("data.rs") {
                src.push_str(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut unread = Vec::new();
    for (name, text) in list_files().filter(|(n, _)| n.ends_with(".toml")) {
        let doc: toml::Table = toml::from_str(text).unwrap();
        // Examples are read by the tests (tests/rule_examples.rs).
        for key in doc
            .keys()
            .filter(|k| !matches!(k.as_str(), "sources" | "examples"))
        {
            // A list is read where the code names its field (`.key`).
            if !src.contains(&format!(".{key}")) {
                unread.push(format!("{name}: {key}"));
            }
        }
    }
    assert!(unread.is_empty(), "lists no code reads: {unread:?}");
}

#[test]
fn the_engine_survives_an_unknown_rule_id() {
    // A school's settings may name a rule that a later version dropped: never a panic.
    assert!(!cpoms_check::rules::is_rule("language.no_such_rule"));
}
